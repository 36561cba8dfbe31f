// What a service pays in bundle size for each part of the SDK: esbuild bundles a one-line module that imports the
// part the way a user would (from the public entry, so tree-shaking is what it would be for them), minified, as
// ESM for a runtime without Node (platform neutral; `node:` built-ins stay external). Sizes are gzip level 9.
// Each import is measured twice: from the built package as npm installs it (`@fluid-droplet/sdk/...`, the ESM
// dist/ with its shared chunks; needs `pnpm build`) and from the TypeScript sources. The zod and ky columns say
// how much of the minified output (built package) each dependency contributes (– when absent).
// Targets from issue 10; reported, never asserted (the test suite asserts no sizes).
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
/** A workspace package that depends on the SDK, so `@fluid-droplet/sdk/...` resolves to its dist/ from here. */
const consumerDir = `${root}packages/e2e`;
const built = existsSync(`${root}packages/sdk/dist/receive.js`);

type Entry = 'client' | 'client/validation' | 'receive' | 'node';

interface Case {
  readonly name: string;
  /** What a user's code imports: `names` (or `*`) from an entry. */
  readonly names: string;
  readonly entry: Entry;
  /** A second import of the same module, from another entry. */
  readonly with?: { readonly names: string; readonly entry: Entry };
  /** Target for the gzipped size in KB, if any. */
  readonly targetKb?: number;
  /** Whether zod may be in the bundle for the target to count as met. */
  readonly zodAllowed: boolean;
}

const cases: Case[] = [
  {
    name: 'verifyFluidSignature + signFluidRequest',
    names: '{ signFluidRequest, verifyFluidSignature }',
    entry: 'receive',
    targetKb: 3,
    zodAllowed: false,
  },
  {
    name: 'createWebhookHandler',
    names: '{ createWebhookHandler }',
    entry: 'receive',
    targetKb: 8,
    zodAllowed: false,
  },
  {
    name: 'createCallbackHandler (validates with zod)',
    names: '{ createCallbackHandler }',
    entry: 'receive',
    zodAllowed: true,
  },
  {
    name: 'the /client entry (everything it exports)',
    names: '*',
    entry: 'client',
    targetKb: 10,
    zodAllowed: false,
  },
  {
    name: 'FluidClient alone',
    names: '{ FluidClient }',
    entry: 'client',
    zodAllowed: false,
  },
  {
    name: 'FluidClient + validateResponses (/client/validation)',
    names: '{ FluidClient }',
    entry: 'client',
    with: { names: '{ validateResponses }', entry: 'client/validation' },
    zodAllowed: false,
  },
  {
    name: 'toNodeHandler (the /node entry)',
    names: '*',
    entry: 'node',
    zodAllowed: false,
  },
];

/** Bytes of minified output that came from files of `pkg` (its node_modules folder). */
function bytesFrom(metafile: Metafile, pkg: string): number {
  let total = 0;
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (input.includes(`/node_modules/${pkg}/`)) total += bytesInOutput;
    }
  }
  return total;
}

const sources: Record<Entry, string> = {
  client: 'client/index.ts',
  'client/validation': 'client/validation/index.ts',
  receive: 'receive/index.ts',
  node: 'node.ts',
};

/**
 * Bundles `export <names> from <specifier>` for each import; returns the minified output, its gzip size and the
 * metafile.
 */
async function bundle(imports: readonly (readonly [names: string, specifier: string])[]) {
  const contents = imports.map(([names, specifier]) => `export ${names} from '${specifier}';`).join('\n');
  const result = await build({
    stdin: { contents, resolveDir: consumerDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    external: ['node:*'],
    // Not the repo's tsconfig.json: its `paths` would send `@fluid-droplet/sdk/...` to the sources.
    tsconfig: `${root}tsconfig.build.json`,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    bytes: output.byteLength,
    gzip: gzipSync(output, { level: 9 }).byteLength,
    metafile: result.metafile,
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(2);

const rows: Record<string, string>[] = [];
for (const item of cases) {
  const parts = item.with === undefined ? [item] : [item, item.with];
  const fromSource = await bundle(
    parts.map(({ names, entry }) => [names, `${root}packages/sdk/src/${sources[entry]}`] as const),
  );
  const fromDist = built
    ? await bundle(parts.map(({ names, entry }) => [names, `@fluid-droplet/sdk/${entry}`] as const))
    : undefined;
  const measured = fromDist ?? fromSource;
  const gzip = measured.gzip;
  const zod = bytesFrom(measured.metafile, 'zod');
  const ky = bytesFrom(measured.metafile, 'ky');
  let verdict = '';
  if (item.targetKb !== undefined) {
    const small = gzip <= item.targetKb * 1024;
    const clean = item.zodAllowed || zod === 0;
    verdict = small && clean ? 'met' : `NOT met${clean ? '' : ' (zod included)'}`;
  }
  rows.push({
    import: item.name,
    'min KB': kb(measured.bytes),
    'gzip KB': fromDist === undefined ? '(pnpm build)' : kb(fromDist.gzip),
    'gzip KB, sources': kb(fromSource.gzip),
    'target gzip KB':
      item.targetKb === undefined ? '' : `≤ ${item.targetKb}${item.zodAllowed ? '' : ', no zod'}`,
    verdict,
    'zod min KB': zod === 0 ? '–' : kb(zod),
    'ky min KB': ky === 0 ? '–' : kb(ky),
  });
}
console.table(rows);
if (!built)
  console.info('packages/sdk/dist is missing: run `pnpm build` to measure the package as npm installs it');
console.info('verdicts use the built package when there is one, else the sources');
