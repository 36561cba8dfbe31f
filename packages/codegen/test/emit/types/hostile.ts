import type { JsonSchema } from '../../../src/schema/prepared.js';

/** Code that must stay text, in every string place of {@link HOSTILE}. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` is part of the injection.
export const CODE = '*/ export const pwned = (() => { throw new Error("ran") })(); /* ${1} `';

/** Every schema-supplied string place (#17–#21) carries `CODE` or a dangerous character. */
export const HOSTILE: JsonSchema = {
  type: ['object'],
  title: CODE,
  description: `${CODE}\u2028\u2029\u202e`,
  default: { [CODE]: CODE },
  examples: [CODE],
  $comment: CODE,
  properties: {
    [CODE]: { type: ['string'], description: CODE, title: '*/', default: CODE },
    __proto__: { const: CODE },
    '\u202eevil': { enum: [CODE, '\u2028', { [CODE]: [CODE] }] },
    item: { $ref: '#/$defs/Item' },
  },
  patternProperties: { '[*]/ */': { type: ['number'] } },
  additionalProperties: false,
  required: [CODE, '__proto__'],
  $defs: {
    Item: { type: ['object'], title: 'X', description: CODE, properties: { self: { $ref: '#/$defs/Item' } } },
  },
};
Object.defineProperty(HOSTILE.properties as object, '__proto__', {
  value: { const: CODE },
  enumerable: true,
});
