import type { JsonSchema, PreparedSchema, SchemaDefinition } from '../../../src/schema/prepared.js';

/** A normal-form schema wrapped as the schema step would hand it over (definitions from root `$defs`). */
export function prepared(schema: JsonSchema): PreparedSchema {
  const defs =
    typeof schema === 'object' && typeof schema.$defs === 'object' && schema.$defs !== null
      ? Object.keys(schema.$defs).sort()
      : [];
  const definitions = new Map<string, SchemaDefinition>(
    defs.map((suffix) => [suffix, { suffix, recursive: false, pointer: `/request_schema/$defs/${suffix}` }]),
  );
  return { schema, definitions, rootRecursive: false, pointer: '/request_schema', diagnostics: [] };
}
