import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Diagnostic } from '../diagnostics.js';
import type { SourcedDefinition } from './definition.js';

const addFormats = addFormatsModule.default;

function createAjv(): Ajv2020 {
  // strict: false because unsupported or vendor keywords are reported by the schema step, not here.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  return ajv;
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
  let validate: ReturnType<Ajv2020['compile']>;
  try {
    validate = createAjv().compile(typeof schema === 'boolean' ? schema : { ...schema });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
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
