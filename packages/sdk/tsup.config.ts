import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const shared = {
  entry: {
    index: 'src/index.ts',
    client: 'src/client/index.ts',
    'client-validation': 'src/client/validation/index.ts',
    receive: 'src/receive/index.ts',
    node: 'src/node.ts',
    stores: 'src/stores/index.ts',
  },
  sourcemap: true,
  target: 'node20',
  tsconfig: '../../tsconfig.build.json',
  // tsup runs the configs below at the same time, so none of them may clean: dist/ is emptied once, up front.
  clean: false,
} satisfies Options;

export default defineConfig(() => {
  rmSync('dist', { recursive: true, force: true });
  return [
    // Declarations once, for both formats (`.d.ts` and `.d.cts`). The build script then makes the `.d.cts` files'
    // imports of ky resolve as ESM (scripts/cts-declarations.ts says why).
    { ...shared, format: ['esm', 'cjs'], dts: { only: true } },
    {
      ...shared,
      // Extra entries, in no `exports` map: each area becomes its own file, so a bundler that meets
      // `import { verifyFluidSignature } from '@fluid-droplet/sdk/receive'` keeps that file and drops the others
      // (`sideEffects: false`). In one shared chunk, the generated zod schemas (top-level calls a bundler cannot
      // prove pure) would ride along with every import: 32 KB gzip for a signature check.
      entry: {
        ...shared.entry,
        'internal/signature': 'src/receive/signature/index.ts',
        'internal/webhooks': 'src/receive/webhooks/index.ts',
        'internal/callbacks': 'src/receive/callbacks/index.ts',
        'internal/registry': 'src/registry/index.ts',
      },
      format: ['esm'],
      dts: false,
    },
    {
      ...shared,
      format: ['cjs'],
      dts: false,
      // ky is ESM-only: `require("ky")` fails on Node 20 (and on any Node started with
      // --no-experimental-require-module), so the CommonJS build carries its own copy. The ESM build imports ky.
      noExternal: ['ky'],
      // Shared chunks, as in the ESM build: one FluidError class whichever entries a service requires.
      splitting: true,
    },
  ];
});
