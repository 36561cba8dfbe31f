// Throughput of createCallbackHandler (registration lookup by token digest, verify, parse, validate both ways,
// respond) beside a bare node:http handler doing only JSON.parse + JSON.stringify, and beside a hand-written reference
// doing the same checks without the SDK. Load comes from a second process over loopback keep-alive connections, for
// a bounded time per target. Goals: the SDK path at ≥ 85% of the bare handler's throughput, and at most 1.15× the
// reference's server CPU per request. The SDK is loaded from its build (bench/built-sdk.ts), as users run it.
// RECEIVE_BENCH_MODE=instructions counts instructions per request under valgrind instead (bench/callgrind.ts): a
// measure of the same CPU goal that repeats on a quiet machine, where CPU time wanders with the host.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallbackRegistrationRecord } from '@fluid-droplet/sdk/receive';
import * as z from 'zod';
import { builtSdk } from './built-sdk.js';
import { callgrindControl, callgrindMissing, startCounted } from './callgrind.js';
import {
  CONCURRENCY,
  childMode,
  type HttpTarget,
  httpLoad,
  httpLoadCount,
  inChild,
  type LoadCounts,
  median,
  report,
} from './load.js';

// Rounds alternate between the servers and medians are reported: the machine is shared, and load from elsewhere
// would otherwise favour whichever target happened to run in a quiet moment.
const ROUNDS = 7;

// A realistic cart, shaped like the bodies Fluid sends to update_cart_shipping (fluid/API.md §5).
const cart = {
  callback_name: 'update_cart_shipping',
  schema_version: '1',
  schema_hash: '9f3c2a90b1c2d4e5',
  cart: {
    cart_token: 'ct_8Yb2Kd7Qm1xZ',
    state: 'active',
    email: 'shopper@example.com',
    currency_code: 'USD',
    amount_total: '129.97',
    company: { id: 4821, name: 'Acme' },
    ship_to: {
      name: 'Ada Lovelace',
      address1: '1 Main St',
      city: 'Provo',
      state: 'UT',
      postal_code: '84601',
      country_code: 'US',
    },
    items: Array.from({ length: 8 }, (_, index) => ({
      id: 1000 + index,
      quantity: 1 + (index % 3),
      price: '19.99',
      product_title: `Product ${index}`,
      product: { id: 500 + index, sku: `SKU-${index}`, title: `Product ${index}` },
    })),
    metadata: { source: 'bench' },
  },
};

const address = z.looseObject({
  name: z.string(),
  address1: z.string(),
  city: z.string(),
  state: z.string(),
  postal_code: z.string(),
  country_code: z.string(),
});
const registry = {
  update_cart_shipping: {
    name: 'update_cart_shipping',
    description: null,
    request: z.looseObject({
      callback_name: z.string(),
      cart: z.looseObject({
        cart_token: z.string(),
        email: z.string(),
        currency_code: z.string(),
        ship_to: address,
        items: z.array(
          z.looseObject({
            id: z.number(),
            quantity: z.int().positive(),
            price: z.string(),
            product: z.looseObject({ id: z.number(), sku: z.string() }),
          }),
        ),
      }),
    }),
    response: z.strictObject({
      shipping_options: z.array(
        z.strictObject({
          shipping_title: z.string(),
          shipping_total: z.number(),
          shipping_delivery_time_estimate: z.string(),
        }),
      ),
    }),
    example: null,
  },
} as const;

const reply = {
  shipping_options: [
    { shipping_title: 'Ground', shipping_total: 5.99, shipping_delivery_time_estimate: '3-5 business days' },
    {
      shipping_title: 'Express',
      shipping_total: 15.99,
      shipping_delivery_time_estimate: '1-2 business days',
    },
  ],
};

const key = 'cvt_bench_registration_token';
const body = JSON.stringify(cart);

/** One server to measure. */
interface Target {
  readonly name: string;
  readonly listener: RequestListener;
}

/** The three servers, in the order the tables list them: bare, the SDK, the hand-written reference. */
async function setUp(): Promise<readonly Target[]> {
  const {
    root: { tokenDigest },
    node: { toNodeHandler },
    receive: { createCallbackHandler, createMemoryRegistrations, silentLogger },
  } = await builtSdk();

  const bare: RequestListener = (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const text = JSON.stringify(reply);
      // The same headers the SDK sends, so both responses are byte for byte the same size.
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(text),
      });
      response.end(text);
    });
  };
  const record: CallbackRegistrationRecord = {
    uuid: 'cbr_bench',
    installationUuid: 'dri_bench',
    definitionName: 'update_cart_shipping',
    url: 'https://droplet.example/callbacks/shipping',
    tokenDigest: tokenDigest(key),
  };
  const sdk = toNodeHandler(
    createCallbackHandler({
      registry,
      registrations: createMemoryRegistrations([record]),
      validate: { request: 'strict', response: 'strict' },
      logger: silentLogger,
      handlers: { update_cart_shipping: () => reply },
    }),
    { logger: silentLogger },
  );
  // A reference, not a goal: the same checks written by hand with node:crypto and the same Zod schemas, without
  // any of the SDK's plumbing (no limits, no error replies, no deadline). It shows what the checks themselves cost:
  // the registration found by the token's digest, its definition, the HMAC keyed by the token, both validations.
  const byDigest = new Map([[record.tokenDigest, record]]);
  const request = registry.update_cart_shipping.request;
  const response = registry.update_cart_shipping.response;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const handWritten: RequestListener = (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const raw = Buffer.concat(chunks);
      const token = String(incoming.headers['x-fluid-callback-token']);
      const registration = byDigest.get(createHash('sha256').update(token).digest('hex'));
      const mac = createHmac('sha256', token)
        .update(`${String(incoming.headers['x-fluid-timestamp'])}.`)
        .update(raw)
        .digest();
      const sent = Buffer.from(String(incoming.headers['x-fluid-signature']), 'hex');
      let valid = registration?.definitionName === 'update_cart_shipping';
      valid &&= sent.byteLength === mac.byteLength && timingSafeEqual(mac, sent);
      const body = valid ? (JSON.parse(decoder.decode(raw)) as { callback_name?: unknown }) : undefined;
      valid &&= body?.callback_name === undefined || body.callback_name === 'update_cart_shipping';
      valid &&= request.safeParse(body).success && response.safeParse(reply).success;
      const text = JSON.stringify(valid ? reply : { error: 'bad_request' });
      outgoing.writeHead(valid ? 200 : 400, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(text),
      });
      outgoing.end(text);
    });
  };

  return [
    { name: 'bare node:http (JSON.parse + JSON.stringify)', listener: bare },
    {
      name: 'createCallbackHandler (lookup, verify, parse, validate both ways)',
      listener: sdk as RequestListener,
    },
    { name: 'reference: the same checks by hand, no SDK', listener: handWritten },
  ];
}

/** Headers signed now: the timestamp must stay within tolerance, and a counted run lasts minutes. */
async function signedHeaders(): Promise<Record<string, string>> {
  const { receive } = await builtSdk();
  return receive.signFluidRequest({ body, key, kind: 'callback' });
}

async function main(): Promise<void> {
  const targets = await setUp();
  if (process.env.RECEIVE_BENCH_MODE === 'instructions') {
    await countInstructions(targets);
    return;
  }
  const headers = await signedHeaders();
  const servers = await Promise.all(
    targets.map(async (target) => {
      const server = createServer(target.listener);
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return {
        ...target,
        server,
        port: (server.address() as AddressInfo).port,
        rates: [] as number[],
        cpu: [] as number[],
        errors: 0,
      };
    }),
  );
  // A fair comparison: every target answers the same request with the same status, body and header size.
  const probes = await Promise.all(servers.map((target) => probe({ port: target.port, body, headers })));
  if (new Set(probes).size !== 1) throw new Error(`the targets answer differently:\n${probes.join('\n')}`);
  for (let round = 0; round < ROUNDS; round += 1) {
    // Forward on even rounds, backward on odd ones: no target always runs right after the same neighbour.
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const target of order) {
      const before = process.cpuUsage();
      const result = await inChild(import.meta.filename, 'load', { port: target.port, body, headers });
      const used = process.cpuUsage(before);
      target.rates.push((result.done / result.ms) * 1000);
      // Server CPU per request (warm-up included in both counts) is steadier than requests/s on a busy machine.
      target.cpu.push((used.user + used.system) / Math.max(1, result.done + result.errors + result.warmup));
      target.errors += result.errors;
    }
  }
  for (const target of servers) {
    target.server.closeAllConnections();
    target.server.close();
  }
  const rows = servers.map((target) => ({
    target: target.name,
    'median requests/s': Math.round(median(target.rates)),
    'server CPU µs/request': Math.round(median(target.cpu)),
    rounds: target.rates.map((rate) => Math.round(rate)).join(' / '),
    errors: target.errors,
  }));
  console.table(rows);
  const [bareTarget, sdkTarget, referenceTarget] = servers;
  if (bareTarget === undefined || sdkTarget === undefined || referenceTarget === undefined) return;
  // The goals are ratios, so each is taken within a round, where the targets ran seconds apart, and the median
  // of those is reported: a shared host drifts between rounds far more than within one (the rounds column shows
  // requests/s moving by half), and a ratio of two medians picked from different rounds would carry that drift.
  const perRound = (values: (round: number) => number) =>
    median(Array.from({ length: ROUNDS }, (_, round) => values(round)));
  const at = (list: readonly number[], round: number) => list[round] ?? Number.NaN;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const throughputShare = (target: typeof sdkTarget) =>
    perRound((round) => at(target.rates, round) / at(bareTarget.rates, round));
  const cpuShare = (target: typeof sdkTarget) =>
    perRound((round) => at(bareTarget.cpu, round) / at(target.cpu, round));
  console.info(
    `createCallbackHandler vs bare (goal ≥ 85% of the throughput): ${percent(throughputShare(sdkTarget))} of the throughput, ${percent(cpuShare(sdkTarget))} by server CPU per request`,
  );
  // The reference is the checks alone, with nothing around them: its share of the bare throughput is the most any
  // implementation that does them (digest, HMAC, strict UTF-8 JSON, both validations) can reach on this machine.
  console.info(
    `ceiling set by the checks themselves (the reference vs bare): ${percent(throughputShare(referenceTarget))} of the throughput, ${percent(cpuShare(referenceTarget))} by server CPU per request`,
  );
  const ratios = Array.from(
    { length: ROUNDS },
    (_, round) => at(sdkTarget.cpu, round) / at(referenceTarget.cpu, round),
  );
  console.info(
    `createCallbackHandler vs the hand-written reference (goal ≤ 1.15× its server CPU): ${median(ratios).toFixed(2)}× the CPU (rounds: ${ratios.map((ratio) => ratio.toFixed(2)).join(' / ')}); ${percent(perRound((round) => at(sdkTarget.rates, round) / at(referenceTarget.rates, round)))} of its throughput`,
  );
}

/** One request to a target: its status, header bytes (names and values) and body, as one comparable line. */
async function probe(target: HttpTarget): Promise<string> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: target.port, method: 'POST', path: '/', headers: target.headers },
      resolve,
    );
    outgoing.on('error', reject);
    outgoing.end(target.body);
  });
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const headerBytes = response.rawHeaders.reduce((total, part) => total + Buffer.byteLength(part), 0);
  return `${String(response.statusCode)} ${String(headerBytes)} header bytes ${Buffer.concat(chunks).toString('utf8')}`;
}

// Requests per counted stretch. V8 tiers code up by how often it runs, not by time, so the warm-up reaches the same
// optimized code under valgrind as at full speed.
const COUNT_WARMUP = 3000;
const COUNTED = 2000;

/** A row of the instruction-count table. */
interface CountRow {
  readonly target: string;
  readonly 'instructions/request': number;
  readonly 'main thread': number;
  readonly requests: number;
  readonly errors: number;
}

type CountKey = 'instructions/request' | 'main thread';

/**
 * `RECEIVE_BENCH_MODE=instructions`: each server in its own process under callgrind, counting the instructions it
 * runs per request after a warm-up. Slow (minutes), but on a quiet machine the counts repeat to a fraction of a percent.
 */
async function countInstructions(targets: readonly Target[]): Promise<void> {
  const missing = callgrindMissing();
  if (missing !== undefined) throw new Error(`RECEIVE_BENCH_MODE=instructions: ${missing}`);
  const dir = await mkdtemp(join(tmpdir(), 'receive-bench-'));
  const rows: CountRow[] = [];
  try {
    for (const [index, target] of targets.entries()) {
      const server = await startCounted(
        ['--import', 'tsx', import.meta.filename, 'serve', String(index)],
        dir,
        `target-${String(index)}`,
      );
      try {
        const counted = await inChild(import.meta.filename, 'count', {
          port: server.port,
          body,
          headers: await signedHeaders(),
          warmup: COUNT_WARMUP,
          requests: COUNTED,
          pid: server.pid,
        } satisfies CountedLoad);
        const instructions = server.read(1);
        rows.push({
          target: target.name,
          'instructions/request': Math.round(instructions.all / COUNTED),
          'main thread': Math.round(instructions.main / COUNTED),
          requests: counted.done,
          errors: counted.errors,
        });
      } finally {
        await server.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.table(rows);
  const [bareRow, sdkRow, referenceRow] = rows;
  if (bareRow === undefined || sdkRow === undefined || referenceRow === undefined) return;
  // Both counts: the whole process includes V8's background threads (the collector's and the compiler's), and the
  // main thread alone is the request handling itself.
  const both = (ratio: (row: CountRow, key: CountKey) => string) =>
    `${ratio(sdkRow, 'instructions/request')} (main thread alone: ${ratio(sdkRow, 'main thread')})`;
  const shareOf = (base: CountRow) => (row: CountRow, key: CountKey) =>
    `${((base[key] / row[key]) * 100).toFixed(1)}%`;
  console.info(
    `createCallbackHandler vs bare: ${both(shareOf(bareRow))} by instructions per request (the throughput share if the server were the only limit)`,
  );
  console.info(
    `ceiling set by the checks themselves (the reference vs bare): ${shareOf(bareRow)(referenceRow, 'instructions/request')} (main thread alone: ${shareOf(bareRow)(referenceRow, 'main thread')}) by instructions per request`,
  );
  console.info(
    `createCallbackHandler vs the hand-written reference (goal ≤ 1.15× its server CPU): ${both((row, key) => `${(row[key] / referenceRow[key]).toFixed(3)}×`)} the instructions per request`,
  );
}

/** What the counting load child is told: the target, the two stretches, and the server's process to control. */
interface CountedLoad extends HttpTarget {
  readonly warmup: number;
  readonly requests: number;
  readonly pid: number;
}

/**
 * In the load child: the warm-up, then the counted stretch over the same connections, with the server's counters
 * zeroed between them and dumped after. Errors of both stretches are reported.
 */
async function countedLoad(load: CountedLoad): Promise<LoadCounts> {
  const { warmup, requests, pid, ...target } = load;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const warm = await httpLoadCount(target, warmup, agent);
    callgrindControl(pid, '-z');
    const counted = await httpLoadCount(target, requests, agent);
    callgrindControl(pid, '-d');
    return { ...counted, errors: counted.errors + warm.errors, warmup: warm.done + warm.errors };
  } finally {
    agent.destroy();
  }
}

/** In a child under callgrind: one target's server, its port printed as a line of JSON. */
async function serve(index: number): Promise<void> {
  const target = (await setUp())[index];
  if (target === undefined) throw new Error(`no target ${String(index)}`);
  const server = createServer(target.listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
}

const child = childMode();
if (child === undefined) await main();
else if (child.mode === 'serve') await serve(Number(child.argument));
else if (child.mode === 'count') report(await countedLoad(child.argument as CountedLoad));
else report(await httpLoad(child.argument as HttpTarget));
