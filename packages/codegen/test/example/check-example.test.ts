import { describe, expect, it } from 'vitest';
import { checkExample } from '../../src/example/check-example.js';
import { EvaluationBudgetError, evaluate } from '../../src/example/evaluate.js';
import { prepareSchema } from '../../src/schema/index.js';

const prepare = (schema: unknown) => prepareSchema(schema, { pointer: '/response_schema' });

interface Case {
  readonly name: string;
  readonly schema: unknown;
  readonly example: unknown;
  /** Pointers inside the example of each mismatch, in order; `[]` when the example passes. */
  readonly want: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'a matching example', schema: { type: 'object' }, example: {}, want: [] },
  {
    name: 'a wrong type inside an object',
    schema: { type: 'object', properties: { total: { type: 'number' } } },
    example: { total: 'ten' },
    want: ['/total'],
  },
  {
    name: 'a missing required key, at the object',
    schema: { type: 'object', required: ['id'] },
    example: { other: 1 },
    want: [''],
  },
  {
    name: 'an unexpected key, at the key',
    schema: { type: 'object', properties: { a: true }, additionalProperties: false },
    example: { a: 1, 'b/c': 2 },
    want: ['/b~1c'],
  },
  {
    name: 'array items, each at its index',
    schema: { type: 'array', items: { type: 'integer' } },
    example: [1, 1.5, 'x'],
    want: ['/1', '/2'],
  },
  {
    name: 'a $ref into a definition (recursive)',
    schema: {
      $defs: {
        node: { type: 'object', properties: { next: { $ref: '#/$defs/node' }, v: { type: 'string' } } },
      },
      $ref: '#/$defs/node',
    },
    example: { v: 'a', next: { v: 'b', next: { v: 3 } } },
    want: ['/next/next/v'],
  },
  {
    name: 'oneOf matching two branches, at the value',
    schema: { oneOf: [{ type: 'object' }, { properties: { a: { const: 1 } } }] },
    example: { a: 1 },
    want: [''],
  },
  {
    name: 'unevaluatedProperties beside allOf',
    schema: { allOf: [{ properties: { a: true } }], unevaluatedProperties: false },
    example: { a: 1, b: 2 },
    want: ['/b'],
  },
  {
    name: 'a format the generated validator checks',
    schema: { type: 'object', properties: { at: { type: 'string', format: 'date-time' } } },
    example: { at: 'yesterday' },
    want: ['/at'],
  },
  {
    name: 'an own __proto__ key is data, and inherited names are not properties',
    schema: JSON.parse(
      '{"type": "object", "required": ["constructor"], "properties": {"__proto__": {"type": "string"}}}',
    ),
    example: JSON.parse('{"__proto__": 1}'),
    want: ['', '/__proto__'].sort(),
  },
];

describe('checkExample', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const found = checkExample(prepare(testCase.schema), testCase.example, false);
      expect(found.map((diagnostic) => diagnostic.pointer.slice('/example_response'.length)).sort()).toEqual(
        [...testCase.want].sort(),
      );
      for (const diagnostic of found)
        expect(diagnostic).toMatchObject({ severity: 'warning', code: 'example-mismatch' });
    });
  }

  it('reports errors under strict', () => {
    const found = checkExample(prepare({ type: 'string' }), 1, true);
    expect(found).toMatchObject([
      { severity: 'error', code: 'example-mismatch', pointer: '/example_response' },
    ]);
    expect(found[0]?.message).toBe('example_response does not match response_schema: type: must be string');
  });

  it('shows ten mismatches and says how many more there are', () => {
    const found = checkExample(
      prepare({ type: 'array', items: { type: 'string' } }),
      Array.from({ length: 25 }, () => 0),
      false,
    );
    expect(found).toHaveLength(10);
    expect(found[9]?.message).toMatch(/\(and 15 more\)$/);
  });

  it('gives up with one example-unchecked warning past its step budget', () => {
    const schema = prepare({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } });
    const example = Array.from({ length: 100 }, (_, index) => index);
    expect(() => evaluate(schema, example, 50)).toThrow(EvaluationBudgetError);
    expect(checkExample(schema, example, true, 50)).toMatchObject([
      { severity: 'warning', code: 'example-unchecked', pointer: '/example_response' },
    ]);
    expect(checkExample(schema, example, true)).toEqual([]);
  });
});
