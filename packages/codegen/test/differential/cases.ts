import type { JsonSchema } from '../../src/schema/prepared.js';

/** One normal-form schema for the differential test, with hand-picked values beyond the sampler's. */
export interface DifferentialCase {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly values?: readonly unknown[];
  /**
   * Compare with Ajv's `ownProperties: true`. By default Ajv tests a declared property with
   * `data[key] !== undefined`, so `constructor` or `toString` is "present" on every object through the
   * prototype; JSON Schema (and the emitter) look at own properties only.
   */
  readonly ownProperties?: true;
}

const proto = (json: string): unknown => JSON.parse(json);
// Quotes, a backtick and a template placeholder, for string-literal injection.
const QUOTES = `quote'"\`\${x}`;

/** Normal-form schemas covering every supported keyword and their known traps. */
export const CASES: readonly DifferentialCase[] = [
  // Boolean schemas and type.
  { name: 'true', schema: true },
  { name: 'false', schema: false },
  {
    name: 'empty object schema with minimum only',
    schema: { minimum: 3 },
    values: [2, 3, 'x', null, [], {}],
  },
  { name: 'string', schema: { type: ['string'] } },
  { name: 'number', schema: { type: ['number'] }, values: [1.5, -0, 1e308, 0] },
  {
    name: 'integer beyond safe range',
    schema: { type: ['integer'] },
    values: [2 ** 60, 1.0, 1.5, -(2 ** 70), 1e300],
  },
  { name: 'boolean', schema: { type: ['boolean'] } },
  { name: 'null', schema: { type: ['null'] } },
  { name: 'nullable string', schema: { type: ['string', 'null'], minLength: 1 }, values: [null, '', 'a', 0] },
  { name: 'integer or number', schema: { type: ['integer', 'number'], maximum: 10 } },
  { name: 'integer or string', schema: { type: ['integer', 'string'] }, values: [1, 1.5, 's', null] },
  { name: 'array or object', schema: { type: ['array', 'object'], minItems: 1, minProperties: 1 } },
  // Type-specific keywords without type.
  { name: 'minLength without type', schema: { minLength: 2 }, values: [5, 'a', 'ab', null, {}, []] },
  {
    name: 'properties without type',
    schema: { properties: { a: { type: ['string'] } }, required: ['a'] },
    values: ['x', 1, { a: 1 }, { a: 'y' }, {}, []],
  },
  { name: 'items without type', schema: { items: { type: ['integer'] } }, values: [[1, 2], [1.5], 'x', {}] },
  // Strings.
  {
    name: 'string lengths in code points',
    schema: { type: ['string'], minLength: 2, maxLength: 3 },
    values: ['😀😀', '😀', '😀😀😀', '😀😀😀😀', 'ab', 'é'],
  },
  {
    name: 'pattern is a search',
    schema: { type: ['string'], pattern: 'b+' },
    values: ['abc', 'ac', 'bbb', ''],
  },
  {
    name: 'pattern anchored',
    schema: { type: ['string'], pattern: '^[a-z]{2,4}$' },
    values: ['ab', 'abcde', 'AB', 'a1'],
  },
  {
    name: 'pattern with unicode property',
    schema: { type: ['string'], pattern: '^\\p{L}+$' },
    values: ['héllo', 'a1', 'Ωμέγα', ''],
  },
  {
    name: 'pattern astral dot',
    schema: { type: ['string'], pattern: '^.$' },
    values: ['😀', 'a', 'ab', '😀a'],
  },
  {
    name: 'date-time',
    schema: { type: ['string'], format: 'date-time' },
    values: [
      '2024-02-29T12:00:00Z',
      '2023-02-29T12:00:00Z',
      '2024-01-01T00:00:00',
      '2024-01-01t10:00:00+01:00',
      '2016-12-31T23:59:60Z',
      '2016-12-31T22:59:60-01:00',
      '2016-12-31T23:58:60Z',
      '2024-13-01T00:00:00Z',
      '2024-01-01 10:00:00.5Z',
    ],
  },
  {
    name: 'date',
    schema: { type: ['string'], format: 'date' },
    values: ['2000-02-29', '1900-02-29', '2024-04-31', '2024-4-1', '2024-12-31', 5],
  },
  {
    name: 'time',
    schema: { type: ['string'], format: 'time' },
    values: [
      '10:00:00Z',
      '10:00:00',
      '23:59:60Z',
      '23:59:60+00:00',
      '12:00:60Z',
      '10:00:00.123+05:30',
      '24:00:00Z',
      '10:00:00+2400',
    ],
  },
  {
    name: 'email',
    schema: { type: ['string'], format: 'email' },
    values: ['a@b.co', 'a@b', 'a.b@c.d', 'no at', 'x@-a.com', "o'k@x.io", 'a`b@x.io'],
  },
  {
    name: 'uri',
    schema: { type: ['string'], format: 'uri' },
    values: [
      'https://example.com/a?b#c',
      'mailto:x@y.z',
      '/relative',
      'no scheme',
      'urn:isbn:123',
      'http://[::1]:80/',
      'http://exa mple.com',
    ],
  },
  {
    name: 'uuid',
    schema: { type: ['string'], format: 'uuid' },
    values: [
      '123e4567-e89b-12d3-a456-426614174000',
      'urn:uuid:123e4567-e89b-12d3-a456-426614174000',
      '123e4567e89b12d3a456426614174000',
      'ABCDEF01-2345-6789-abcd-ef0123456789',
    ],
  },
  {
    name: 'ipv4',
    schema: { type: ['string'], format: 'ipv4' },
    values: ['1.2.3.4', '256.1.1.1', '01.2.3.4', '1.2.3'],
  },
  {
    name: 'ipv6',
    schema: { type: ['string'], format: 'ipv6' },
    values: ['::1', '2001:db8::1', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8:9', 'gggg::1'],
  },
  { name: 'format without type', schema: { format: 'ipv4' }, values: [4, '1.2.3.4', 'x', null] },
  // Numbers.
  { name: 'bounds', schema: { type: ['number'], minimum: 1, maximum: 5 }, values: [1, 5, 0.999, 5.0001] },
  {
    name: 'exclusive bounds',
    schema: { type: ['number'], exclusiveMinimum: 1, exclusiveMaximum: 5 },
    values: [1, 5, 1.0001, 4.9999],
  },
  {
    name: 'multipleOf 0.01',
    schema: { type: ['number'], multipleOf: 0.01 },
    values: [0.07, 0.1, 1.13, 19.99, 0.005, 4.35, 1e21, 123456.78],
  },
  {
    name: 'multipleOf 1e-7',
    schema: { type: ['number'], multipleOf: 1e-7 },
    values: [0.0000003, 1e-8, 0.1234567, 0.12345678, 3],
  },
  { name: 'multipleOf integer', schema: { type: ['integer'], multipleOf: 3 }, values: [9, 10, -3, 0, 4.5] },
  // Enum and const.
  {
    name: 'string enum',
    schema: { type: ['string'], enum: ['a', 'b', QUOTES] },
    values: ['a', 'c', QUOTES, 1],
  },
  { name: 'mixed enum', schema: { enum: [1, 'one', null, true] }, values: [1, 1.0, '1', null, false, true] },
  {
    name: 'enum with objects and arrays',
    schema: { enum: [{ a: 1, b: [1, 2] }, [1, { c: null }], 0] },
    values: [{ b: [1, 2], a: 1 }, { a: 1, b: [2, 1] }, [1, { c: null }], [1, { c: 0 }], 0, -0],
  },
  {
    name: 'const object',
    schema: { const: { x: 1 } },
    values: [{ x: 1 }, { x: 1.0 }, { x: 1, y: 2 }, { x: '1' }],
  },
  { name: 'const null', schema: { const: null }, values: [null, 0, false] },
  {
    name: 'enum with type that excludes members',
    schema: { type: ['string'], enum: ['a', 1] },
    values: ['a', 1],
  },
  {
    name: 'single enum member with type',
    schema: { type: ['integer'], enum: [3] },
    values: [3, 3.0, 4, '3'],
  },
  // Objects.
  {
    name: 'object required optional',
    schema: {
      type: ['object'],
      properties: { id: { type: ['integer'] }, note: { type: ['string'] } },
      required: ['id'],
    },
  },
  {
    name: 'additionalProperties false',
    schema: { type: ['object'], properties: { a: { type: ['string'] } }, additionalProperties: false },
    values: [{}, { a: 'x' }, { a: 'x', b: 1 }, proto('{"__proto__": 1}')],
  },
  {
    name: 'additionalProperties schema',
    schema: {
      type: ['object'],
      properties: { a: { type: ['string'] } },
      additionalProperties: { type: ['integer'] },
    },
    values: [{ a: 'x', b: 1 }, { a: 'x', b: 'y' }, proto('{"__proto__": "s"}'), proto('{"__proto__": 5}')],
  },
  {
    name: 'required key not in properties',
    schema: { type: ['object'], required: ['z'] },
    values: [{ z: null }, {}, { y: 1 }],
  },
  {
    name: 'required true and false properties',
    schema: { type: ['object'], properties: { any: true, gone: false }, required: ['any'] },
    values: [{ any: null }, {}, { any: 1, gone: 1 }, { any: 1, gone: null }],
  },
  {
    name: 'prototype keys',
    schema: {
      type: ['object'],
      properties: { constructor: { type: ['integer'] }, toString: { type: ['boolean'] } },
      required: ['__proto__', 'constructor'],
    } as JsonSchema,
    values: [
      {},
      proto('{"__proto__": "x", "constructor": 1}'),
      proto('{"__proto__": 1, "constructor": 1}'),
      proto('{"constructor": 1}'),
      proto('{"__proto__": "x", "constructor": 1, "toString": "no"}'),
      proto('{"__proto__": "x", "constructor": 1, "toString": true}'),
    ],
    ownProperties: true,
  },
  {
    name: 'prototype keys with additionalProperties false',
    schema: {
      type: ['object'],
      properties: { constructor: { type: ['integer'] } },
      additionalProperties: false,
    },
    values: [{}, { constructor: 1 }, { constructor: 'x' }, { other: 1 }],
    ownProperties: true,
  },
  {
    name: 'patternProperties',
    schema: {
      type: ['object'],
      patternProperties: { '^x-': { type: ['string'] }, '^[0-9]+$': { type: ['integer'] } },
    },
    values: [{ 'x-a': 's' }, { 'x-a': 1 }, { '12': 3 }, { '12': 'a' }, { other: [] }],
  },
  {
    name: 'patternProperties with additionalProperties false',
    schema: {
      type: ['object'],
      properties: { id: { type: ['integer'] } },
      patternProperties: { '^x-': { type: ['string'] } },
      additionalProperties: false,
    },
    values: [{ id: 1, 'x-a': 'b' }, { id: 1, y: 1 }, { 'x-': 's' }, { 'x-a': 2 }],
  },
  {
    name: 'patternProperties applies to declared keys',
    schema: {
      type: ['object'],
      properties: { 'x-id': { type: ['string'] } },
      patternProperties: { '^x-': { minLength: 3 } },
    },
    values: [{ 'x-id': 'abc' }, { 'x-id': 'ab' }, { 'x-id': 1 }],
  },
  {
    name: 'patternProperties with additionalProperties schema',
    schema: {
      type: ['object'],
      patternProperties: { '^n': { type: ['number'] } },
      additionalProperties: { type: ['string'] },
    },
    values: [{ n1: 1, s: 's' }, { n1: 's' }, { s: 1 }, proto('{"__proto__": 1}')],
  },
  {
    name: 'propertyNames',
    schema: { type: ['object'], propertyNames: { pattern: '^[a-z]+$', maxLength: 3 } },
    values: [{ abc: 1 }, { abcd: 1 }, { A: 1 }, {}],
  },
  {
    name: 'min and max properties',
    schema: { type: ['object'], minProperties: 1, maxProperties: 2 },
    values: [{}, { a: 1 }, { a: 1, b: 2, c: 3 }],
  },
  {
    name: 'nested objects',
    schema: {
      type: ['object'],
      properties: {
        customer: {
          type: ['object'],
          properties: { email: { type: ['string'], format: 'email' } },
          required: ['email'],
          additionalProperties: false,
        },
      },
      required: ['customer'],
    },
  },
  // Arrays.
  { name: 'array items', schema: { type: ['array'], items: { type: ['string'] }, minItems: 1, maxItems: 3 } },
  {
    name: 'prefixItems with items false',
    schema: { type: ['array'], prefixItems: [{ type: ['string'] }, { type: ['integer'] }], items: false },
    values: [[], ['a'], ['a', 1], ['a', 1, 2], [1], ['a', 'b']],
  },
  {
    name: 'prefixItems with items schema',
    schema: {
      type: ['array'],
      prefixItems: [{ type: ['string'] }],
      items: { type: ['boolean'] },
      minItems: 2,
    },
    values: [['a', true], ['a'], ['a', true, false], ['a', 1]],
  },
  {
    name: 'prefixItems open',
    schema: { type: ['array'], prefixItems: [{ const: 1 }], maxItems: 3 },
    values: [[1, 'x', null], [2], [1, 2, 3, 4], []],
  },
  {
    name: 'large maxItems stays a check',
    schema: { type: ['array'], maxItems: 1000, items: { type: ['integer'] } },
  },
  {
    name: 'uniqueItems with objects',
    schema: { type: ['array'], uniqueItems: true },
    values: [
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [1, 1.0],
      [1, '1'],
      [[1], [1]],
      [{ a: 1 }, { a: 2 }],
      [],
      [null, null],
      [0, -0],
    ],
  },
  {
    name: 'contains',
    schema: { type: ['array'], contains: { type: ['string'] } },
    values: [[], [1], [1, 'a'], ['a', 'b']],
  },
  {
    name: 'minContains and maxContains',
    schema: { type: ['array'], contains: { const: 1 }, minContains: 2, maxContains: 3 },
    values: [[1], [1, 1], [1, 1, 1, 1], [1, 1, 2, 2, 2]],
  },
  {
    name: 'minContains zero',
    schema: { type: ['array'], contains: { const: 1 }, minContains: 0, maxContains: 1 },
    values: [[], [2], [1], [1, 1]],
  },
  // Composition.
  {
    name: 'allOf strict merge trap',
    schema: {
      allOf: [
        { type: ['object'], properties: { a: true }, additionalProperties: false },
        { type: ['object'], properties: { b: true }, additionalProperties: false },
      ],
    },
    values: [{}, { a: 1 }, { b: 1 }, { a: 1, b: 1 }],
  },
  {
    name: 'allOf with types and bounds',
    schema: { allOf: [{ type: ['number'] }, { minimum: 2 }, { multipleOf: 2 }] },
    values: [2, 3, 4, 0, 'x'],
  },
  {
    name: 'anyOf',
    schema: { anyOf: [{ type: ['string'], maxLength: 2 }, { type: ['integer'] }] },
    values: ['ab', 'abc', 3, 3.5],
  },
  {
    name: 'oneOf overlapping',
    schema: { oneOf: [{ type: ['integer'] }, { minimum: 2 }] },
    values: [1, 2, 2.5, 'x', 1.5],
  },
  {
    name: 'oneOf discriminated',
    schema: {
      oneOf: [
        {
          type: ['object'],
          properties: { kind: { const: 'a' }, x: { type: ['string'] } },
          required: ['kind', 'x'],
        },
        {
          type: ['object'],
          properties: { kind: { const: 'b' }, y: { type: ['integer'] } },
          required: ['kind', 'y'],
        },
      ],
    },
    values: [{ kind: 'a', x: 's' }, { kind: 'b', y: 1 }, { kind: 'a', y: 1 }, { kind: 'c' }],
  },
  {
    name: 'oneOf discriminated by number, null and boolean consts, closed branches',
    schema: {
      oneOf: [
        {
          type: ['object'],
          properties: { v: { const: 1 }, a: { type: ['string'] } },
          required: ['v'],
          additionalProperties: false,
        },
        { type: ['object'], properties: { v: { const: null } }, required: ['v'] },
        {
          type: ['object'],
          properties: { v: { type: ['boolean'], const: true } },
          required: ['v'],
          minProperties: 2,
        },
      ],
    },
    values: [
      { v: 1 },
      { v: 1.0, a: 's' },
      { v: 1, b: 1 },
      { v: null },
      { v: true },
      { v: true, w: 1 },
      { v: false, w: 1 },
      { v: 2 },
      {},
    ],
  },
  {
    name: 'oneOf with a repeated const stays a counting oneOf',
    schema: {
      oneOf: [
        { type: ['object'], properties: { k: { const: 'a' }, x: { type: ['string'] } }, required: ['k'] },
        { type: ['object'], properties: { k: { const: 'a' }, y: { type: ['string'] } }, required: ['k'] },
      ],
    },
    values: [{ k: 'a' }, { k: 'a', x: 1 }, { k: 'a', x: 's', y: 1 }, { k: 'b' }],
  },
  {
    name: 'oneOf with additionalProperties false branches',
    schema: {
      oneOf: [
        { type: ['object'], properties: { a: true }, additionalProperties: false },
        { type: ['object'], properties: { b: true }, additionalProperties: false },
      ],
    },
    values: [{}, { a: 1 }, { b: 1 }, { a: 1, b: 1 }],
  },
  { name: 'not', schema: { not: { type: ['string'] } }, values: ['a', 1, null] },
  {
    name: 'not inside allOf inside oneOf',
    schema: { oneOf: [{ allOf: [{ type: ['integer'] }, { not: { const: 0 } }] }, { type: ['string'] }] },
    values: [0, 1, 's', null],
  },
  {
    name: 'nullable through anyOf',
    schema: {
      anyOf: [
        { type: ['object'], properties: { a: { type: ['integer'] } }, required: ['a'] },
        { type: ['null'] },
      ],
    },
    values: [null, { a: 1 }, { a: 's' }],
  },
  {
    name: 'type with anyOf sibling',
    schema: { type: ['object'], required: ['a'], anyOf: [{ required: ['b'] }, { required: ['c'] }] },
    values: [{ a: 1, b: 1 }, { a: 1 }, { b: 1, c: 1 }],
  },
  // References and recursion.
  {
    name: 'definition reference',
    schema: {
      $defs: {
        Money: {
          type: ['object'],
          properties: {
            amount: { type: ['number'], multipleOf: 0.01 },
            currency: { type: ['string'], pattern: '^[A-Z]{3}$' },
          },
          required: ['amount', 'currency'],
        },
      },
      type: ['object'],
      properties: { total: { $ref: '#/$defs/Money' }, tax: { $ref: '#/$defs/Money' } },
      required: ['total'],
    },
  },
  {
    name: 'recursive tree',
    schema: {
      $defs: {
        Node: {
          type: ['object'],
          properties: {
            value: { type: ['integer'] },
            children: { type: ['array'], items: { $ref: '#/$defs/Node' } },
          },
          required: ['value'],
        },
      },
      $ref: '#/$defs/Node',
    },
    values: [
      { value: 1, children: [{ value: 2, children: [{ value: 's' }] }] },
      { value: 1, children: [{ value: 2 }] },
    ],
  },
  {
    name: 'mutually recursive definitions used by a plain one',
    schema: {
      $defs: {
        A: { type: ['object'], properties: { b: { $ref: '#/$defs/B' } } },
        B: { type: ['array'], items: { $ref: '#/$defs/A' }, maxItems: 2 },
        Leaf: { type: ['string'], minLength: 1 },
        UsesLeaf: {
          type: ['object'],
          properties: { leaf: { $ref: '#/$defs/Leaf' }, a: { $ref: '#/$defs/A' } },
          required: ['leaf'],
        },
      },
      $ref: '#/$defs/UsesLeaf',
    },
    values: [{ leaf: 'x', a: { b: [{ b: [] }] } }, { leaf: 'x', a: { b: [{}, {}, {}] } }, { leaf: '' }],
  },
  {
    name: 'root recursion',
    schema: {
      type: ['object'],
      properties: { name: { type: ['string'] }, next: { anyOf: [{ $ref: '#' }, { type: ['null'] }] } },
      required: ['name'],
      additionalProperties: false,
    },
    values: [
      { name: 'a', next: { name: 'b', next: null } },
      { name: 'a', next: { name: 1 } },
      { name: 'a', next: { name: 'b', extra: 1 } },
    ],
  },
  // Nesting and combinations.
  {
    name: 'inherited names nested in closed array items',
    schema: {
      type: ['array'],
      items: {
        type: ['object'],
        properties: { valueOf: { type: ['string'] } },
        required: ['valueOf'],
        additionalProperties: false,
      },
    },
    values: [[{ valueOf: 'x' }], [{}], [{ valueOf: 1 }], [{ valueOf: 'x', other: 1 }]],
    ownProperties: true,
  },
  {
    name: 'typeless not of required',
    schema: { not: { required: ['a'] } },
    values: [{ a: 1 }, { b: 1 }, 'a', []],
  },
  {
    name: 'anyOf of pattern objects',
    schema: {
      anyOf: [
        { type: ['object'], patternProperties: { '^a': { type: ['integer'] } }, additionalProperties: false },
        { type: ['object'], required: ['z'] },
      ],
    },
    values: [{ a1: 1 }, { a1: 's' }, { a1: 's', z: 1 }, { b: 1 }],
  },
  {
    name: 'propertyNames enum',
    schema: { type: ['object'], propertyNames: { enum: ['a', 'b'] } },
    values: [{ a: 1 }, { c: 1 }, {}],
  },
  {
    name: 'contains objects with uniqueItems',
    schema: {
      type: ['array'],
      uniqueItems: true,
      contains: { type: ['object'], required: ['id'] },
      maxContains: 1,
    },
    values: [[{ id: 1 }], [{ id: 1 }, { id: 2 }], [{ id: 1 }, 5], [5, 6], [{ id: 1 }, { id: 1 }]],
  },
  {
    name: 'false definition referenced by a property',
    schema: { $defs: { Never: false }, type: ['object'], properties: { gone: { $ref: '#/$defs/Never' } } },
    values: [{}, { gone: null }, { other: 1 }],
  },
  // Unicode and odd keys.
  {
    name: 'unicode keys',
    schema: {
      type: ['object'],
      properties: {
        café: { type: ['string'] },
        'cafe\u0301': { type: ['integer'] },
        '\u202eevil': { type: ['boolean'] },
      },
      required: ['café'],
    },
    values: [{ café: 'x', 'cafe\u0301': 1 }, { 'cafe\u0301': 1 }, { café: 'x', '\u202eevil': 1 }],
  },
  {
    name: 'keys that need quoting',
    schema: {
      type: ['object'],
      properties: {
        'a-b': { type: ['string'] },
        '': { type: ['integer'] },
        '1x': { type: ['null'] },
        [QUOTES]: { type: ['string'] },
      },
      required: ['', QUOTES],
    },
  },
  {
    name: 'emoji maxLength in property',
    schema: { type: ['object'], properties: { e: { type: ['string'], maxLength: 1 } } },
    values: [{ e: '😀' }, { e: '😀😀' }, { e: '' }],
  },
  // 2020-12 applicators beyond the basics.
  {
    name: 'if/then/else',
    schema: {
      if: { type: ['object'], properties: { kind: { const: 'circle' } }, required: ['kind'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a thenable.
      then: { type: ['object'], required: ['r'] },
      else: { type: ['object', 'string'] },
    },
    values: [{ kind: 'circle', r: 1 }, { kind: 'circle' }, { kind: 'square' }, 'x', 1],
  },
  {
    name: 'if without else, then only',
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a thenable.
    schema: { if: { type: ['number'] }, then: { minimum: 3 } },
    values: [1, 3, 'x'],
  },
  {
    name: 'dependentRequired and dependentSchemas',
    schema: {
      type: ['object'],
      dependentRequired: { a: ['b', 'c'] },
      dependentSchemas: { d: { properties: { e: { type: ['string'] } }, required: ['e'] } },
    },
    values: [{ a: 1, b: 1, c: 1 }, { a: 1, b: 1 }, { d: 1, e: 'x' }, { d: 1, e: 2 }, { d: 1 }, {}],
  },
  {
    // Not `contains`: ajv drops its annotations (the conformance test holds that part to the suite).
    name: 'unevaluatedItems with prefixItems and a recursive ref',
    schema: {
      type: ['array'],
      prefixItems: [{ type: ['string'] }],
      anyOf: [{ items: { type: ['boolean'] } }, { $ref: '#/$defs/Pair' }],
      unevaluatedItems: false,
      $defs: { Pair: { prefixItems: [true, { type: ['number'] }] } },
    },
    values: [['a', true], ['a', 1], ['a', 1, true], ['a', 1, 'b'], ['a', 'b'], []],
  },
  {
    name: 'numeric formats',
    schema: { type: ['integer'], format: 'int32' },
    values: [2147483647, 2147483648, -2147483648, -2147483649, 1],
  },
  {
    name: 'string formats ajv-formats shares',
    schema: {
      type: ['object'],
      properties: {
        d: { type: ['string'], format: 'duration' },
        p: { type: ['string'], format: 'json-pointer' },
        r: { type: ['string'], format: 'relative-json-pointer' },
        h: { type: ['string'], format: 'hostname' },
        b: { type: ['string'], format: 'byte' },
      },
    },
    values: [
      { d: 'P1Y2M3DT4H5M6S', p: '/a~1b', r: '0/a', h: 'example.com', b: 'QUJD' },
      { d: 'PT' },
      { d: 'P1W' },
      { p: 'a/b' },
      { p: '/a~2' },
      { r: '-1' },
      { r: '1#' },
      { h: '-bad.example' },
      { h: 'a'.repeat(64) },
      { b: 'QUJ' },
    ],
  },
  {
    name: 'oneOf branches without type under an object parent: a discriminated union',
    schema: {
      type: ['object'],
      oneOf: [
        { properties: { kind: { const: 'a' }, x: { type: ['number'] } }, required: ['kind', 'x'] },
        { properties: { kind: { const: 'b' } }, required: ['kind'] },
      ],
    },
    values: [
      { kind: 'a', x: 1 },
      { kind: 'a' },
      { kind: 'b' },
      { kind: 'c' },
      'a',
      proto('{"kind": "b", "__proto__": 1}'),
    ],
  },
];
