import { stringLiteral } from '../../../src/emit/escape.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';

/**
 * A normal-form schema, values typed as its root type `X` that must compile (`ok`) and must not
 * (`bad`), and free TS lines (`more`) for definitions (`X<Suffix>`).
 */
export interface TypeCase {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly ok?: readonly string[];
  readonly bad?: readonly string[];
  readonly more?: string;
}

const str = { type: ['string'] };
const num = { type: ['number'] };
// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` is the injection being tested.
const INJECTION = 'a\'b"c`d${e}\\f\ng\u2028h</script>';
const BIDI_KEY = 'admin\u202e\u2066x';

export const CASES: readonly TypeCase[] = [
  { name: 'true-root', schema: true, ok: ['1', 'null', '{ a: [1] }'] },
  { name: 'false-root', schema: false, bad: ['1', 'null'] },
  { name: 'empty-schema', schema: {}, ok: ['1', "'a'", 'null', '[{}]'] },
  { name: 'string', schema: str, ok: ["'a'"], bad: ['1', 'null'] },
  { name: 'integer', schema: { type: ['integer'] }, ok: ['1', '1.5'], bad: ["'1'"] },
  { name: 'integer-number', schema: { type: ['integer', 'number'] }, ok: ['2'], bad: ['true'] },
  { name: 'boolean', schema: { type: ['boolean'] }, ok: ['true'], bad: ['0'] },
  { name: 'null', schema: { type: ['null'] }, ok: ['null'], bad: ['undefined', '0'] },
  { name: 'nullable-string', schema: { type: ['string', 'null'] }, ok: ['null', "'a'"], bad: ['1'] },
  {
    name: 'object-required-optional',
    schema: { type: ['object'], properties: { a: str, b: num }, required: ['a'] },
    ok: ["{ a: 'x' }", "{ a: 'x', b: 1 }", "{ a: 'x', extra: [true] }"],
    bad: ['{}', '{ a: 1 }', "{ a: 'x', b: undefined }", "{ a: 'x', b: 'y' }", "'a'"],
  },
  {
    name: 'closed-object',
    schema: { type: ['object'], properties: { a: str }, additionalProperties: false },
    ok: ['{}', "{ a: 'x' }"],
    bad: ["{ a: 'x', z: 1 }"],
  },
  {
    name: 'closed-empty-object',
    schema: { type: ['object'], additionalProperties: false },
    ok: ['{}'],
    bad: ['{ a: 1 }', "'string'", '1'],
  },
  {
    name: 'additional-properties-schema',
    schema: { type: ['object'], properties: { a: str }, additionalProperties: num },
    ok: ["{ a: 'x', z: 1, y: 2 }", '{}'],
    bad: ['{ a: 1 }', '{ z: true }'],
  },
  {
    name: 'pattern-properties-closed',
    schema: {
      type: ['object'],
      patternProperties: { '^x': { type: ['boolean'] } },
      additionalProperties: false,
    },
    ok: ['{ x1: true }', '{}'],
    bad: ["{ x1: 'a' }"],
  },
  {
    name: 'pattern-properties-with-additional',
    schema: {
      type: ['object'],
      patternProperties: { '^x': { type: ['boolean'] }, 'a*/': str },
      additionalProperties: num,
    },
    ok: ["{ x1: true, y: 1, z: 'a' }"],
    bad: ['{ x1: null }'],
  },
  {
    name: 'pattern-properties-open',
    schema: { type: ['object'], patternProperties: { '^x': { type: ['boolean'] } } },
    ok: ["{ x1: 'anything', y: null }"],
  },
  {
    name: 'array-items',
    schema: { type: ['array'], items: str },
    ok: ['[]', "['a', 'b']"],
    bad: ['[1]', "'a'"],
  },
  { name: 'array-any', schema: { type: ['array'] }, ok: ["[1, 'a', null]"], bad: ['{}'] },
  { name: 'array-items-false', schema: { type: ['array'], items: false }, ok: ['[]'], bad: ['[1]'] },
  {
    name: 'tuple-closed',
    schema: { type: ['array'], prefixItems: [str, num], items: false },
    ok: ['[]', "['a']", "['a', 1]"],
    bad: ["['a', 1, 2]", '[1]', "[1, 'a']", '[undefined]'],
  },
  {
    name: 'tuple-min-items',
    schema: { type: ['array'], prefixItems: [str, num, str], items: false, minItems: 2 },
    ok: ["['a', 1]", "['a', 1, 'b']"],
    bad: ['[]', "['a']", "['a', 1, 'b', 'c']"],
  },
  {
    name: 'array-of-tuples',
    schema: { type: ['array'], items: { type: ['array'], prefixItems: [str, num], items: false } },
    ok: ["[[], ['a'], ['b', 2]]"],
    bad: ['[[1]]', "[['a', 1, 1]]"],
  },
  {
    name: 'tuple-rest',
    schema: { type: ['array'], prefixItems: [str], items: { type: ['boolean'] } },
    ok: ['[]', "['a']", "['a', true, false]"],
    bad: ["['a', 1]"],
  },
  {
    name: 'tuple-open',
    schema: { type: ['array'], prefixItems: [str, num] },
    ok: ["['a', 1, {}, null]"],
    bad: ["['a', 'b']"],
  },
  {
    name: 'bounded-array',
    schema: { type: ['array'], items: num, minItems: 2, maxItems: 100000, uniqueItems: true },
    ok: ['[]', '[1, 2, 3]'],
  },
  {
    name: 'enum-strings',
    schema: { enum: ['a', 'b', 'a', 'A', ''] },
    ok: ["'a'", "'b'", "'A'", "''"],
    bad: ["'c'", "'B'", 'null'],
  },
  {
    name: 'enum-typed',
    schema: { type: ['string'], enum: ['a', 'B', ''] },
    ok: ["'a'", "''"],
    bad: ["'A'", "'b'"],
  },
  {
    name: 'enum-mixed',
    schema: { enum: ['a', 1, null, true, { k: [1, 'z'] }, [1, 2]] },
    ok: ["'a'", '1', 'null', 'true', "{ k: [1, 'z'] }", '[1, 2]'],
    bad: ['2', 'false', "{ k: [2, 'z'] }", '[2, 1]'],
  },
  {
    // Literals the type rules out stay (wider than JSON Schema): Zod's inferred intersection keeps them too.
    name: 'enum-outside-type',
    schema: { type: ['string', 'integer'], enum: ['a', 1, true] },
    ok: ["'a'", '1'],
    bad: ["'b'", '2', 'false'],
  },
  {
    name: 'enum-object-typed',
    schema: {
      type: ['object'],
      properties: { a: str },
      enum: JSON.parse('[{"a": "x"}, {"__proto__": {"b": 1}, "a": "y"}, "not-an-object"]'),
    },
    ok: ["{ a: 'x' }", "{ ['__proto__']: { b: 1 }, a: 'y' }"],
    bad: ["{ a: 'z' }", "{ a: 'y' }", "'not-an-object'"],
  },
  {
    name: 'const-array-typed',
    schema: { type: ['array'], items: num, const: [1, 2] },
    ok: ['[1, 2]'],
    bad: ['[2, 1]', '[1]'],
  },
  { name: 'enum-empty', schema: { enum: [] }, bad: ["'a'", 'null'] },
  {
    name: 'const-injection',
    schema: { const: INJECTION },
    ok: [stringLiteral(INJECTION)],
    bad: ["'a'", stringLiteral(INJECTION.replace('\u2028', '\n'))],
  },
  { name: 'const-number', schema: { const: -1.5 }, ok: ['-1.5'], bad: ['1.5'] },
  { name: 'const-null', schema: { const: null }, ok: ['null'], bad: ['0'] },
  { name: 'const-object', schema: { const: { a: 'b"c' } }, ok: ["{ a: 'b\"c' }"], bad: ["{ a: 'x' }"] },
  {
    name: 'const-and-enum',
    schema: { enum: ['a', 'b'], const: 'a' },
    ok: ["'a'"],
    bad: ["'b'"],
  },
  {
    name: 'all-of',
    schema: {
      allOf: [
        { type: ['object'], properties: { a: str }, required: ['a'] },
        { type: ['object'], properties: { b: num }, required: ['b'] },
      ],
    },
    ok: ["{ a: 'x', b: 1 }"],
    bad: ["{ a: 'x' }", "{ a: 'x', b: 'y' }"],
  },
  {
    name: 'all-of-with-siblings',
    schema: {
      type: ['object'],
      properties: { a: str },
      required: ['a'],
      allOf: [{ type: ['object'], properties: { b: num } }],
    },
    ok: ["{ a: 'x', b: 1 }", "{ a: 'x' }"],
    bad: ['{ b: 1 }'],
  },
  {
    // The strict-merge trap (#29): the outer closed object allows no key at all, whatever allOf declares.
    name: 'all-of-closed-trap',
    schema: {
      type: ['object'],
      additionalProperties: false,
      allOf: [{ type: ['object'], properties: { a: str } }],
    },
    ok: ['{}'],
    bad: ["{ a: 'x' }"],
  },
  { name: 'any-of', schema: { anyOf: [str, num] }, ok: ["'a'", '1'], bad: ['true'] },
  { name: 'any-of-null', schema: { anyOf: [str, { type: ['null'] }] }, ok: ['null', "'a'"], bad: ['1'] },
  {
    name: 'one-of-discriminated',
    schema: {
      oneOf: [
        { type: ['object'], properties: { kind: { const: 'a' }, x: num }, required: ['kind', 'x'] },
        { type: ['object'], properties: { kind: { const: 'b' }, y: str }, required: ['kind', 'y'] },
      ],
    },
    ok: ["{ kind: 'a', x: 1 }", "{ kind: 'b', y: 'z' }"],
    bad: ["{ kind: 'c', x: 1 }", "{ kind: 'a' }"],
  },
  {
    name: 'one-of-discriminated-narrows',
    schema: {
      type: ['object'],
      oneOf: [
        { properties: { kind: { const: 'a' }, x: num }, required: ['kind', 'x'] },
        { properties: { kind: { const: 'b' }, y: str }, required: ['kind', 'y'] },
      ],
    },
    ok: ["{ kind: 'a', x: 1 }", "{ kind: 'b', y: 'z' }"],
    bad: ["{ kind: 'c', x: 1 }", "{ kind: 'a' }", "'a'"],
    more: 'export const narrow = (v: X): number => (v.kind === "a" ? v.x : v.y.length);',
  },
  {
    name: 'max-properties-zero',
    schema: { anyOf: [{ type: ['object'], maxProperties: 0 }, { type: ['string'] }] },
    ok: ['{}', "'a'"],
    bad: ['{ a: 1 }', '{ a: undefined }', '1'],
  },
  {
    name: 'if-then-else',
    schema: {
      if: { required: ['a'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a thenable.
      then: { type: ['object'], properties: { a: str } },
      else: { type: ['number'] },
    },
    ok: ["{ a: 'x' }", '1'],
    bad: ["'s'", 'null'],
  },
  {
    name: 'structured-literals',
    schema: { enum: [{ a: [1, 'x'], $ref: 'not-a-ref' }, [], {}] },
    ok: ["{ a: [1, 'x'], $ref: 'not-a-ref' }", '[]', '{}'],
    bad: ["{ a: [1, 'y'], $ref: 'not-a-ref' }", "{ a: [1, 'x'] }", '[1]', '{ b: 1 }'],
  },
  {
    name: 'boolean-members',
    schema: { anyOf: [true, false], allOf: [true], oneOf: [str, false] },
    ok: ["'a'"],
    bad: ['1'],
  },
  {
    name: 'type-and-any-of',
    schema: { type: ['string', 'number'], anyOf: [str, { type: ['boolean'] }] },
    ok: ["'a'"],
    bad: ['1', 'true'],
  },
  {
    name: 'properties-without-type',
    schema: { properties: { a: str } },
    ok: ["'s'", '1', 'null', '[1]', "{ a: 'x' }", '{}'],
    bad: ['{ a: 1 }'],
  },
  {
    name: 'items-without-type',
    schema: { items: num },
    ok: ["'s'", '[1]', '{ a: 1 }'],
    bad: ["['x']"],
  },
  {
    name: 'boolean-subschemas',
    schema: { type: ['object'], properties: { never: false, any: true }, required: ['any'] },
    ok: ['{ any: 1 }', '{ any: null }'],
    bad: ['{ any: 1, never: 1 }', '{}'],
  },
  {
    name: 'nullable-object',
    schema: { type: ['object', 'null'], properties: { a: str }, required: ['a'] },
    ok: ['null', "{ a: 'x' }"],
    bad: ['{}'],
  },
  {
    name: 'definition-ref',
    schema: {
      type: ['object'],
      properties: {
        item: { $ref: '#/$defs/Item' },
        items: { type: ['array'], items: { $ref: '#/$defs/Item' } },
      },
      $defs: { Item: { type: ['object'], properties: { sku: str }, required: ['sku'] } },
    },
    ok: ["{ item: { sku: 'a' }, items: [{ sku: 'b' }] }"],
    bad: ['{ item: {} }', '{ items: [{ sku: 1 }] }'],
    more: "const item: XItem = { sku: 'a' };\n// @ts-expect-error\nconst badItem: XItem = { sku: 1 };",
  },
  {
    name: 'self-recursion',
    schema: {
      $ref: '#/$defs/Node',
      $defs: {
        Node: {
          type: ['object'],
          description: 'A node; its `next` is a node too.',
          properties: { value: num, next: { $ref: '#/$defs/Node', description: 'The next node */' } },
          required: ['value'],
        },
      },
    },
    ok: ['{ value: 1, next: { value: 2, next: { value: 3 } } }'],
    bad: ["{ value: 1, next: { value: 2, next: { value: 'x' } } }"],
    more: 'const node: XNode = { value: 1 };',
  },
  {
    name: 'mutual-recursion',
    schema: {
      $ref: '#/$defs/A',
      $defs: {
        A: { type: ['object'], properties: { b: { $ref: '#/$defs/B' } } },
        B: { type: ['object', 'null'], properties: { a: { $ref: '#/$defs/A' } } },
      },
    },
    ok: ['{ b: { a: { b: null } } }'],
    bad: ['{ b: { a: { b: 1 } } }'],
    more: 'const b: XB = null;\nconst a: XA = { b };',
  },
  {
    name: 'root-recursion',
    schema: {
      type: ['object'],
      properties: { name: str, children: { type: ['array'], items: { $ref: '#' } } },
      required: ['name'],
    },
    ok: ["{ name: 'a', children: [{ name: 'b', children: [] }] }"],
    bad: ["{ name: 'a', children: [{ children: [] }] }"],
  },
  {
    name: 'root-ref-in-one-of',
    schema: {
      oneOf: [
        { type: ['string'] },
        { type: ['array'], items: { $ref: '#' }, description: 'nested lists */' },
      ],
    },
    ok: ["'a'", "['a', ['b', []]]"],
    bad: ['[1]', "[['a', [2]]]"],
  },
  {
    name: 'ref-in-additional-properties',
    schema: {
      type: ['object'],
      additionalProperties: { $ref: '#/$defs/Money' },
      $defs: {
        Money: { type: ['object'], properties: { cents: { type: ['integer'] } }, required: ['cents'] },
      },
    },
    ok: ['{ usd: { cents: 1 }, eur: { cents: 2 } }'],
    bad: ['{ usd: { cents: "1" } }'],
  },
  {
    name: 'prototype-keys',
    schema: {
      type: ['object'],
      properties: JSON.parse(
        '{"__proto__": {"type": ["string"]}, "constructor": {"type": ["number"]}, "toString": {"type": ["boolean"]}}',
      ),
      required: ['__proto__', 'constructor'],
      additionalProperties: false,
    },
    // (An optional `toString` must be given: TypeScript checks Object.prototype's against it otherwise.)
    ok: ["{ ['__proto__']: 'x', constructor: 1, toString: true }"],
    bad: [
      '{ constructor: 1 }',
      "{ ['__proto__']: 1, constructor: 1 }",
      "{ ['__proto__']: 'x', constructor: 'y' }",
    ],
    more: "type Proto = X['__proto__'];\nconst proto: Proto = 'x';",
  },
  {
    name: 'unicode-keys',
    schema: {
      type: ['object'],
      properties: {
        'caf\u00e9': str,
        'cafe\u0301': num,
        '\u{1f600}': { type: ['boolean'] },
        [BIDI_KEY]: { type: ['null'] },
        'line\u2028sep': str,
        '\ufeffbom\u200b': num,
      },
      required: ['caf\u00e9', 'cafe\u0301', '\u{1f600}', BIDI_KEY, 'line\u2028sep', '\ufeffbom\u200b'],
      additionalProperties: false,
    },
    ok: [
      `{ ${['caf\u00e9', 'cafe\u0301', '\u{1f600}', BIDI_KEY, 'line\u2028sep', '\ufeffbom\u200b']
        .map((key, index) => `${stringLiteral(key)}: ${["'a'", '1', 'true', 'null', "'b'", '2'][index]}`)
        .join(', ')} }`,
    ],
    bad: ["{ 'caf\\u00e9': 1 }"],
  },
  {
    name: 'reserved-word-keys',
    schema: {
      type: ['object'],
      title: 'class',
      properties: { class: str, default: num, function: str, delete: str, z: str, X: str, '': str, '0': num },
      required: ['class', '', '0'],
    },
    ok: ["{ class: 'a', '': 'b', 0: 1, default: 2, z: 'z', X: 'x' }"],
    bad: ["{ class: 'a', '': 'b' }"],
  },
  {
    name: 'injection-keys',
    schema: {
      type: ['object'],
      properties: { [INJECTION]: str, '*/': num, 'a b': str, $k0: num },
      required: [INJECTION, '$k0'],
    },
    ok: [`{ ${stringLiteral(INJECTION)}: 'x', '*/': 1, $k0: 2 }`],
    bad: ['{ $k0: 2 }', `{ ${stringLiteral(INJECTION)}: 'x', $k0: 'no' }`],
  },
  {
    name: 'comment-injection',
    schema: {
      type: ['object'],
      title: '*/ export const pwnTitle = 1; /*',
      description: 'ends */ export const pwn = 1; /* and \u2028 and \u202e',
      default: { '*/': '*/ const pwnDefault = 1; /*' },
      examples: ['*/'],
      $comment: '*/ const pwnComment = 1;',
      properties: {
        a: { ...str, description: '*/\nexport const pwnA = 1;\n/**', title: '*/', default: '*/' },
      },
    },
    ok: ["{ a: 'x' }"],
    more: '// @ts-expect-error\nconst leaked: number = pwn;',
  },
  {
    name: 'annotations',
    schema: {
      type: ['object'],
      deprecated: true,
      readOnly: true,
      properties: { old: { ...str, deprecated: true, writeOnly: true, format: 'email', minLength: 1 } },
    },
    ok: ["{ old: 'x' }"],
    bad: ['{ old: 1 }'],
  },
  {
    name: 'ignored-assertions',
    schema: { type: ['number'], not: { const: 1 }, minimum: 0, multipleOf: 2 },
    ok: ['1', '3'],
    bad: ["'1'"],
  },
  {
    name: 'all-of-ref-nullable',
    schema: {
      anyOf: [{ allOf: [{ $ref: '#/$defs/Item' }] }, { type: ['null'] }],
      $defs: { Item: { type: ['object'], properties: { id: str }, required: ['id'] } },
    },
    ok: ['null', "{ id: 'a' }"],
    bad: ['{}'],
  },
  {
    name: 'undeclared-required',
    schema: { type: ['object'], properties: { a: str }, required: ['a', 'b'] },
    // Documented: a required key without a schema is not enforced by the type (Zod refines it).
    ok: ["{ a: 'x' }", "{ a: 'x', b: 1 }"],
    bad: ['{ b: 1 }'],
  },
];
