// The example check held to the emitted validators on the whole JSON-Schema-Test-Suite (draft 2020-12): every
// group the schema step accepts is emitted into one module, and for every test instance the example check
// must say what the group's generated validator says (right or wrong, as the conformance test counts them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/example/evaluate.js';
import { prepareSchema } from '../../src/schema/index.js';
import type { PreparedSchema } from '../../src/schema/prepared.js';
import { readSuite, type SuiteGroup, suiteMissing, testKey } from '../conformance/suite.js';
import { type LoadedBatch, loadBatch } from '../differential/module.js';

const missing = suiteMissing();

describe.skipIf(missing !== undefined)('the example check on the JSON-Schema-Test-Suite', () => {
  const accepted: Array<{ group: SuiteGroup; prepared: PreparedSchema }> = [];
  let batch: LoadedBatch | undefined;

  beforeAll(async () => {
    for (const group of readSuite()) {
      const prepared = prepareSchema(group.schema, { pointer: '/response_schema' });
      if (prepared.diagnostics.every((diagnostic) => diagnostic.severity !== 'error')) {
        accepted.push({ group, prepared });
      }
    }
    batch = await loadBatch(accepted.map((entry) => entry.prepared));
  }, 120_000);

  afterAll(async () => {
    await batch?.dispose();
  });

  it('says what the generated validator says on every test of every group the generator accepts', () => {
    expect(accepted.length).toBeGreaterThan(300);
    const disagreements: string[] = [];
    let tests = 0;
    for (const [index, { group, prepared }] of accepted.entries()) {
      const validator = batch?.validators[index];
      if (validator === undefined) throw new Error(`no validator for ${group.name}`);
      for (const test of group.tests) {
        tests++;
        const zod = validator.safeParse(test.data).success;
        const example = evaluate(prepared, test.data).length === 0;
        if (zod !== example)
          disagreements.push(`${testKey(group, test)}: zod ${zod}, example check ${example}`);
      }
    }
    expect(tests).toBeGreaterThan(1000);
    expect(disagreements).toEqual([]);
  });
});
