import { describe, expect, it } from 'vitest';
import { emitZod, emitZodRuntime } from '../../../src/emit/zod/index.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';
import { prepared } from '../../differential/prepared.js';

const NAMES = {
  constName: 'orderQuoteResponseSchema',
  typeName: 'OrderQuoteResponse',
  pointer: '/response_schema',
};

function emit(schema: JsonSchema) {
  return emitZod(prepared(schema), NAMES);
}

/** Declared consts in output order. */
function declaredConsts(code: string): string[] {
  return [...code.matchAll(/^export const (\w+): z\.ZodType<(\w+)>/gm)].map(
    (match) => `${match[1]}: ${match[2]}`,
  );
}

const ORDER_SCHEMA: JsonSchema = {
  $defs: {
    LineItem: { type: ['object'], properties: { price: { $ref: '#/$defs/Money' } }, required: ['price'] },
    Money: { type: ['number'], multipleOf: 0.01 },
    Node: {
      type: ['object'],
      properties: { children: { type: ['array'], items: { $ref: '#/$defs/Node' } } },
    },
  },
  type: ['object'],
  properties: {
    items: { type: ['array'], items: { $ref: '#/$defs/LineItem' } },
    tree: { $ref: '#/$defs/Node' },
    parent: { anyOf: [{ $ref: '#' }, { type: ['null'] }] },
  },
};

describe('emitZod output shape', () => {
  it('declares definitions before use, then the root, each typed with its type name', () => {
    const { code } = emit(ORDER_SCHEMA);
    expect(declaredConsts(code)).toEqual([
      'orderQuoteResponseMoneySchema: OrderQuoteResponseMoney',
      'orderQuoteResponseLineItemSchema: OrderQuoteResponseLineItem',
      'orderQuoteResponseNodeSchema: OrderQuoteResponseNode',
      'orderQuoteResponseSchema: OrderQuoteResponse',
    ]);
    // Declared definitions are used directly; recursion and the root go through z.lazy. References to an
    // object validator name its unwrapped body: only the outermost keepInput hands back the input.
    expect(code).toContain('price: orderQuoteResponseMoneySchema');
    expect(code).toContain('z.array(z.lazy(() => orderQuoteResponseNodeShape))');
    expect(code).toContain('tree: z.exactOptional(orderQuoteResponseNodeShape)');
    expect(code).toContain('z.lazy(() => orderQuoteResponseShape)');
    expect(code).toContain(
      'export const orderQuoteResponseNodeSchema: z.ZodType<OrderQuoteResponseNode> = keepInput(orderQuoteResponseNodeShape);',
    );
    // One keepInput per exported object validator (LineItem, Node, the root), none nested.
    expect(code.match(/keepInput\(/g)).toHaveLength(3);
  });

  it('imports exactly the runtime helpers it uses, all of which the runtime exports', () => {
    const { code, runtime } = emit(ORDER_SCHEMA);
    const exported = new Set(
      [...emitZodRuntime().matchAll(/^export function (\w+)/gm)].map((match) => match[1]),
    );
    const used = [...exported].filter((name) => new RegExp(`\\b${name}\\(`).test(code));
    expect([...runtime].sort()).toEqual(used.sort());
    expect([...runtime].sort()).toEqual(['keepInput', 'multipleOf']);
  });

  it.each<[string, JsonSchema, string]>([
    ['integers of any size, not z.int()', { type: ['integer'] }, 'z.number().check(integer())'],
    ['code-point lengths', { type: ['string'], maxLength: 2 }, 'z.string().check(maxLength(2))'],
    [
      'unicode, unanchored patterns',
      { type: ['string'], pattern: 'a' },
      `z.string().regex(new RegExp("a", 'u'))`,
    ],
    ['a large maxItems as a check', { type: ['array'], maxItems: 1000 }, 'z.array(z.unknown()).max(1000)'],
    ['enum of primitives as one literal', { type: ['string'], enum: ['a', 'b'] }, 'z.literal(["a", "b"])'],
    ['structured enum by deep equality', { enum: [[1], { a: 1 }] }, 'jsonEnum('],
    [
      'false property as absent',
      { type: ['object'], properties: { x: false } },
      'x: z.exactOptional(z.never())',
    ],
    [
      'closed objects as strictObject',
      { type: ['object'], additionalProperties: false },
      'z.strictObject({})',
    ],
    [
      'oneOf on a required const key as a discriminated union',
      {
        oneOf: [
          { type: ['object'], properties: { t: { const: 'a' } }, required: ['t'] },
          { type: ['object'], properties: { t: { const: 'b' } }, required: ['t'] },
        ],
      },
      'z.discriminatedUnion("t", [',
    ],
    ['other oneOf as a counting check', { oneOf: [{ type: ['string'] }, { minLength: 2 }] }, 'oneOf('],
    ['allOf without merging', { allOf: [{ type: ['object'] }, { required: ['a'] }] }, 'allOf('],
  ])('emits %s', (_name, schema, expected) => {
    const { code, diagnostics } = emit(schema);
    expect(code).toContain(expected);
    expect(diagnostics).toEqual([]);
  });

  it('reports what it cannot check exactly, with pointer and a comment in the output', () => {
    const { code, diagnostics } = emit({
      type: ['object'],
      properties: { p: { type: ['string'], pattern: '(' } },
    });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'approximate-validation',
        pointer: '/response_schema/properties/p/pattern',
        message: 'pattern is not a valid unicode regular expression: no string matches',
      },
    ]);
    expect(code).toContain('/* approximate: pattern is not a valid unicode regular expression');
  });

  it('comments an unusable patternProperties pattern where it would have applied', () => {
    const { code, diagnostics } = emit({
      type: ['object'],
      patternProperties: { '[': { type: ['string'] } },
    });
    expect(diagnostics.map((diagnostic) => diagnostic.pointer)).toEqual([
      '/response_schema/patternProperties/[',
    ]);
    expect(code).toContain(
      '/* approximate: patternProperties pattern is not a valid unicode regular expression */',
    );
  });

  it('is deterministic', () => {
    expect(emit(ORDER_SCHEMA)).toEqual(emit(structuredClone(ORDER_SCHEMA)));
  });
});
