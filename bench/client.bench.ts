// Per-request overhead of FluidClient (a GET through the whole pipeline: retries armed, deadline, redirect
// handling, envelope unwrap) beside raw fetch and plain ky, all against the same loopback server running in a
// child process, measured in the same run. Goal: FluidClient within 10% of plain ky. Also reports the
// minified + gzipped size of the client entry point (zod external).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { FluidClient } from '@fluid-droplet/sdk/client';
import { build } from 'esbuild';
import ky from 'ky';
import { Bench } from 'tinybench';

const TOKEN = 'C-bench-token';
const ROUNDS = 3;

// The server: a fixed webhook envelope, keep-alive, in its own process so it never shares our event loop.
const serverSource = `
const http = require('node:http');
const body = JSON.stringify({
  webhook: { id: 1, company_id: 7, droplet_installation_uuid: null, url: 'https://hooks.example.com/1', active: true,
    resource: 'order', event: 'created', event_identifier: 'order_created', http_method: 'post', auth_token: null,
    created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' },
  meta: { request_id: 'req_1', timestamp: '2026-01-01T00:00:00Z' },
});
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', serverSource], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill() };
}

async function requestOverhead(url: string): Promise<void> {
  const target = `${url}/api/company/webhooks/1`;
  const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
  const client = new FluidClient({ token: TOKEN, baseUrl: url });
  const plainKy = ky.create({ headers });
  const tasks: Record<string, () => Promise<unknown>> = {
    'raw fetch': async () => (await fetch(target, { headers })).json(),
    'plain ky': () => plainKy.get(target).json(),
    FluidClient: async () => client.webhooks.get(1),
  };
  const samples = new Map<string, number[]>();
  // Several alternating rounds, median reported: the machine is shared and load comes and goes.
  for (let round = 0; round < ROUNDS; round += 1) {
    const bench = new Bench({ time: 1500, warmup: true, warmupTime: 300 });
    for (const [name, task] of Object.entries(tasks)) bench.add(name, task);
    await bench.run();
    for (const task of bench.tasks) {
      if (task.result?.error !== undefined) throw task.result.error;
      const hz = task.result?.throughput.mean ?? 0;
      samples.set(task.name, [...(samples.get(task.name) ?? []), hz]);
    }
  }
  const median = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const kyHz = median(samples.get('plain ky') ?? []);
  console.table(
    [...samples].map(([name, values]) => {
      const hz = median(values);
      return {
        client: name,
        'requests/s': Math.round(hz),
        'µs/request': Math.round(1e6 / hz),
        'vs plain ky': `${((hz / kyHz) * 100).toFixed(1)}%`,
      };
    }),
  );
  const fluidHz = median(samples.get('FluidClient') ?? []);
  console.log(`goal: FluidClient within 10% of plain ky -> ${fluidHz >= kyHz * 0.9 ? 'met' : 'NOT met'}`);
}

async function bundleSize(): Promise<void> {
  const entry = fileURLToPath(new URL('../packages/sdk/src/client/index.ts', import.meta.url));
  const rows = [];
  for (const external of [['zod'], ['zod', 'ky']]) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      external,
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    rows.push({
      bundle: `client entry, external: ${external.join(', ')}`,
      'minified (kB)': (code.byteLength / 1024).toFixed(1),
      'min + gzip (kB)': (gzipSync(code).byteLength / 1024).toFixed(1),
    });
  }
  console.table(rows);
}

const server = await startServer();
try {
  await requestOverhead(server.url);
} finally {
  server.stop();
}
await bundleSize();
