import type { JsonSchemaInput } from '../load/definition.js';

/** Keywords whose value is a map of name -> subschema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is a subschema or an array of subschemas. */
const SUBSCHEMAS = new Set([
  'items',
  'prefixItems',
  'additionalItems',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'contentSchema',
]);

/** Keywords that other tools splice into code or messages (`tsType`, `tsEnumNames`, `x-zod`, `errorMessage`). */
export function isVendorKeyword(keyword: string): boolean {
  return /^ts[A-Z]/.test(keyword) || keyword.startsWith('x-') || keyword === 'errorMessage';
}

function stripValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripValue);
  return stripVendorKeywords(value as JsonSchemaInput);
}

/**
 * A copy of `schema` without vendor keywords, walking only schema positions, so a property that
 * happens to be named `tsType` is kept.
 */
export function stripVendorKeywords(schema: JsonSchemaInput): JsonSchemaInput {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (isVendorKeyword(keyword)) continue;
    let copy = value;
    if (SCHEMA_MAPS.has(keyword) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      copy = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripValue(sub)]));
    } else if (SUBSCHEMAS.has(keyword)) {
      copy = stripValue(value);
    }
    // defineProperty keeps a `__proto__` keyword or property name an own key of the copy.
    Object.defineProperty(result, keyword, {
      value: copy,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
