// The client entry bundles without zod (issue 10, "Bundles"): only code that validates loads zod, and the client
// checks response envelopes structurally. This bundles src/client/index.ts the way a service's bundler would
// (esbuild, minified, nothing external), looks for zod among the bundle's inputs, and runs the bundle against a
// loopback server to show that response validation still works inside it. Sizes are printed, not asserted
// (`pnpm bench` tracks them).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ClientEntry from '../../src/client/index.js';
import { meta, webhook } from '../support/client-fixtures.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';

const ENTRY = fileURLToPath(new URL('../../src/client/index.ts', import.meta.url));
const BUILD_TIMEOUT = 120_000;
/** Issue 10's bound for the gzipped (level 9) client entry, ky included. */
const TARGET_GZIP = 10_240;

let server: FaultServer;
let directory: string;

beforeAll(async () => {
  server = await startFaultServer();
  directory = await mkdtemp(join(tmpdir(), 'fluid-client-bundle-'));
});
afterAll(async () => {
  await server?.close();
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

async function bundle(format: 'esm' | 'cjs'): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format,
    platform: 'neutral',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild wrote no output');
  return { code: output.contents, metafile: result.metafile };
}

/** Every input or import of the bundle that is zod, by path. */
function zodIn(metafile: Metafile): string[] {
  const imports = Object.values(metafile.outputs).flatMap((output) =>
    output.imports.map((entry) => entry.path),
  );
  return [...Object.keys(metafile.inputs), ...imports].filter((path) => /(^|[/\\])zod([/\\]|$)/.test(path));
}

async function load(format: 'esm' | 'cjs', code: Uint8Array): Promise<typeof ClientEntry> {
  const file = join(directory, `client.${format === 'esm' ? 'mjs' : 'cjs'}`);
  await writeFile(file, code);
  if (format === 'esm') return (await import(pathToFileURL(file).href)) as typeof ClientEntry;
  return createRequire(import.meta.url)(file) as typeof ClientEntry;
}

describe.each(['esm', 'cjs'] as const)('the client entry bundled as %s', (format) => {
  it(
    'has no zod among its inputs and still reports response drift with a JSON pointer',
    async () => {
      const { code, metafile } = await bundle(format);
      expect(zodIn(metafile)).toEqual([]);
      expect(
        Object.keys(metafile.inputs).some((path) => path.includes('src/client/validation/shape.ts')),
      ).toBe(true);
      // Issue 10's target is 10,240 B at gzip level 9 (ESM, ky bundled); it is not met yet, so it is printed,
      // not asserted.
      process.stdout.write(
        `client entry (${format}, esbuild minified, ky bundled): ${code.byteLength} B, ${gzipSync(code, { level: 9 }).byteLength} B gzip -9 (target ${TARGET_GZIP} B)\n`,
      );

      const { FluidClient, ResponseValidationError } = await load(format, code);
      const client = new FluidClient({
        token: 'C-bundle-token',
        baseUrl: server.url,
        validateResponses: true,
      });
      server.script('GET /api/company/webhooks/1', {
        body: { webhook: { ...webhook(1), active: 'yes' }, meta },
      });
      const error = await client.webhooks.get(1).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(ResponseValidationError.is(error)).toBe(true);
      expect(error).toMatchObject({
        pointer: '/webhook/active',
        issues: [{ pointer: '/webhook/active', message: 'Invalid input: expected boolean, received string' }],
      });

      server.script('GET /api/company/webhooks/2', { body: { webhook: webhook(2), meta } });
      await expect(client.webhooks.get(2)).resolves.toMatchObject({ id: 2 });
    },
    BUILD_TIMEOUT,
  );
});
