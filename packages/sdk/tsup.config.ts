import { defineConfig, type Options } from 'tsup';

const shared = {
  entry: {
    index: 'src/index.ts',
    client: 'src/client/index.ts',
    receive: 'src/receive/index.ts',
    node: 'src/node.ts',
  },
  sourcemap: true,
  target: 'node20',
  tsconfig: '../../tsconfig.build.json',
} satisfies Options;

export default defineConfig([
  // Declarations once, for both formats (`.d.ts` and `.d.cts`). The build script then makes the `.d.cts` files'
  // imports of ky resolve as ESM (scripts/cts-declarations.ts says why).
  { ...shared, format: ['esm', 'cjs'], dts: { only: true }, clean: true },
  { ...shared, format: ['esm'], dts: false, clean: false },
  {
    ...shared,
    format: ['cjs'],
    dts: false,
    clean: false,
    // ky is ESM-only: `require("ky")` fails on Node 20 (and on any Node started with
    // --no-experimental-require-module), so the CommonJS build carries its own copy. The ESM build imports ky.
    noExternal: ['ky'],
    // Shared chunks, as in the ESM build: one FluidError class whichever entries a service requires.
    splitting: true,
  },
]);
