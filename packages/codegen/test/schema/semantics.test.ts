import { createRandom, sampleInvalid, sampleValid } from '@fluid-droplet/schema-sampler';
import { describe, expect, it } from 'vitest';
import { compile, prepare } from './support.js';

interface Case {
  readonly name: string;
  readonly schema: unknown;
  /** The dialect ajv reads the original in. @default '2020-12' */
  readonly draft?: 'draft-07';
  /**
   * A 2020-12 schema stating what the original means, when no ajv dialect reads it that way
   * (OpenAPI `nullable`, draft-04 boolean exclusive bounds).
   */
  readonly oracle?: unknown;
}

const CASES: readonly Case[] = [
  {
    name: 'string lengths and pattern',
    schema: { type: 'string', minLength: 2, maxLength: 5, pattern: '^[a-z]+$' },
  },
  { name: 'lengths count code points', schema: { type: 'string', maxLength: 2, pattern: '^\\p{L}*$' } },
  {
    name: 'supported formats',
    schema: {
      type: 'object',
      properties: Object.fromEntries(
        [
          ...['date-time', 'date', 'time', 'iso-date-time', 'iso-time', 'duration', 'email', 'idn-email'],
          ...['hostname', 'idn-hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference', 'iri', 'iri-reference'],
          ...['uri-template', 'url', 'uuid', 'json-pointer', 'json-pointer-uri-fragment'],
          ...['relative-json-pointer', 'regex', 'byte', 'binary', 'password'],
        ].map((f) => [f, { type: 'string', format: f }]),
      ),
    },
  },
  {
    name: 'numeric formats',
    schema: {
      type: 'object',
      properties: Object.fromEntries(['int32', 'int64', 'float', 'double'].map((f) => [f, { format: f }])),
    },
  },
  {
    name: 'if/then/else',
    schema: {
      if: { properties: { kind: { const: 'circle' } }, required: ['kind'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a thenable.
      then: { required: ['r'] },
      else: { required: ['id'] },
    },
  },
  { name: 'dependentRequired', schema: { type: 'object', dependentRequired: { id: ['name'] } } },
  { name: 'dependentSchemas', schema: { dependentSchemas: { id: { required: ['kind'] } } } },
  {
    name: 'draft-07 dependencies',
    schema: { dependencies: { name: ['kind'], kind: { required: ['r'] } } },
    draft: 'draft-07',
  },
  {
    name: 'unevaluatedProperties sees through anyOf',
    schema: {
      properties: { id: {} },
      anyOf: [{ properties: { name: {} } }, { properties: { kind: {} }, required: ['kind'] }],
      unevaluatedProperties: false,
    },
  },
  {
    name: 'unevaluatedItems sees through allOf',
    schema: {
      prefixItems: [{ type: 'string' }],
      allOf: [{ prefixItems: [true, { type: 'number' }] }],
      unevaluatedItems: false,
    },
  },
  {
    name: 'number bounds',
    schema: { type: 'number', minimum: -5, exclusiveMaximum: 10, multipleOf: 0.01 },
  },
  {
    name: 'exclusive minimum, inclusive maximum',
    schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  },
  { name: 'integer multipleOf', schema: { type: 'integer', multipleOf: 3, minimum: 0 } },
  {
    name: 'closed object',
    schema: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'integer' }, name: { type: 'string' }, note: { type: 'string' } },
      additionalProperties: false,
    },
  },
  {
    name: 'additionalProperties schema',
    schema: {
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: { type: 'number' },
    },
  },
  {
    name: 'patternProperties',
    schema: {
      type: 'object',
      patternProperties: { '^x-': { type: 'string' }, '^n_': { type: 'number' } },
      additionalProperties: false,
    },
  },
  {
    name: 'propertyNames and property counts',
    schema: {
      type: 'object',
      propertyNames: { pattern: '^[a-z]+$', maxLength: 4 },
      minProperties: 1,
      maxProperties: 2,
    },
  },
  {
    name: 'arrays',
    schema: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 3, uniqueItems: true },
  },
  {
    name: 'prefixItems closed',
    schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'boolean' }], items: false },
  },
  {
    name: 'contains with bounds',
    schema: { type: 'array', contains: { type: 'string' }, minContains: 1, maxContains: 2 },
  },
  {
    name: 'enum with mixed members and const',
    schema: {
      type: 'object',
      properties: {
        e: { enum: ['', 'a', 'A', 0, 1.5, false, null, [1], { k: 'v' }, 'a'] },
        c: { const: { nested: [1, { x: null }] } },
      },
    },
  },
  {
    name: 'allOf, anyOf, oneOf, not',
    schema: {
      allOf: [{ type: ['string', 'number'] }],
      anyOf: [
        { type: 'string', minLength: 3 },
        { type: 'number', minimum: 10 },
      ],
      oneOf: [{ type: 'string', maxLength: 5 }, { type: 'number', maximum: 100 }, { const: 'hello' }],
      not: { const: 50 },
    },
  },
  {
    name: 'oneOf discriminated by const',
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['kind', 'r'],
          properties: { kind: { const: 'circle' }, r: { type: 'number' } },
        },
        {
          type: 'object',
          required: ['kind', 'w'],
          properties: { kind: { const: 'square' }, w: { type: 'number' } },
        },
      ],
    },
  },
  {
    name: 'boolean sub-schemas',
    schema: { type: 'object', properties: { any: true, never: false }, additionalProperties: true },
  },
  { name: 'type list with null', schema: { type: ['string', 'null'], minLength: 1 } },
  { name: 'anyOf with null', schema: { anyOf: [{ type: 'integer' }, { type: 'null' }] } },
  {
    name: '$ref with sibling assertions',
    schema: {
      type: 'object',
      properties: { code: { $ref: '#/$defs/code', maxLength: 4, description: 'short code' } },
      $defs: { code: { type: 'string', pattern: '^[A-Z]+$' } },
    },
  },
  {
    name: 'recursive tree',
    schema: {
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          required: ['value'],
          properties: {
            value: { type: 'integer' },
            children: { type: 'array', items: { $ref: '#/$defs/node' }, maxItems: 2 },
          },
          additionalProperties: false,
        },
      },
    },
  },
  {
    name: "root recursion through '#'",
    schema: {
      type: 'object',
      properties: { name: { type: 'string' }, parent: { $ref: '#', description: 'up' } },
      additionalProperties: false,
    },
  },
  {
    name: 'alias chain and a ref into properties',
    schema: {
      type: 'object',
      properties: {
        a: { type: 'string', minLength: 1 },
        b: { $ref: '#/properties/a' },
        c: { $ref: '#/$defs/x' },
      },
      $defs: { x: { $ref: '#/$defs/y' }, y: { $ref: '#/$defs/z' }, z: { type: 'integer', maximum: 3 } },
    },
  },
  {
    name: 'escaped pointers',
    schema: {
      type: 'object',
      properties: { s: { $ref: '#/$defs/a~1b' }, t: { $ref: '#/$defs/c~0d' } },
      $defs: { 'a/b': { type: 'string' }, 'c~d': { type: 'boolean' } },
    },
  },
  {
    name: 'draft-07 definitions and tuple items with additionalItems',
    draft: 'draft-07',
    schema: {
      type: 'object',
      properties: { pair: { $ref: '#/definitions/pair' } },
      definitions: {
        pair: {
          type: 'array',
          items: [{ type: 'string' }, { type: 'integer' }],
          additionalItems: { type: 'boolean' },
        },
      },
    },
  },
  {
    name: 'draft-07 open tuple',
    draft: 'draft-07',
    schema: { type: 'array', items: [{ type: 'string' }], additionalItems: true, maxItems: 3 },
  },
  {
    name: 'draft-04 boolean exclusive bounds',
    schema: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false },
    oracle: { type: 'number', exclusiveMinimum: 0, maximum: 10 },
  },
  {
    name: 'OpenAPI nullable string',
    schema: { type: 'string', maxLength: 3, nullable: true },
    oracle: { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'null' }] },
  },
  {
    name: 'OpenAPI nullable enum',
    schema: { type: 'string', enum: ['a', 'b'], nullable: true },
    oracle: { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] },
  },
  {
    name: 'OpenAPI allOf [$ref] + nullable',
    schema: {
      type: 'object',
      properties: { customer: { type: 'object', allOf: [{ $ref: '#/$defs/customer' }], nullable: true } },
      $defs: { customer: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
    },
    oracle: {
      type: 'object',
      properties: { customer: { anyOf: [{ $ref: '#/$defs/customer' }, { type: 'null' }] } },
      $defs: { customer: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
    },
  },
  {
    name: 'Swagger x-nullable',
    schema: { type: 'object', properties: { n: { type: 'integer', 'x-nullable': true } }, required: ['n'] },
    oracle: { type: 'object', properties: { n: { type: ['integer', 'null'] } }, required: ['n'] },
  },
  {
    name: 'annotations and vendor keywords change nothing',
    schema: {
      type: 'object',
      title: 'T',
      description: 'D',
      $comment: 'C',
      default: {},
      examples: [{}],
      deprecated: true,
      properties: {
        r: { type: 'string', readOnly: true, writeOnly: false, tsType: 'any', 'x-zod': 'z.any()' },
      },
      example: { r: 'x' },
    },
  },
  {
    name: 'prototype keys',
    schema: JSON.parse(
      '{"type":"object","required":["__proto__"],"properties":{"__proto__":{"type":"string"},"toString":{"type":"integer"}}}',
    ),
  },
  {
    name: 'nested $defs referenced from inside a property',
    schema: {
      type: 'object',
      properties: {
        inner: {
          type: 'object',
          properties: { v: { $ref: '#/properties/inner/$defs/v' } },
          $defs: { v: { type: 'string', enum: ['x', 'y'] } },
        },
      },
    },
  },
];

const EDGE_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  10,
  50,
  1e21,
  '',
  'a',
  'abc',
  'hello',
  '😀😀😀',
  [],
  [1, 1],
  ['a', 1],
  ['a', true, false],
  {},
  { id: 1, name: 'n' },
  { kind: 'circle', r: 1 },
  JSON.parse('{"__proto__":"x"}'),
  { value: 1, children: [{ value: 2 }, { value: 3, children: [] }] },
];

/** Valid and invalid samples of the original, some of each sample re-rolled with a seeded pick, and edge values. */
function instances(schema: unknown, name: string): unknown[] {
  const random = createRandom(name);
  const found = [
    ...sampleValid(schema, { seed: name, count: 40 }),
    ...sampleInvalid(schema, { seed: name, count: 40 }),
    ...EDGE_VALUES,
  ];
  // Nest samples one level down too, so property-level differences show up in objects.
  const nested = found
    .slice(0, 10)
    .map((value) => ({ [random.pick(['a', 'b', 'pair', 'customer'])]: value }));
  return [...found, ...nested];
}

describe('the normal form accepts exactly what the original accepts (ajv on both)', () => {
  it.each(CASES)('$name', ({ schema, draft, oracle }) => {
    const prepared = prepare(schema);
    expect(prepared.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const original = compile(oracle ?? schema, oracle === undefined ? (draft ?? '2020-12') : '2020-12');
    const normal = compile(prepared.schema);
    const values = instances(schema, JSON.stringify(schema));
    const disagreements = values.filter((value) => original(value) !== normal(value));
    expect(disagreements).toEqual([]);
    const accepted = values.filter(original).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(values.length);
  });

  it('covers every supported keyword and format', async () => {
    const { SUPPORTED_KEYWORDS, SUPPORTED_FORMATS } = await import('../../src/schema/index.js');
    const used = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
          used.add(key);
          if (key === 'format') used.add(`format:${String(item)}`);
          collect(item);
        }
      }
    };
    for (const { schema } of CASES) collect(prepare(schema).schema);
    expect([...SUPPORTED_KEYWORDS].filter((keyword) => !used.has(keyword))).toEqual([]);
    expect([...SUPPORTED_FORMATS].filter((format) => !used.has(`format:${format}`))).toEqual([]);
  });
});
