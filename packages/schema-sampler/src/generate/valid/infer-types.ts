import { declaredTypes } from '../../check/matches.js';
import type { SchemaObject } from '../../schema/json.js';

const HINTS: readonly [string, readonly string[]][] = [
  [
    'object',
    [
      'properties',
      'required',
      'additionalProperties',
      'patternProperties',
      'minProperties',
      'maxProperties',
      'propertyNames',
      'dependentRequired',
    ],
  ],
  ['array', ['items', 'prefixItems', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'contains']],
  ['string', ['minLength', 'maxLength', 'pattern', 'format']],
  ['number', ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
];

/**
 * The types to generate for: the declared ones (with `nullable`), else those implied by the keywords present,
 * else all of them. `inferred` tells callers that other types are also valid.
 */
export function typesToGenerate(schema: SchemaObject): { types: string[]; inferred: boolean } {
  const declared = declaredTypes(schema);
  if (declared !== undefined) return { types: declared, inferred: false };
  const hinted = HINTS.filter(([, keys]) => keys.some((key) => key in schema)).map(([type]) => type);
  if (hinted.length > 0) return { types: hinted, inferred: true };
  return { types: ['object', 'string', 'number', 'integer', 'array', 'boolean', 'null'], inferred: true };
}
