// `pnpm generate [--check] [--strict] [--watch]`: the repository's own generation, from definitions/ into
// generated/. Callback definitions go through fluid-codegen (run from source, so no build is needed);
// our OpenAPI document goes through openapi-typescript. `--force` because here the generator itself
// changes without a version bump, and the manifest's input hashes only know the version.
import { main as codegen } from '../packages/codegen/src/cli/main.js';
import { generateOpenApi } from './generate-openapi.js';

const args = process.argv.slice(2);
const check = args.includes('--check');

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
process.exitCode = Math.max(callbacksCode, openApiCode);
