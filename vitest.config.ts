import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Workspace packages resolve to their sources, so tests never need a build first. */
export const alias = {
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
    // Vitest's default is one worker fewer than the cores, so a single worker on 2 cores, while the slow files
    // mostly wait on child processes, sockets and npm. Two at least keeps both cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
