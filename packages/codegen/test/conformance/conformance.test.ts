// The generator held to the official JSON-Schema-Test-Suite (draft 2020-12 main folder), like validator
// libraries are: every group becomes one callback definition (its schema as the response schema), the real
// `fluid-codegen` executable generates them all in one run, and each test's `valid` is compared with
// `safeParse(data).success` of the generated validator. Misses must be listed, with their reason, in
// known-misses.ts; an unlisted miss fails, and so does a listed one that now passes.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codegenRoot, repoRoot, runCli } from '../helpers.js';
import { KNOWN_MISSES } from './known-misses.js';
import { ajvScore, readSuite, type SuiteGroup, suiteMissing, testKey } from './suite.js';

interface Printed {
  readonly severity: string;
  readonly code: string;
  readonly line: string;
}

interface Outcome {
  /** Tests answered right, then every miss with why. */
  readonly right: number;
  readonly misses: Map<string, string>;
  /** Misses in groups that generated without any diagnostic: wrong answers nobody was told about. */
  readonly silent: string[];
  readonly total: number;
}

const missing = suiteMissing();
// Generating ~1300 definitions twice, or tsc over their modules, takes 40-90 s on an idle 2-core machine and has
// taken over 180 s beside two other test suites: the limit leaves room for a busy CI host.
const SLOW = 480_000;
if (missing !== undefined) {
  process.stderr.write(`conformance: skipped, ${missing}\n`);
}

/** Diagnostics the CLI printed, by definition name (`file: definition: pointer: severity[code]: message`). */
function parseDiagnostics(stderr: string): Map<string, Printed[]> {
  const found = new Map<string, Printed[]>();
  for (const line of stderr.split('\n')) {
    const match = /^[^:]+: ([A-Za-z0-9_]+): \S+: (error|warning)\[([a-z-]+)\]: /.exec(line);
    if (match === null) continue;
    const [, name = '', severity = '', code = ''] = match;
    found.set(name, [...(found.get(name) ?? []), { severity, code, line }]);
  }
  return found;
}

function definitionOf(group: SuiteGroup) {
  return {
    name: group.name,
    description: `${group.file}: ${group.description}`,
    request_schema: true,
    response_schema: group.schema,
  };
}

async function runSuite(groups: readonly SuiteGroup[], dir: string, extra: readonly string[]) {
  const write = (list: readonly SuiteGroup[]) =>
    writeFile(join(dir, 'suite.json'), JSON.stringify(list.map(definitionOf)));
  await write(groups);
  const args = ['generate', '--input', 'suite.json', '--out', 'out', ...extra];
  const first = await runCli(args, dir);
  const diagnostics = parseDiagnostics(first.stderr);
  const refused = new Map<string, string>();
  for (const [name, printed] of diagnostics) {
    const errors = printed.filter((item) => item.severity === 'error');
    if (errors.length > 0) refused.set(name, [...new Set(errors.map((item) => item.code))].join(', '));
  }
  // Definitions the generator refuses (each with an error) fail the whole run: generate the rest.
  let run = first;
  if (refused.size > 0) {
    await write(groups.filter((group) => !refused.has(group.name)));
    run = await runCli(args, dir);
  }
  if (run.code !== 0) throw new Error(`fluid-codegen failed (${run.code}):\n${run.stderr.slice(0, 4000)}`);
  const registry = (await import(pathToFileURL(join(dir, 'out/index.ts')).href)) as {
    callbacks: Record<string, { response: { safeParse(data: unknown): { success: boolean } } }>;
  };
  let right = 0;
  let total = 0;
  const misses = new Map<string, string>();
  const silent: string[] = [];
  for (const group of groups) {
    const why = refused.get(group.name);
    const validator = registry.callbacks[group.name]?.response;
    for (const test of group.tests) {
      total++;
      const key = testKey(group, test);
      if (why !== undefined || validator === undefined) {
        misses.set(key, `refused: ${why ?? 'no validator'}`);
        continue;
      }
      let success: boolean;
      try {
        success = validator.safeParse(test.data).success;
      } catch (error) {
        misses.set(key, `threw ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (success === test.valid) {
        right++;
        continue;
      }
      misses.set(key, success ? 'accepted an invalid instance' : 'rejected a valid instance');
      if ((diagnostics.get(group.name) ?? []).length === 0) silent.push(key);
    }
  }
  return { right, misses, silent, total } satisfies Outcome;
}

describe.skipIf(missing !== undefined)('JSON-Schema-Test-Suite draft 2020-12', () => {
  const groups = missing === undefined ? readSuite() : [];
  const dirs: string[] = [];
  let outcome: Outcome;
  let annotated: Outcome;

  beforeAll(async () => {
    const made = await Promise.all(
      [0, 1].map(() => mkdtemp(join(codegenRoot, '.fluid-codegen-conformance-'))),
    );
    dirs.push(...made);
    const [main = '', formats = ''] = made;
    // format.json tests 2020-12's default, where format is an annotation: `--formats annotate`.
    const formatGroups = groups.filter((group) => group.file === 'format.json');
    // Independent runs in their own folders: one generates while the other's modules load.
    [outcome, annotated] = await Promise.all([
      runSuite(groups, main, []),
      runSuite(formatGroups, formats, ['--formats', 'annotate']),
    ]);
  }, SLOW);

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('answers every format test right with --formats annotate', () => {
    expect(annotated.total).toBeGreaterThan(100);
    expect([...annotated.misses]).toEqual([]);
  });

  it('answers every test right except the known misses, and beats ajv', () => {
    const ajv = ajvScore(groups);
    process.stderr.write(
      `conformance: fluid-codegen ${outcome.right}/${outcome.total}, ajv (Ajv2020 + ajv-formats) ${ajv}/${outcome.total}\n`,
    );
    const known = new Map<string, string>();
    for (const entry of KNOWN_MISSES) {
      const keys = [...outcome.misses.keys()].filter(
        (key) => key === entry.key || key.startsWith(`${entry.key} › `),
      );
      for (const key of keys.length === 0 ? [entry.key] : keys) known.set(key, entry.reason);
    }
    const unexpected = [...outcome.misses]
      .filter(([key]) => !known.has(key))
      .map(([key, why]) => `${key}: ${why}`);
    const nowPassing = [...known.keys()].filter((key) => !outcome.misses.has(key));
    if (process.env.CONFORMANCE_REPORT !== undefined) process.stderr.write(`${unexpected.join('\n')}\n`);
    expect(unexpected, 'misses not in known-misses.ts').toEqual([]);
    expect(nowPassing, 'known misses that now pass: remove them from known-misses.ts').toEqual([]);
    expect(outcome.right).toBeGreaterThan(ajv);
  });

  it(
    'generates TypeScript that type-checks under the repo flags (every validator agrees with its type)',
    async () => {
      const [main = ''] = dirs;
      await writeFile(
        join(main, 'tsconfig.json'),
        JSON.stringify({
          extends: join(repoRoot, 'tsconfig.base.json'),
          compilerOptions: { noEmit: true, types: [], lib: ['es2023'] },
          include: ['out'],
        }),
      );
      const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
      const run = await new Promise<{ code: number | null; output: string }>((resolvePromise, reject) => {
        const child = spawn(process.execPath, [tsc, '-p', join(main, 'tsconfig.json')], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
        });
        child.on('error', reject);
        child.on('close', (code) => resolvePromise({ code, output }));
      });
      expect(run.output.slice(0, 4000)).toBe('');
      expect(run.code).toBe(0);
    },
    SLOW,
  );

  it('never answers wrong without a diagnostic, except the misses listed as silent', () => {
    const allowed = new Set(KNOWN_MISSES.filter((entry) => entry.silent === true).map((entry) => entry.key));
    const unexplained = outcome.silent.filter(
      (key) => !allowed.has(key) && ![...allowed].some((prefix) => key.startsWith(`${prefix} › `)),
    );
    expect(unexplained).toEqual([]);
  });
});
