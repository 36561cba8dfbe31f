import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, test } from 'vitest';
import { diffDefinitions } from '../../src/diff/diff-definitions.js';
import { formatJson } from '../../src/diff/format-report.js';
import type { DiffFinding } from '../../src/diff/types.js';
import type { SourcedDefinition } from '../../src/load/definition.js';
import { prepareSchema } from '../../src/schema/index.js';
import type { PreparedSchema } from '../../src/schema/prepared.js';
import { type LoadedBatch, loadBatch } from '../differential/module.js';

/** One fixture: a base and a head schema, used as both the request and the response schema. */
interface Pair {
  readonly description: string;
  readonly base: unknown;
  readonly head: unknown;
  readonly expect: ReadonlyArray<{ side: string; kind: string; verdict: string }>;
}

const pairsDir = join(import.meta.dirname, 'fixtures/pairs');
const pairs = readdirSync(pairsDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    name: file.replace(/\.json$/, ''),
    pair: JSON.parse(readFileSync(join(pairsDir, file), 'utf8')) as Pair,
  }));

function definition(name: string, schema: unknown, label: string): SourcedDefinition {
  return {
    source: `${label}/${name}.json`,
    definition: {
      name: name.replaceAll('-', '_'),
      description: null,
      example_response: null,
      request_schema: schema as SourcedDefinition['definition']['request_schema'],
      response_schema: schema as SourcedDefinition['definition']['response_schema'],
    },
  };
}

const ajv = new Ajv2020({ strict: false, logger: false });
addFormats.default(ajv, { mode: 'full' });
const batches: LoadedBatch[] = [];
afterAll(async () => {
  for (const batch of batches) await batch.dispose();
});

/** Both sides' verdicts on an instance, from ajv and from the generated validators written to disk. */
async function verdicts(
  base: PreparedSchema,
  head: PreparedSchema,
  instance: unknown,
): Promise<{ ajv: [boolean, boolean]; zod: [boolean, boolean] }> {
  const batch = await loadBatch([base, head]);
  batches.push(batch);
  const [baseZod, headZod] = batch.validators;
  return {
    ajv: [ajv.validate(base.schema as object, instance), ajv.validate(head.schema as object, instance)],
    zod: [baseZod?.safeParse(instance).success ?? false, headZod?.safeParse(instance).success ?? false],
  };
}

describe('diff snapshot pairs', () => {
  test('the fixtures cover every kind of change', () => {
    const kinds = new Set(pairs.flatMap(({ pair }) => pair.expect.map((item) => item.kind)));
    for (const kind of [
      'required-property-added',
      'required-property-removed',
      'type-widened',
      'type-narrowed',
      'enum-value-added',
      'enum-value-removed',
      'enum-added',
      'bound-tightened',
      'bound-loosened',
      'multiple-of-changed',
      'additional-properties-closed',
      'additional-properties-opened',
      'property-added',
      'property-removed',
      'pattern-changed',
      'format-added',
      'format-removed',
      'unique-items-added',
      'composition-changed',
      'tuple-changed',
      'unsupported-keyword-changed',
      'schema-closed',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  test.each(pairs)('$name', { timeout: 120_000 }, async ({ name, pair }) => {
    const report = await diffDefinitions(
      [definition(name, pair.base, 'base')],
      [definition(name, pair.head, 'head')],
    );
    await expect(formatJson(report)).toMatchFileSnapshot(`fixtures/pairs/__snapshots__/${name}.json.snap`);
    const [entry] = report.definitions;
    const findings: readonly DiffFinding[] = entry?.findings ?? [];
    const seen = findings.map(({ side, kind, verdict }) => ({ side, kind, verdict }));
    const sort = (items: ReadonlyArray<{ side: string; kind: string; verdict: string }>) =>
      [...items].map((item) => `${item.side} ${item.kind} ${item.verdict}`).sort();
    expect(sort(seen)).toEqual(sort(pair.expect));
    expect(entry?.change).toBe(pair.expect.length === 0 ? 'unchanged' : 'changed');
    expect(entry?.breaking).toBe(pair.expect.some((item) => item.verdict === 'breaking'));

    for (const finding of findings) {
      expect(finding.pointer.startsWith(`/${finding.side}_schema`)).toBe(true);
      if (finding.verdict !== 'breaking') {
        expect(finding.counterexample).toBeUndefined();
        continue;
      }
      expect(finding.counterexample).toBeDefined();
      const pointer = `/${finding.side}_schema`;
      const base = prepareSchema(pair.base, { pointer });
      const head = prepareSchema(pair.head, { pointer });
      const result = await verdicts(base, head, finding.counterexample);
      // Request side: Fluid may now send it (head accepts), the deployed validator rejects it (base).
      // Response side: the deployed service may reply it (base accepts), Fluid now rejects it (head).
      const expected: [boolean, boolean] = finding.side === 'request' ? [false, true] : [true, false];
      expect(result.zod, `${finding.side} ${finding.kind} zod`).toEqual(expected);
      expect(result.ajv, `${finding.side} ${finding.kind} ajv`).toEqual(expected);
    }
  });
});
