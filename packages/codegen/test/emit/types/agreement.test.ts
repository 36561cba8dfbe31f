import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/emit-types.js';
import { emitZod, emitZodRuntime } from '../../../src/emit/zod/index.js';
import { prepareSchema } from '../../../src/schema/index.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';
import { CASES } from './cases.js';
import { HOSTILE } from './hostile.js';
import { prepared } from './prepared.js';
import { type Problem, typecheck } from './typecheck.js';

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

const HAND_CASES: readonly AgreementCase[] = [
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

/** A module with these types and a hand-written validator per type. */
async function handModule(testCase: AgreementCase): Promise<string> {
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

/** The real pipeline: prepareSchema, then these types and the Zod emitter's validators in one module. */
async function pipelineModule(schema: unknown): Promise<string> {
  const prepared = prepareSchema(schema, { pointer: '/request_schema' });
  expect(prepared.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  const types = await emitTypes(prepared, { typeName: 'X', pointer: '/request_schema' });
  expect(types.diagnostics).toEqual([]);
  const zod = emitZod(prepared, { constName: 'xSchema', typeName: 'X', pointer: '/request_schema' });
  const imports = ["import * as z from 'zod';"];
  if (zod.runtime.size > 0)
    imports.push(`import { ${[...zod.runtime].sort().join(', ')} } from './_runtime.js';`);
  return [...imports, types.code, zod.code].join('\n');
}

const PIPELINE_CASES: ReadonlyArray<{ readonly name: string; readonly schema: JsonSchema }> = [
  ...CASES,
  { name: 'hostile', schema: HOSTILE },
];

// tsc must accept every `z.ZodType<X>` annotation: the printed type is a supertype of what Zod infers,
// under strict + exactOptionalPropertyTypes. One program for all modules: Zod's types load once.
describe('emitTypes agrees with the Zod validators', () => {
  const modules: Record<string, string> = { _runtime: emitZodRuntime() };
  let problems = new Map<string, Problem[]>();

  beforeAll(async () => {
    for (const testCase of HAND_CASES) modules[`hand-${testCase.name}`] = await handModule(testCase);
    modules['hand-control'] = await handModule({ name: 'control', schema: str, zod: 'z.number()' });
    for (const { name, schema } of PIPELINE_CASES) modules[`pipeline-${name}`] = await pipelineModule(schema);
    problems = typecheck(modules);
  });

  const expectClean = (name: string): void => {
    const list = problems.get(name) ?? [];
    expect(list, `${list.join('\n')}\n---\n${modules[name]}`).toEqual([]);
  };

  it('the check can fail: a validator for the wrong type is rejected', () => {
    expect(problems.get('hand-control')).toHaveLength(1);
  });

  it.each(HAND_CASES.map((testCase) => testCase.name))('hand-written validator: %s', (name) => {
    expectClean(`hand-${name}`);
  });

  it.each(PIPELINE_CASES.map((testCase) => testCase.name))('schema step + Zod emitter: %s', (name) => {
    expectClean(`pipeline-${name}`);
  });
});
