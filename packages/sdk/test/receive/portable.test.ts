// The receiving side outside Node: /receive runs in Vercel's edge-runtime (Web Crypto only, no `process`), type-checks
// without @types/node, and the signature helpers and the webhook handler bundle without zod.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EdgeRuntime } from 'edge-runtime';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const sdk = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const receiveEntry = join(sdk, 'src/receive/index.ts');

/** Bundles `source` (an entry module's text, resolved from the SDK folder) and reports which inputs it kept. */
async function bundle(source: string, format: 'esm' | 'iife') {
  const result = await build({
    stdin: { contents: source, resolveDir: sdk, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    write: false,
    minify: format === 'esm',
    format,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    ...(format === 'iife' ? { globalName: 'FluidReceive' } : {}),
  });
  const output = Object.values(result.metafile.outputs)[0];
  const kept = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { code: result.outputFiles[0]?.text ?? '', kept };
}

// Runs inside the edge runtime: signs a callback and a webhook, and serves both with the SDK's handlers.
const scenario = `
(async () => {
  const R = FluidReceive;
  const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
  const token = 'cvt_edge_token';
  const digest = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  const registrations = R.createMemoryRegistrations([
    { uuid: 'cbr_edge', installationUuid: 'dri_edge', definitionName: 'test_callback_system', url: 'https://x', tokenDigest: digest },
  ]);
  const callbacks = R.createCallbackHandler.for(
    'test_callback_system',
    (request, ctx) => ({ message: request.message + ' from ' + ctx.installationUuid }),
    { registrations, logger: R.silentLogger },
  );
  const callbackBody = JSON.stringify({ callback_name: 'test_callback_system', message: 'hello' });
  const callbackHeaders = await R.signFluidRequest({ body: callbackBody, key: token, kind: 'callback' });
  const answer = await callbacks(new Request('https://droplet.example/cb', { method: 'POST', headers: callbackHeaders, body: callbackBody }));
  const forged = await callbacks(new Request('https://droplet.example/cb', {
    method: 'POST',
    headers: { ...callbackHeaders, 'X-Fluid-Signature': 'a'.repeat(64) },
    body: callbackBody,
  }));

  const seen = [];
  const webhooks = R.createWebhookHandler({
    dropletSecret: 'dws_edge',
    resolveKeys: ({ shop }) => (shop === 'acme' ? 'wvt_edge' : null),
    logger: R.silentLogger,
    on: { order_created: (event, ctx) => { seen.push([event.name, ctx.shop, ctx.keyKind]); } },
  });
  const order = JSON.stringify({ id: 1, identifier: 'e', name: 'order_created', timestamp: 't', payload: { order: { id: 1 } } });
  const webhookHeaders = await R.signFluidRequest({ body: order, key: 'wvt_edge', shop: 'acme' });
  const delivered = await webhooks(new Request('https://droplet.example/wh', { method: 'POST', headers: webhookHeaders, body: order }));
  const verified = await R.verifyFluidSignature({ rawBody: order, headers: webhookHeaders, keys: 'wvt_edge' });

  return JSON.stringify({
    noProcess: typeof process === 'undefined',
    callback: [answer.status, await answer.json()],
    forged: forged.status,
    webhook: [delivered.status, seen],
    verified: verified.ok,
  });
})()`;

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise({ code, output }));
  });
}

describe('the receiving side is portable', () => {
  it('runs in edge-runtime: Web Crypto only, no process', { timeout: 120_000 }, async () => {
    const { code } = await bundle(`export * from ${JSON.stringify(receiveEntry)};`, 'iife');
    const runtime = new EdgeRuntime({ initialCode: code });
    const result = JSON.parse(await runtime.evaluate<Promise<string>>(scenario));
    expect(result).toEqual({
      noProcess: true,
      callback: [200, { message: 'hello from dri_edge' }],
      forged: 401,
      webhook: [200, [['order_created', 'acme', 'company']]],
      verified: true,
    });
  });

  it('type-checks without @types/node (no node: builtin reachable from /receive)', {
    timeout: 180_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fluid-receive-types-'));
    try {
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: true,
            noEmit: true,
            types: [],
          },
          files: [receiveEntry],
        }),
      );
      const tsc = join(sdk, '../../node_modules/typescript/bin/tsc');
      const { code, output } = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')]);
      expect(output).toBe('');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['verifyFluidSignature and signFluidRequest', 'verifyFluidSignature, signFluidRequest'],
    ['createWebhookHandler', 'createWebhookHandler'],
    ['the memory stores', 'createMemoryRegistrations, createMemoryIdempotency'],
  ])('%s bundle without zod, the registry or node: builtins', async (_label, names) => {
    const { code, kept } = await bundle(`export { ${names} } from ${JSON.stringify(receiveEntry)};`, 'esm');
    expect(kept.filter((path) => /zod|registry|generated|node:/.test(path))).toEqual([]);
    expect(code).not.toMatch(/from\s*["']node:/);
  });
});
