import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: '../../tsconfig.build.json',
  // The store takes any client with query(text, params); the SDK and the driver are the application's own.
  external: ['pg', '@fluid-droplet/sdk', '@fluid-droplet/sdk/stores'],
});
