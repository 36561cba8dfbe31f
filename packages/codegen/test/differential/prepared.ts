import { referencedSuffixes } from '../../src/emit/zod/order.js';
import type { JsonSchema, PreparedSchema, SchemaDefinition } from '../../src/schema/prepared.js';

function defsOf(schema: JsonSchema): Record<string, JsonSchema> {
  if (typeof schema === 'boolean' || typeof schema.$defs !== 'object' || schema.$defs === null) return {};
  return schema.$defs as Record<string, JsonSchema>;
}

function refersToRoot(schema: JsonSchema): boolean {
  return JSON.stringify(schema).includes('"$ref":"#"');
}

/**
 * Wraps a hand-written normal-form schema as the schema step would: definitions from the root `$defs`,
 * marked recursive when they reach themselves again through `$ref`.
 */
export function prepared(schema: JsonSchema, pointer = '/response_schema'): PreparedSchema {
  const defs = defsOf(schema);
  const edges = new Map(Object.entries(defs).map(([suffix, def]) => [suffix, referencedSuffixes(def)]));
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>();
    const stack = [...(edges.get(from) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === target) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
    return false;
  };
  const definitions = new Map<string, SchemaDefinition>(
    Object.keys(defs)
      .sort()
      .map((suffix) => [
        suffix,
        { suffix, recursive: reaches(suffix, suffix), pointer: `${pointer}/$defs/${suffix}` },
      ]),
  );
  return { schema, definitions, rootRecursive: refersToRoot(schema), pointer, diagnostics: [] };
}
