import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// tsup runs both configs at the same time, so neither may clean: dist/ is emptied once, up front.
export default defineConfig(() => {
  rmSync('dist', { recursive: true, force: true });
  return [
    {
      entry: { index: 'src/index.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      clean: false,
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
  ];
});
