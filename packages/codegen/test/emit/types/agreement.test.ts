import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/emit-types.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';
import { prepared } from './prepared.js';
import { typecheck } from './typecheck.js';

/**
 * A schema and the Zod expression the Zod emitter is expected to write for it (per definition too:
 * `defs.Item` is `xItemSchema`). tsc must accept `const xSchema: z.ZodType<X> = <zod>`: the type
 * jstt printed is a supertype of what Zod infers, under strict + exactOptionalPropertyTypes.
 */
interface AgreementCase {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly zod: string;
  readonly defs?: Readonly<Record<string, string>>;
}

const str = { type: ['string'] };
const num = { type: ['number'] };

const CASES: readonly AgreementCase[] = [
  { name: 'unknown', schema: true, zod: 'z.unknown()' },
  { name: 'never', schema: false, zod: 'z.never()' },
  { name: 'integer', schema: { type: ['integer'] }, zod: 'z.number().refine(Number.isInteger)' },
  { name: 'nullable', schema: { type: ['string', 'null'] }, zod: 'z.union([z.string(), z.null()])' },
  {
    name: 'loose-object',
    schema: { type: ['object'], properties: { a: str, b: num, c: true }, required: ['a', 'c'] },
    zod: 'z.looseObject({ a: z.string(), b: z.exactOptional(z.number()), c: z.unknown() })',
  },
  {
    name: 'strict-object',
    schema: { type: ['object'], properties: { a: str }, additionalProperties: false },
    zod: 'z.strictObject({ a: z.exactOptional(z.string()) })',
  },
  {
    name: 'strict-empty-object',
    schema: { type: ['object'], additionalProperties: false },
    zod: 'z.strictObject({})',
  },
  {
    name: 'catchall',
    schema: { type: ['object'], properties: { a: str }, required: ['a'], additionalProperties: num },
    zod: 'z.object({ a: z.string() }).catchall(z.number())',
  },
  {
    name: 'pattern-properties',
    schema: {
      type: ['object'],
      patternProperties: { '^x': { type: ['boolean'] } },
      additionalProperties: false,
    },
    zod: 'z.object({}).catchall(z.boolean())',
  },
  {
    name: 'prototype-key',
    schema: {
      type: ['object'],
      properties: JSON.parse('{"__proto__": {"type": ["string"]}, "constructor": {"type": ["number"]}}'),
      required: ['__proto__'],
    },
    zod: 'z.looseObject({ ["__proto__"]: z.string(), constructor: z.exactOptional(z.number()) })',
  },
  {
    name: 'array',
    schema: { type: ['array'], items: str, maxItems: 100000 },
    zod: 'z.array(z.string()).max(100000)',
  },
  {
    name: 'tuple-rest',
    schema: { type: ['array'], prefixItems: [str, num], items: { type: ['boolean'] } },
    zod: 'z.tuple([z.string(), z.number()], z.boolean())',
  },
  {
    name: 'tuple-closed',
    schema: { type: ['array'], prefixItems: [str, num], items: false },
    zod: 'z.tuple([z.string(), z.number()])',
  },
  {
    name: 'enum',
    schema: { enum: ['a', 1, null, true] },
    zod: 'z.union([z.literal("a"), z.literal(1), z.null(), z.literal(true)])',
  },
  { name: 'const', schema: { const: 'a\u2028"b' }, zod: 'z.literal("a\\u2028\\"b")' },
  {
    name: 'all-of',
    schema: {
      allOf: [
        { type: ['object'], properties: { a: str }, required: ['a'] },
        { type: ['object'], properties: { b: num } },
      ],
    },
    zod: 'z.intersection(z.looseObject({ a: z.string() }), z.looseObject({ b: z.exactOptional(z.number()) }))',
  },
  {
    name: 'one-of',
    schema: {
      oneOf: [
        { type: ['object'], properties: { kind: { const: 'a' } }, required: ['kind'] },
        { type: ['object'], properties: { kind: { const: 'b' } }, required: ['kind'] },
      ],
    },
    zod: 'z.union([z.looseObject({ kind: z.literal("a") }), z.looseObject({ kind: z.literal("b") })]).refine(() => true)',
  },
  {
    name: 'any-of-with-type',
    schema: { type: ['string', 'number'], anyOf: [str, { type: ['boolean'] }] },
    zod: 'z.intersection(z.union([z.string(), z.number()]), z.union([z.string(), z.boolean()]))',
  },
  {
    name: 'properties-without-type',
    schema: { properties: { a: str } },
    zod: 'z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.looseObject({ a: z.exactOptional(z.string()) })])',
  },
  {
    name: 'recursive-definition',
    schema: {
      $ref: '#/$defs/Node',
      $defs: { Node: { type: ['object'], properties: { next: { $ref: '#/$defs/Node' } } } },
    },
    zod: 'z.lazy(() => xNodeSchema)',
    defs: { Node: 'z.looseObject({ get next() { return z.exactOptional(xNodeSchema); } })' },
  },
  {
    name: 'root-recursion',
    schema: { type: ['object'], properties: { children: { type: ['array'], items: { $ref: '#' } } } },
    zod: 'z.looseObject({ get children() { return z.exactOptional(z.array(z.lazy(() => xSchema))); } })',
  },
  {
    name: 'mutual-recursion',
    schema: {
      $ref: '#/$defs/A',
      $defs: {
        A: { type: ['object'], properties: { b: { $ref: '#/$defs/B' } } },
        B: { type: ['array'], items: { $ref: '#/$defs/A' } },
      },
    },
    zod: 'z.lazy(() => xASchema)',
    defs: {
      A: 'z.looseObject({ get b() { return z.exactOptional(xBSchema); } })',
      B: 'z.array(z.lazy(() => xASchema))',
    },
  },
];

async function moduleFor(testCase: AgreementCase): Promise<string> {
  const { code } = await emitTypes(prepared(testCase.schema), { typeName: 'X', pointer: '/response_schema' });
  const validators = Object.entries(testCase.defs ?? {}).map(
    ([suffix, zod]) => `export const x${suffix}Schema: z.ZodType<X${suffix}> = ${zod};`,
  );
  return [
    "import * as z from 'zod';",
    code,
    `export const xSchema: z.ZodType<X> = ${testCase.zod};`,
    ...validators,
    '',
  ].join('\n');
}

describe('emitTypes agrees with the Zod validators', () => {
  it(`accepts z.ZodType<X> annotations for ${CASES.length} hand-written validators`, async () => {
    const modules: Record<string, string> = {};
    for (const testCase of CASES) modules[`agree-${testCase.name}`] = await moduleFor(testCase);
    modules['agree-control'] = await moduleFor({ name: 'control', schema: str, zod: 'z.number()' });
    const problems = typecheck(modules);
    // The control proves the check can fail: a validator for the wrong type is rejected.
    expect(problems.get('agree-control')).toHaveLength(1);
    problems.delete('agree-control');
    const failures = [...problems.entries()]
      .filter(([, list]) => list.length > 0)
      .map(([name, list]) => `${list.join('\n')}\n--- ${name}.ts ---\n${modules[name]}`);
    expect(failures).toEqual([]);
  });
});
