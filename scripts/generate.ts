// `pnpm generate [--check] [--strict] [--watch]`: the repository's own generation, from definitions/ into
// generated/. Callback definitions go through fluid-codegen (run from source, so no build is needed);
// our OpenAPI document goes through openapi-typescript. `--force` because here the generator itself
// changes without a version bump, and the manifest's input hashes only know the version.
import { generateOpenApi } from './generate-openapi.js';
import { generateRuntimeText } from './generate-runtime-text.js';

const args = process.argv.slice(2);
const check = args.includes('--check');

// First the runtime text the generator copies into _runtime.ts, then the generator that reads it.
const runtimeCode = await generateRuntimeText({ check });
const { main: codegen } = await import('../packages/codegen/src/cli/main.js');
const callbacksCode = await codegen([
  'generate',
  '--input',
  'definitions/callbacks',
  '--out',
  'generated/callbacks',
  ...(check ? [] : ['--force']),
  ...args,
]);
const openApiCode = args.includes('--watch') ? 0 : await generateOpenApi({ check });
process.exitCode = Math.max(runtimeCode, callbacksCode, openApiCode);
