import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Workspace packages resolve to their sources, so tests never need a build first. */
export const alias = {
  // Before `/client`: an alias also matches the specifiers it is a prefix of.
  '@fluid-droplet/sdk/client/validation': src('./packages/sdk/src/client/validation/index.ts'),
  '@fluid-droplet/sdk/client': src('./packages/sdk/src/client/index.ts'),
  '@fluid-droplet/sdk/receive': src('./packages/sdk/src/receive/index.ts'),
  '@fluid-droplet/sdk/stores': src('./packages/sdk/src/stores/index.ts'),
  '@fluid-droplet/postgres': src('./packages/postgres/src/index.ts'),
  '@fluid-droplet/sdk/node': src('./packages/sdk/src/node.ts'),
  '@fluid-droplet/sdk': src('./packages/sdk/src/index.ts'),
  '@fluid-droplet/codegen': src('./packages/codegen/src/index.ts'),
  '@fluid-droplet/emulator': src('./packages/emulator/src/index.ts'),
  '@fluid-droplet/schema-sampler': src('./packages/schema-sampler/src/index.ts'),
};

/**
 * The files that take longest (mostly waiting on npm, tsc, PostgreSQL and child processes), longest first. They start
 * before everything else, so on two workers the short files fill in beside them instead of one long file starting
 * last and running alone. Without this, a fresh checkout (no vitest cache of durations) starts the largest files
 * first, which are not the slow ones.
 */
const slowFirst = [
  'packages/e2e/test/consumer.test.ts',
  'packages/codegen/test/conformance/conformance.test.ts',
  'examples/droplet-service/test/multi-instance.test.ts',
  'packages/emulator/test/cli.test.ts',
  'packages/emulator/test/cli-emulator.test.ts',
  'packages/postgres/test/postgres-store.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const index = slowFirst.indexOf(relative(this.ctx.config.root, file.moduleId).replaceAll('\\', '/'));
      return index === -1 ? slowFirst.length : index;
    };
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: the rest keep the base order (cached durations, then size).
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    setupFiles: [src('./scripts/vitest-setup.ts')],
    // Generous, because the suite must pass on a busy 2-core machine: many tests start processes (the CLIs, tsc,
    // npm) or build TypeScript programs, and beside `stress -c 4` some of those take a minute. A test that needs
    // longer (the consumer test) says so itself. Speed is measured in `pnpm bench`, never by a timeout.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker runs many files in turn instead of a new process per file: starting one and loading typescript,
    // zod, PGlite and Vitest itself again cost about a third of the suite's CPU time. scripts/vitest-setup.ts
    // evaluates every module of ours afresh for each file and puts back what a file may change in the process.
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    // Vitest's default is one worker fewer than the cores, so a single worker on 2 cores, while the slow files
    // mostly wait on child processes, sockets and npm. Two at least keeps both cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      // Only the *.test-d.ts files and what they import: with ./tsconfig.json, tsc checked the whole repo (28 s of
      // CPU from cold), which `pnpm typecheck` does anyway and CI runs just before the tests.
      tsconfig: './tsconfig.test-d.json',
    },
  },
});
