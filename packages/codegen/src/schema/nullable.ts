import { setOwn } from './json.js';

/** Keywords that constrain the instance in place, so adding `'null'` to `type` alone cannot admit null. */
const IN_PLACE = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'const'];

/**
 * Applies OpenAPI 3.0 `nullable: true` (and Swagger 2 `x-nullable: true`) to a node's assertions: `'null'` is
 * added to `type` (and `null` to `enum`) when that is enough; otherwise the node becomes
 * `anyOf: [<node>, { type: ['null'] }]`. That second form is the OpenAPI reading of `nullable` next to `allOf`,
 * `$ref` and friends: the author meant "this, or null", even though a plain JSON Schema `type` would not say so.
 */
export function applyNullable(assertions: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(assertions);
  if (keys.length === 0) return assertions;
  const type = assertions.type;
  if (Array.isArray(type) && !IN_PLACE.some((keyword) => keys.includes(keyword))) {
    const result: Record<string, unknown> = {};
    for (const key of keys) setOwn(result, key, assertions[key]);
    if (!type.includes('null')) result.type = [...type, 'null'];
    const members = assertions.enum;
    if (Array.isArray(members) && !members.includes(null)) result.enum = [...members, null];
    return result;
  }
  return { anyOf: [assertions, { type: ['null'] }] };
}
