import type { JsonSchemaInput } from '../load/definition.js';
import {
  isVendorKeyword,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
} from '../schema/keyword-kinds.js';

/** Keywords whose value is a subschema or an array of subschemas, draft-07 and content spellings included. */
const SUBSCHEMAS: ReadonlySet<string> = new Set([
  ...SCHEMA_KEYWORDS,
  ...SCHEMA_ARRAY_KEYWORDS,
  'additionalItems',
  'contentSchema',
]);

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
    if (
      SCHEMA_MAP_KEYWORDS.has(keyword) &&
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value)
    ) {
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
