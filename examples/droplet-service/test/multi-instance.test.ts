// Two processes of the example service on one PostgreSQL, behind a small load balancer, with the emulator as Fluid:
// installed through A, callbacks verified by B; 50 concurrent duplicates of one delivery split over A and B run the
// handler once; A killed mid-handler, the redelivery runs on B once the lease passes; both restarted, nothing lost.
// The handler's side effect is observable from here: orders are forwarded to a fulfilment server this file runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Emulator, startEmulator } from '@fluid-droplet/emulator';
import { signFluidRequest } from '@fluid-droplet/sdk/receive';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PostgresServer,
  postgresBinForTests,
  startPostgresServer,
} from '../../../scripts/postgres-server.js';

const root = resolve(import.meta.dirname, '../../..');
const ENCRYPTION_KEYS = `k1:${Buffer.alloc(32, 9).toString('base64')}`;
const WEBHOOK_TIMEOUT_MS = 5_000;
// Above the handler timeout, short enough that a test waits it out.
const WEBHOOK_LEASE_MS = 8_000;

interface Instance {
  readonly name: string;
  readonly url: string;
  readonly process: ChildProcess;
  readonly output: string[];
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const bin = postgresBinForTests('multi-instance test of the example service');

describe.skipIf(bin === undefined)('two instances of the example service on one PostgreSQL', () => {
  let database: PostgresServer;
  let fluid: Emulator;
  let balancer: Server;
  let balancerUrl: string;
  let target: Instance | undefined;
  let fulfilment: Server;
  let fulfilmentUrl: string;
  /** Fulfilment requests by event id, and which instance's socket each came through (by arrival order). */
  const orders = new Map<string, number>();
  /** Event ids whose fulfilment requests are held unanswered (the handler hangs there). */
  const held = new Set<string>();
  const instances: Instance[] = [];

  async function startInstance(name: string): Promise<Instance> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/droplet-service/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        FLUID_BASE_URL: fluid.url,
        DROPLET_SECRET: fluid.state.droplet.webhook_secret,
        PORT: '0',
        HOST: '127.0.0.1',
        PUBLIC_URL: balancerUrl,
        DATABASE_URL: database.url,
        STORE_ENCRYPTION_KEYS: ENCRYPTION_KEYS,
        FULFILMENT_URL: fulfilmentUrl,
        WEBHOOK_TIMEOUT_MS: String(WEBHOOK_TIMEOUT_MS),
        WEBHOOK_LEASE_MS: String(WEBHOOK_LEASE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const url = await new Promise<string>((found, failed) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output.push(text);
        const match = /listening on (http:\/\/\S+)/.exec(output.join(''));
        if (match?.[1] !== undefined) found(match[1]);
      });
      child.once('exit', (code) => failed(new Error(`${name} exited with ${code}:\n${output.join('')}`)));
    });
    const instance = { name, url, process: child, output };
    instances.push(instance);
    return instance;
  }

  async function kill(instance: Instance, signal: NodeJS.Signals): Promise<void> {
    if (instance.process.exitCode !== null || instance.process.signalCode !== null) return;
    const exited = once(instance.process, 'exit');
    instance.process.kill(signal);
    await exited;
  }

  beforeAll(async () => {
    database = await startPostgresServer(bin);
    fluid = await startEmulator({ seed: 21 });
    // The load balancer Fluid sees as the service's public URL: it forwards to whichever instance `target` names.
    balancer = createServer((incoming, outgoing) => {
      if (target === undefined) {
        outgoing.writeHead(502).end();
        return;
      }
      const url = new URL(target.url);
      const forward = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.writeHead(502).end());
      incoming.pipe(forward);
    });
    balancerUrl = await listen(balancer);
    fulfilment = createServer(async (incoming, outgoing) => {
      await readBody(incoming);
      const id = String(incoming.headers['idempotency-key']);
      orders.set(id, (orders.get(id) ?? 0) + 1);
      if (held.has(id)) return; // never answered: the handler hangs here
      // Slow enough that duplicates arrive while the first delivery is still in flight.
      await sleep(200);
      outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    fulfilmentUrl = await listen(fulfilment);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => kill(instance, 'SIGKILL')));
    balancer?.closeAllConnections();
    balancer?.close();
    fulfilment?.closeAllConnections();
    fulfilment?.close();
    await fluid?.close();
    await database?.stop();
  }, 120_000);

  /** An order_created delivery as Fluid signs it for the company's shop. */
  async function orderDelivery(id: number, key: string) {
    const body = JSON.stringify({
      id,
      identifier: `order_${id}`,
      name: 'order_created',
      timestamp: new Date().toISOString(),
      payload: { event_name: 'order_created', resource: 'order', event: 'created', order: { id } },
    });
    const headers = await signFluidRequest({
      body,
      key,
      kind: 'webhook',
      shop: fluid.state.company.fluid_shop,
    });
    return (instance: Instance) => fetch(`${instance.url}/webhooks`, { method: 'POST', headers, body });
  }

  it('shares registrations, installations and delivery claims across instances and restarts', async () => {
    const [a, b] = await Promise.all([startInstance('A'), startInstance('B')]);
    if (a === undefined || b === undefined) throw new Error('instances did not start');

    // Installed through A.
    target = a;
    const installed = await fluid.trigger.install({ url: `${balancerUrl}/webhooks` });
    expect(installed.delivery).toMatchObject({ ok: true, status: 200 });
    expect(fluid.state.listRegistrations().map((r) => r.url)).toEqual([
      `${balancerUrl}/callbacks/test_callback_system`,
      `${balancerUrl}/callbacks/update_cart_shipping`,
    ]);

    // Callbacks verified by B, which never saw the install.
    target = b;
    const shipping = await fluid.trigger.callback('update_cart_shipping', {
      cart: { items: [{ quantity: 1 }] },
    });
    expect(shipping).toMatchObject({ status: 200, ok: true, issues: [] });
    expect(await fluid.trigger.callback('test_callback_system', { message: 'hi' })).toMatchObject({
      status: 200,
      body: { message: 'received: hi' },
    });

    // 50 concurrent duplicates of one delivery, split over A and B: the handler runs once.
    const wvt = installed.installation.webhook_verification_token;
    const first = await orderDelivery(9001, wvt);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) => first(index % 2 === 0 ? a : b)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(orders.get('9001')).toBe(1);

    // A killed mid-handler: the redelivery is not run while A's lease holds, then runs on B.
    held.add('9002');
    const second = await orderDelivery(9002, wvt);
    const toA = second(a).catch(() => undefined);
    while (orders.get('9002') === undefined) await sleep(50);
    await kill(a, 'SIGKILL');
    await toA;
    held.delete('9002');
    // Right away, A's lease still holds: the redelivery is not run (Fluid is told to come back, or that it is taken).
    const early = await second(b);
    expect([200, 503]).toContain(early.status);
    expect(orders.get('9002')).toBe(1);
    let redelivered: Response | undefined;
    for (let attempt = 0; attempt < 120 && orders.get('9002') === 1; attempt += 1) {
      redelivered = await second(b);
      if (orders.get('9002') === 1) await sleep(500);
    }
    expect(orders.get('9002')).toBe(2);
    expect(redelivered?.status).toBe(200);

    // Both restarted: registrations, installation keys and completed deliveries are all still there.
    await kill(b, 'SIGTERM');
    const [a2, b2] = await Promise.all([startInstance('A2'), startInstance('B2')]);
    if (a2 === undefined || b2 === undefined) throw new Error('instances did not restart');
    target = a2;
    expect(await fluid.trigger.callback('update_cart_shipping', { cart: { items: [] } })).toMatchObject({
      status: 200,
      ok: true,
    });
    expect((await first(b2)).status).toBe(200);
    expect((await second(a2)).status).toBe(200);
    expect(orders.get('9001')).toBe(1);
    expect(orders.get('9002')).toBe(2);
    const third = await orderDelivery(9003, wvt);
    expect((await third(b2)).status).toBe(200);
    expect(orders.get('9003')).toBe(1);

    // The secrets are in the database encrypted, not as they are.
    const pool = new pg.Pool({ connectionString: database.url });
    try {
      const { rows } = await pool.query('SELECT * FROM fluid_droplet.installations');
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(installed.installation.authentication_token);
      expect(JSON.stringify(rows)).not.toContain(wvt);
    } finally {
      await pool.end();
    }
  }, 180_000);
});
