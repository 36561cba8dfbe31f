import type { Diagnostic } from '../../diagnostics.js';
import type { JsonSchema, PreparedSchema, SchemaObject } from '../../schema/prepared.js';
import { jsDoc } from '../escape.js';
import { jsttType, type TypeMemo } from './jstt.js';
import { KeyTable, type RefNames, rawDocText } from './to-jstt.js';

/** Options for {@link emitTypes}. */
export interface EmitTypesOptions {
  /** Name of the root type; definitions are named `<typeName><suffix>`. */
  readonly typeName: string;
  /** JSON pointer of the schema inside its callback definition (for diagnostics). */
  readonly pointer: string;
  /** Lead text of the root type's JSDoc. */
  readonly description?: string | null;
  /** An example value, printed pretty under `@example` in the root type's JSDoc. */
  readonly example?: unknown;
  /** Type expressions made earlier in the same run, reused for equal schemas (and filled). */
  readonly memo?: TypeMemo;
}

const DOC_KEYWORDS = new Set(['$defs', 'title', 'description', 'default', 'deprecated']);

function withoutDoc(schema: SchemaObject): SchemaObject {
  return Object.fromEntries(Object.entries(schema).filter(([keyword]) => !DOC_KEYWORDS.has(keyword)));
}

async function typeExpression(schema: JsonSchema, names: RefNames, memo?: TypeMemo): Promise<string> {
  return jsttType(typeof schema === 'boolean' ? schema : withoutDoc(schema), names, memo);
}

function docOf(schema: JsonSchema, lead?: string | null, example?: unknown): string {
  const parts = [lead];
  if (typeof schema === 'object') {
    parts.push(rawDocText(schema));
    if (schema.deprecated === true) parts.push('@deprecated');
  }
  if (example !== undefined) parts.push(`@example\n${JSON.stringify(example, null, 2)}`);
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n\n');
}

/**
 * TypeScript types for a prepared schema, made by json-schema-to-typescript: `export type <typeName>`
 * with a JSDoc (the given description, the schema's own title and description, `@example`), then
 * `export type <typeName><suffix>` per definition, in suffix order. `$ref`s become those names, so
 * recursion of any shape works and nothing is resolved or fetched. Same input, same bytes.
 *
 * @example
 * const { code } = await emitTypes(prepared, { typeName: 'CartRequest', pointer: '/request_schema' });
 */
export async function emitTypes(
  prepared: PreparedSchema,
  options: EmitTypesOptions,
): Promise<{ code: string; diagnostics: Diagnostic[] }> {
  // Names are spliced into the output and into `tsType`: only plain identifiers the caller generated.
  if (!/^[A-Z][A-Za-z0-9]*$/.test(options.typeName)) {
    throw new TypeError(`not a PascalCase type name: ${JSON.stringify(options.typeName)}`);
  }
  const names: RefNames = { typeName: options.typeName, keys: new KeyTable() };
  const root = prepared.schema;
  const defs = (
    typeof root === 'object' && typeof root.$defs === 'object' && root.$defs !== null ? root.$defs : {}
  ) as SchemaObject;
  const declarations = [
    {
      name: options.typeName,
      schema: root,
      doc: docOf(root, options.description, options.example),
    },
  ];
  for (const { suffix } of prepared.definitions.values()) {
    const schema = (Object.hasOwn(defs, suffix) ? defs[suffix] : true) as JsonSchema;
    declarations.push({ name: `${options.typeName}${suffix}`, schema, doc: docOf(schema) });
  }
  const diagnostics: Diagnostic[] = [];
  const sections: string[] = [];
  for (const { name, schema, doc } of declarations) {
    try {
      sections.push(
        `${jsDoc(doc)}export type ${name} = ${await typeExpression(schema, names, options.memo)};\n`,
      );
    } catch (error) {
      diagnostics.push({
        severity: 'error',
        code: 'types-emit-failed',
        message: `json-schema-to-typescript could not type ${name}: ${error instanceof Error ? error.message : String(error)}`,
        pointer: options.pointer,
      });
    }
  }
  return { code: sections.join('\n'), diagnostics };
}
