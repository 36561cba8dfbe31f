import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Diagnostic } from '../diagnostics.js';
import { canonicalJson } from '../hash.js';
import type { JsonSchemaInput, SourcedDefinition } from './definition.js';

const addFormats = addFormatsModule.default;

type Validate = ReturnType<Ajv2020['compile']>;

// One ajv for the whole process (creating one costs as much as compiling a schema), and one compiled
// validator per distinct response schema: callbacks often share theirs. Keyed by canonical JSON.
let shared: Ajv2020 | undefined;
const compiled = new Map<string, Validate | Error>();

function sharedAjv(): Ajv2020 {
  if (shared === undefined) {
    // strict: false because unsupported or vendor keywords are reported by the schema step, not here.
    // addUsedSchema: false so schemas with the same `$id` in two definitions never clash in the shared instance.
    shared = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, addUsedSchema: false });
    addFormats(shared);
  }
  return shared;
}

function validatorFor(schema: JsonSchemaInput): Validate | Error {
  const key = canonicalJson(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    try {
      validate = sharedAjv().compile(typeof schema === 'boolean' ? schema : { ...schema });
    } catch (error) {
      validate = error instanceof Error ? error : new Error(String(error));
    }
    // Bounded so a long watch session cannot grow it without end.
    if (compiled.size >= 5000) compiled.clear();
    compiled.set(key, validate);
  }
  return validate;
}

/**
 * Checks `example_response` against `response_schema` with ajv (the oracle for JSON Schema semantics):
 * a warning per failure, or an error under `strict`, each with the pointer inside the example.
 * Call it only once the schema step found no error (so refs are local and resolvable).
 */
export function checkExample(item: SourcedDefinition, strict: boolean): Diagnostic[] {
  const { example_response: example, response_schema: schema, name } = item.definition;
  if (example === null) return [];
  const severity = strict ? 'error' : 'warning';
  const located = { file: item.source, definition: name };
  const validate = validatorFor(schema);
  if (validate instanceof Error) {
    const reason = validate.message;
    return [
      {
        severity: 'warning',
        code: 'example-unchecked',
        message: `example_response not checked: ajv cannot compile response_schema (${reason})`,
        pointer: '/example_response',
        ...located,
      },
    ];
  }
  if (validate(example)) return [];
  return (validate.errors ?? []).map((issue) => ({
    severity,
    code: 'example-mismatch',
    message: `example_response does not match response_schema: ${issue.message ?? 'invalid'} (schema ${issue.schemaPath})`,
    pointer: `/example_response${issue.instancePath}`,
    ...located,
  }));
}
