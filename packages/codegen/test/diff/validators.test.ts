// The in-memory validators `diff` judges counterexamples with are the generated ones: on the differential suite's
// schemas they give the same verdicts as the emitted module written to disk and imported (which the differential
// suite holds to ajv).
import { sampleInvalid, sampleValid } from '@fluid-droplet/schema-sampler';
import { afterAll, describe, expect, test } from 'vitest';
import { compileValidator } from '../../src/diff/validators.js';
import { CASES } from '../differential/cases.js';
import { type LoadedBatch, loadBatch } from '../differential/module.js';
import { prepared } from '../differential/prepared.js';

let batch: LoadedBatch | undefined;
afterAll(async () => {
  await batch?.dispose();
});

describe('compileValidator', () => {
  test('agrees with the emitted module on every differential case', { timeout: 120_000 }, async () => {
    const inputs = CASES.map((entry) => prepared(entry.schema));
    batch = await loadBatch(inputs);
    const mismatches: string[] = [];
    let checked = 0;
    for (const [index, entry] of CASES.entries()) {
      const accepts = await compileValidator(inputs[index] as (typeof inputs)[number], `case-${index}`);
      const written = batch.validators[index];
      const values = [
        ...(entry.values ?? []),
        ...sampleValid(entry.schema, { seed: index, count: 20 }),
        ...sampleInvalid(entry.schema, { seed: index, count: 20 }),
      ];
      for (const value of values) {
        checked++;
        if (accepts(value) !== written?.safeParse(value).success) {
          mismatches.push(`${entry.name}: ${JSON.stringify(value)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(CASES.length * 10);
  });

  test('formats are checked as generate checks them', async () => {
    const accepts = await compileValidator(prepared({ type: ['string'], format: 'email' }), 'email');
    expect(accepts('a@example.com')).toBe(true);
    expect(accepts('not an email')).toBe(false);
  });
});
