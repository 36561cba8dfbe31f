import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Workspace packages resolve to their sources, so tests never need a build first. */
export const alias = {
  '@fluid-droplet/sdk/client': src('./packages/sdk/src/client/index.ts'),
  '@fluid-droplet/sdk/receive': src('./packages/sdk/src/receive/index.ts'),
  '@fluid-droplet/sdk/stores': src('./packages/sdk/src/stores/index.ts'),
  '@fluid-droplet/postgres': src('./packages/postgres/src/index.ts'),
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
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
