import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    tsconfig: '../../tsconfig.build.json',
  },
  {
    // The executable: ESM only, no types; tsup keeps the `#!/usr/bin/env node` line of the entry. The
    // worker-thread entry sits beside index.js and cli.js, where the generator looks for it.
    entry: { cli: 'src/cli/bin.ts', 'emit-worker': 'src/core/emit-worker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    tsconfig: '../../tsconfig.build.json',
  },
]);
