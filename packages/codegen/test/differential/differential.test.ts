import { createRandom, sampleInvalid, sampleValid } from '@fluid-droplet/schema-sampler';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/example/evaluate.js';
import { prepareSchema } from '../../src/schema/index.js';
import type { PreparedSchema } from '../../src/schema/prepared.js';
import { CASES } from './cases.js';
import { type LoadedBatch, loadBatch } from './module.js';
import { prepared } from './prepared.js';
import { RAW_CASES } from './raw-cases.js';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Values every schema sees: one of each JSON type, plus an own `__proto__` key. */
const COMMON: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  '',
  'x',
  [],
  [1, 'a'],
  {},
  { a: 1 },
  JSON.parse('{"__proto__": {"a": 1}}'),
];

/** Deep equality over own enumerable keys (so an own `__proto__` key counts), key order ignored. */
function sameJson(left: unknown, right: unknown): boolean {
  if (Object.is(left, right) || left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  return (
    leftKeys.length === rightKeys.length &&
    leftKeys.every(
      (key) =>
        Object.hasOwn(right, key) &&
        sameJson((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
    )
  );
}

function instancesOf(schema: unknown, values: readonly unknown[], seed: number): unknown[] {
  const random = createRandom(seed);
  const sampled = [
    ...sampleValid(schema, { seed, count: 30 }),
    ...sampleInvalid(schema, { seed: seed + 1, count: 30 }),
  ];
  // A few random picks of the sampler's values nested in arrays, so containers see them too.
  const nested =
    sampled.length === 0 ? [] : [[random.pick(sampled)], [random.pick(sampled), random.pick(sampled)]];
  return [...values, ...COMMON, ...sampled, ...nested];
}

/** Normal-form cases as written, then raw cases as the real schema step normalizes them. */
const ALL: ReadonlyArray<{
  name: string;
  input: PreparedSchema;
  values: readonly unknown[];
  ownProperties: boolean;
}> = [
  ...CASES.map((entry) => ({
    name: entry.name,
    input: prepared(entry.schema),
    values: entry.values ?? [],
    ownProperties: entry.ownProperties === true,
  })),
  ...RAW_CASES.map((entry) => ({
    name: `schema step: ${entry.name}`,
    input: prepareSchema(entry.schema, { pointer: '/response_schema' }),
    values: entry.values ?? [],
    ownProperties: false,
  })),
];

let batch: LoadedBatch;

beforeAll(async () => {
  batch = await loadBatch(ALL.map((entry) => entry.input));
}, 120_000);

afterAll(async () => {
  await batch?.dispose();
});

describe('emitted Zod validators agree with Ajv', () => {
  const ajv = new Ajv2020({ strict: false, logger: false, allErrors: true });
  const ownAjv = new Ajv2020({ strict: false, logger: false, allErrors: true, ownProperties: true });
  addFormats(ajv);
  addFormats(ownAjv);

  it('covers at least 60 schemas and reports nothing approximate for them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(ALL.flatMap((entry) => entry.input.diagnostics)).toEqual([]);
    expect(batch.diagnostics).toEqual([]);
  });

  for (const [index, entry] of ALL.entries()) {
    it(`${index}: ${entry.name}`, () => {
      const validator = batch.validators[index];
      if (validator === undefined) throw new Error(`no validator for case ${index}`);
      const schema = entry.input.schema;
      const validate = (entry.ownProperties ? ownAjv : ajv).compile(schema);
      const verdicts = { accepted: 0, rejected: 0 };
      const mismatches: string[] = [];
      for (const value of instancesOf(schema, entry.values, index)) {
        const expected = validate(value);
        const result = validator.safeParse(value);
        verdicts[expected ? 'accepted' : 'rejected']++;
        if (result.success !== expected) {
          mismatches.push(`${JSON.stringify(value)}: ajv ${expected}, zod ${result.success}`);
        } else if (result.success && !sameJson(result.data, value)) {
          mismatches.push(`${JSON.stringify(value)}: parse output ${JSON.stringify(result.data)} differs`);
        }
      }
      expect(mismatches).toEqual([]);
      // A schema whose instances all get the same verdict could not catch a wrong validator.
      if (schema !== true) expect(verdicts.rejected).toBeGreaterThan(0);
      if (schema !== false) expect(verdicts.accepted).toBeGreaterThan(0);
    });
  }
});

describe('the example check agrees with the emitted Zod validators', () => {
  for (const [index, entry] of ALL.entries()) {
    it(`${index}: ${entry.name}`, () => {
      const validator = batch.validators[index];
      if (validator === undefined) throw new Error(`no validator for case ${index}`);
      const mismatches: string[] = [];
      for (const value of instancesOf(entry.input.schema, entry.values, index)) {
        const zod = validator.safeParse(value).success;
        const found = evaluate(entry.input, value);
        if ((found.length === 0) !== zod) {
          mismatches.push(`${JSON.stringify(value)}: zod ${zod}, example check ${JSON.stringify(found)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});
