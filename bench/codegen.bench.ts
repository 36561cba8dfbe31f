// `pnpm bench codegen`: generation time per definition for 10, 100 and 1000 seeded synthetic definitions,
// beside json-schema-to-typescript alone (with and without Prettier) on the same schemas, with the ratios;
// an incremental CLI run (1000 definitions, one changed) against a cold one; then validation operations
// per second of a generated validator, ajv and a hand-written Zod schema on one payload.
// The machine may be shared: every measurement is repeated in interleaved rounds (the order rotates each
// round) and reported as the median, with the lowest and highest per-round ratio beside it.
// CODEGEN_BENCH_TABLES=incremental runs only the incremental table (any comma list of generation,
// incremental, validation).
// fluid-codegen is measured as users run it, from the built package, when dist/ is fresh; otherwise from the
// sources through tsx (slower: esbuild's keepNames wrappers, and each worker thread compiles the sources again).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Codegen from '@fluid-droplet/codegen';
import type { SourcedDefinition } from '@fluid-droplet/codegen';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { Bench } from 'tinybench';
import * as z from 'zod';
import { staleBuild } from '../scripts/release-pack.js';

type Compile = (
  schema: object,
  name: string,
  options: { bannerComment: string; format: boolean },
) => Promise<string>;

const root = join(import.meta.dirname, '..');
const stale = staleBuild();
const { generate, main }: typeof Codegen =
  stale === undefined
    ? await import(pathToFileURL(join(root, 'packages/codegen/dist/index.js')).href)
    : await import('@fluid-droplet/codegen');
const source = stale === undefined ? 'the built package' : `the sources through tsx (${stale})`;
// json-schema-to-typescript is a dependency of the codegen package, not of the workspace root.
const { compile } = createRequire(join(root, 'packages/codegen/package.json'))(
  'json-schema-to-typescript',
) as {
  compile: Compile;
};

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same definitions. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A definition shaped like Fluid's cart callbacks: nested cart, line items, money as number or string. */
function syntheticDefinition(index: number, next: () => number): SourcedDefinition {
  const extra = Object.fromEntries(
    Array.from({ length: 2 + Math.floor(next() * 6) }, (_, field) => [
      `field_${field}`,
      [
        { type: 'string', maxLength: 200 },
        { type: 'integer', minimum: 0 },
        { type: 'boolean' },
        { enum: ['a', 'b', 'c'] },
      ][Math.floor(next() * 4)],
    ]),
  );
  const request_schema = {
    type: 'object',
    required: ['callback_name', 'cart'],
    properties: {
      callback_name: { type: 'string' },
      schema_version: { type: ['string', 'null'] },
      cart: {
        type: 'object',
        required: ['cart_token', 'items'],
        properties: {
          cart_token: { type: 'string', minLength: 1 },
          email: { type: 'string', format: 'email' },
          currency_code: { type: 'string', pattern: '^[A-Z]{3}$' },
          items: { type: 'array', items: { $ref: '#/$defs/item' }, maxItems: 500 },
          metadata: { type: 'object' },
          ...extra,
        },
      },
    },
    $defs: {
      item: {
        type: 'object',
        required: ['sku', 'quantity', 'price'],
        properties: {
          sku: { type: 'string' },
          quantity: { type: 'integer', minimum: 1 },
          price: { type: ['number', 'string'] },
          product_title: { type: 'string', description: 'Shown to the shopper.' },
        },
      },
    },
  };
  const response_schema = {
    oneOf: [
      { type: 'object', maxProperties: 0 },
      {
        type: 'object',
        required: ['success'],
        properties: { success: { type: 'boolean' }, message: { type: 'string' }, data: { type: 'object' } },
      },
    ],
  };
  const name = `synthetic_callback_${index}`;
  return {
    source: `${name}.json`,
    definition: {
      name,
      description: `Synthetic callback ${index}.`,
      example_response: { success: true },
      request_schema,
      response_schema,
    },
  };
}

function definitions(count: number): SourcedDefinition[] {
  const next = random(42);
  return Array.from({ length: count }, (_, index) => syntheticDefinition(index, next));
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The median of per-round ratios, with their range: `0.45 (0.41–0.52)`. */
function ratio(numerators: readonly number[], denominators: readonly number[]): string {
  const ratios = numerators.map((value, index) => value / (denominators[index] ?? Number.NaN));
  return `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}

/** Runs `tasks` in `rounds` rounds, rotating their order each round; the times of each task, in ms. */
async function interleaved(
  tasks: ReadonlyArray<() => Promise<unknown>>,
  rounds: number,
): Promise<number[][]> {
  const times = tasks.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (let step = 0; step < tasks.length; step++) {
      const index = (round + step) % tasks.length;
      const task = tasks[index];
      if (task !== undefined) times[index]?.push(await timed(task));
    }
  }
  return times;
}

const perDefinition = (ms: number, count: number): string => `${(ms / count).toFixed(3)} ms`;

async function generationTable(): Promise<void> {
  const rows = [];
  for (const [count, rounds] of [
    [10, 7],
    [100, 5],
    [1000, 3],
  ] as const) {
    const input = definitions(count);
    const schemas = input.flatMap(({ definition }) => [
      definition.request_schema,
      definition.response_schema,
    ]);
    const jstt = (format: boolean) => async () => {
      for (const [index, schema] of schemas.entries()) {
        await compile(structuredClone(schema) as object, `Type${index}`, { bannerComment: '', format });
      }
    };
    const ours = async () => {
      const result = await generate(input);
      if (!result.ok) throw new Error('synthetic definitions failed to generate');
    };
    const [generated = [], plain = [], formatted = []] = await interleaved(
      [ours, jstt(false), jstt(true)],
      rounds,
    );
    rows.push({
      definitions: count,
      rounds,
      'fluid-codegen (types + Zod)': perDefinition(median(generated), count),
      'jstt, no Prettier': perDefinition(median(plain), count),
      'jstt + Prettier': perDefinition(median(formatted), count),
      'ratio to jstt + Prettier (target <= 0.5)': ratio(generated, formatted),
      'ratio to jstt, no Prettier': ratio(generated, plain),
    });
  }
  process.stdout.write(
    `Generation time per definition, median of interleaved rounds (fluid-codegen from ${source}, on up to ${availableParallelism()} threads from 200 definitions)\n` +
      'Ratios: median of the per-round ratios (lowest–highest). The synthetic definitions share one response\n' +
      "schema and one line-item schema, as most of Fluid's own definitions share theirs.\n",
  );
  console.table(rows);
}

/** Measured rounds of the incremental table. */
const ROUNDS = 5;

/** The CLI on 1000 definition files: a cold run into an empty folder, then a run after one file changed. */
async function incrementalTable(): Promise<void> {
  const dir = join(root, 'bench/.tmp/incremental');
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'defs'), { recursive: true });
  const input = definitions(1000);
  for (const { definition } of input) {
    await writeFile(join(dir, 'defs', `${definition.name}.json`), JSON.stringify(definition));
  }
  const io = { cwd: dir, stdout: { write: () => true }, stderr: { write: () => true } };
  const args = ['generate', '--input', 'defs', '--out', 'out'];
  const run = async (what: string) => {
    if ((await main(args, io)) !== 0) throw new Error(`${what} run failed`);
  };
  const colds: number[] = [];
  const incrementals: number[] = [];
  // Round 0 warms up both kinds of run (as the generation table's first rounds do) and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    // Cold: no output folder, and no stat cache beside it.
    await rm(join(dir, 'out'), { recursive: true, force: true });
    await rm(join(dir, '.fluid-codegen-out.stat.json'), { force: true });
    const cold = await timed(() => run('cold'));
    const changed = input[(round * 337) % input.length];
    if (changed === undefined) return;
    await writeFile(
      join(dir, 'defs', `${changed.definition.name}.json`),
      JSON.stringify({ ...changed.definition, description: `Changed in round ${round}.` }),
    );
    const incremental = await timed(() => run('incremental'));
    if (round === 0) continue;
    colds.push(cold);
    incrementals.push(incremental);
  }
  process.stdout.write(
    `\nfluid-codegen generate on 1000 definition files (in process, output written; median of ${ROUNDS} rounds after one to warm up)\n`,
  );
  const shares = incrementals.map((ms, index) => (100 * ms) / (colds[index] ?? Number.NaN));
  console.table([
    {
      'cold run': `${median(colds).toFixed(0)} ms`,
      'one definition changed': `${median(incrementals).toFixed(0)} ms`,
      'share of the cold run (target <= 5%)': `${median(shares).toFixed(1)}% (${Math.min(...shares).toFixed(1)}–${Math.max(...shares).toFixed(1)}%)`,
    },
  ]);
  await rm(dir, { recursive: true, force: true });
}

async function validationTable(): Promise<void> {
  const [sample] = definitions(1);
  if (sample === undefined) return;
  const result = await generate([sample]);
  const dir = join(root, 'bench/.tmp/codegen');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const file of result.files) await writeFile(join(dir, file.path), file.contents);
  const module: Record<string, unknown> = await import(
    pathToFileURL(join(dir, 'synthetic-callback-0.ts')).href
  );
  const generated = module.syntheticCallback0RequestSchema as z.ZodType;

  const ajv = new Ajv2020({ strict: false });
  addFormatsModule.default(ajv);
  const ajvValidate = ajv.compile(sample.definition.request_schema);
  const item = z.looseObject({
    sku: z.string(),
    quantity: z.int().min(1),
    price: z.union([z.number(), z.string()]),
    product_title: z.exactOptional(z.string()),
  });
  const handWritten = z.looseObject({
    callback_name: z.string(),
    schema_version: z.exactOptional(z.string().nullable()),
    cart: z.looseObject({
      cart_token: z.string().min(1),
      email: z.exactOptional(z.email()),
      currency_code: z.exactOptional(z.string().regex(/^[A-Z]{3}$/u)),
      items: z.array(item).max(500),
      metadata: z.exactOptional(z.looseObject({})),
    }),
  });
  const payload = {
    callback_name: 'synthetic_callback_0',
    schema_version: '1',
    cart: {
      cart_token: 'ct_123',
      email: 'shopper@example.com',
      currency_code: 'USD',
      items: Array.from({ length: 10 }, (_, index) => ({
        sku: `SKU-${index}`,
        quantity: index + 1,
        price: '9.99',
      })),
      metadata: { source: 'bench' },
    },
  };
  for (const [label, ok] of [
    ['generated', generated.safeParse(payload).success],
    ['ajv', ajvValidate(payload)],
    ['hand-written', handWritten.safeParse(payload).success],
  ] as const) {
    if (!ok) throw new Error(`${label} validator rejects the benchmark payload`);
  }
  const bench = new Bench({ time: 500 });
  bench
    .add('generated Zod validator', () => generated.safeParse(payload))
    .add('ajv (Ajv2020, compiled)', () => ajvValidate(payload))
    .add('hand-written Zod schema', () => handWritten.safeParse(payload));
  await bench.run();
  process.stdout.write('\nValidation of one cart payload (10 line items)\n');
  console.table(bench.table());
  await rm(join(root, 'bench/.tmp'), { recursive: true, force: true });
}

const only = process.env.CODEGEN_BENCH_TABLES?.split(',').map((name) => name.trim());
const tables = { generation: generationTable, incremental: incrementalTable, validation: validationTable };
for (const [name, table] of Object.entries(tables)) {
  if (only === undefined || only.includes(name)) await table();
}
