import type { JsonSchema, SchemaDefinition } from '../../schema/prepared.js';

const REF_PREFIX = '#/$defs/';
// Keywords whose values are JSON data (or other definitions), not sub-schemas to search.
const DATA_KEYWORDS = new Set(['$defs', 'enum', 'const', 'default', 'examples']);

/** Suffixes of the definitions `schema` refers to through `$ref` anywhere inside it (not through `$defs`). */
export function referencedSuffixes(schema: JsonSchema): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    for (const [keyword, value] of Object.entries(node)) {
      if (keyword === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
        found.add(value.slice(REF_PREFIX.length));
      } else if (!DATA_KEYWORDS.has(keyword)) {
        visit(value);
      }
    }
  };
  visit(schema);
  return found;
}

/**
 * Definitions in an order where every one comes after the non-recursive definitions it uses directly
 * (recursive ones are reached through `z.lazy`, so they impose no order); ties keep suffix order.
 */
export function definitionOrder(
  definitions: ReadonlyMap<string, SchemaDefinition>,
  schemaOf: (suffix: string) => JsonSchema,
): string[] {
  const suffixes = [...definitions.keys()].sort();
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (suffix: string, path: Set<string>): void => {
    if (placed.has(suffix) || path.has(suffix)) return;
    path.add(suffix);
    for (const used of [...referencedSuffixes(schemaOf(suffix))].sort()) {
      if (definitions.get(used)?.recursive === false) place(used, path);
    }
    path.delete(suffix);
    placed.add(suffix);
    ordered.push(suffix);
  };
  for (const suffix of suffixes) place(suffix, new Set());
  return ordered;
}
