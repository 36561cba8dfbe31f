// The stores under load. (1) Callback requests/s through createCallbackHandler with the registration looked up by
// token digest in memory, in PostgreSQL (node-postgres pool, loopback server) and in PGlite. Load comes from a second
// process over keep-alive connections. (2) Idempotency claims/s from two processes sharing one PostgreSQL, on
// distinct keys and on the same keys (every key contested, exactly one winner), beside the memory store in process.
// Starts its own PostgreSQL server (scripts/postgres-server.ts); without one it prints why and measures memory only.
import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresStore } from '@fluid-droplet/postgres';
import { toNodeHandler } from '@fluid-droplet/sdk/node';
import { createCallbackHandler, signFluidRequest, silentLogger } from '@fluid-droplet/sdk/receive';
import {
  createMemoryIdempotency,
  createMemoryRegistrations,
  type IdempotencyStore,
  type RegistrationStore,
  tokenDigest,
} from '@fluid-droplet/sdk/stores';
import pg from 'pg';
import { findPostgresBin, startPostgresServer } from '../scripts/postgres-server.js';
import { childMode, drive, type HttpTarget, httpLoad, inChild, median, report } from './load.js';

const ROUNDS = 3;
const KEY = { id: 'bench', key: Buffer.alloc(32, 7).toString('base64') };
const TOKEN = 'cvt_bench_registration_token';

const reply = {
  shipping_options: [
    { shipping_title: 'Ground', shipping_total: 5.99, shipping_delivery_time_estimate: '3-5 days' },
  ],
};
const body = JSON.stringify({
  callback_name: 'update_cart_shipping',
  cart: { cart_token: 'ct_1', items: [{ quantity: 1 }] },
});

/** Fills a registration store the way a service with 1000 installations of two callbacks would be. */
async function seed(registrations: RegistrationStore): Promise<void> {
  for (let index = 0; index < 2000; index += 1) {
    await registrations.upsert({
      uuid: `cbr_${index}`,
      installationUuid: `dri_${index >> 1}`,
      definitionName: index % 2 === 0 ? 'update_cart_shipping' : 'test_callback_system',
      url: `https://droplet.example.com/callbacks/${index}`,
      tokenDigest: tokenDigest(index === 1000 ? TOKEN : `cvt_other_${index}`),
    });
  }
}

function callbackListener(registrations: RegistrationStore): RequestListener {
  return toNodeHandler(
    createCallbackHandler({
      registrations,
      logger: silentLogger,
      handlers: { update_cart_shipping: () => reply },
    }),
    { logger: silentLogger },
  ) as RequestListener;
}

async function claimFromChild(target: { url: string; schema: string; contested: boolean }): Promise<void> {
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  const store = createPostgresStore({ pool, schema: target.schema, encryptionKeys: [KEY] });
  const counts = await drive(async (_, n) => {
    const key = target.contested ? `contested:${n}` : `${process.pid}:${n}`;
    const claimed = await store.idempotency.claim(key, 60_000);
    if (claimed === 'claimed') await store.idempotency.complete(key);
    return true;
  });
  await pool.end();
  report(counts);
}

async function memoryClaims(store: IdempotencyStore): Promise<number> {
  const counts = await drive(async (_, n) => {
    if ((await store.claim(`k:${n}`, 60_000)) === 'claimed') await store.complete(`k:${n}`);
    return true;
  });
  return (counts.done / counts.ms) * 1000;
}

async function main(): Promise<void> {
  const bin = findPostgresBin();
  if (bin === undefined) console.info('PostgreSQL is not installed: the PostgreSQL rows are skipped');
  const server = bin === undefined ? undefined : await startPostgresServer(bin);
  const pool = server === undefined ? undefined : new pg.Pool({ connectionString: server.url, max: 10 });
  const lite = new PGlite();
  try {
    const headers = await signFluidRequest({ body, key: TOKEN, kind: 'callback' });
    const stores: { name: string; registrations: RegistrationStore }[] = [
      { name: 'memory', registrations: createMemoryRegistrations() },
    ];
    if (pool !== undefined) {
      const store = createPostgresStore({ pool, encryptionKeys: [KEY] });
      await store.migrate();
      stores.push({ name: 'PostgreSQL (pg Pool, loopback)', registrations: store.registrations });
    }
    const liteStore = createPostgresStore({ pool: lite, encryptionKeys: [KEY] });
    await liteStore.migrate();
    stores.push({ name: 'PGlite (in process)', registrations: liteStore.registrations });
    const targets = await Promise.all(
      stores.map(async (store) => {
        await seed(store.registrations);
        const http = createServer(callbackListener(store.registrations));
        http.listen(0, '127.0.0.1');
        await once(http, 'listening');
        return {
          ...store,
          http,
          port: (http.address() as AddressInfo).port,
          rates: [] as number[],
          errors: 0,
        };
      }),
    );
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of targets) {
        const counts = await inChild(import.meta.filename, 'callbacks', { port: target.port, body, headers });
        target.rates.push((counts.done / counts.ms) * 1000);
        target.errors += counts.errors;
      }
    }
    for (const target of targets) {
      target.http.closeAllConnections();
      target.http.close();
    }
    console.info('callback requests/s, registration looked up by token digest among 2000');
    console.table(
      targets.map((target) => ({
        registrations: target.name,
        'median requests/s': Math.round(median(target.rates)),
        rounds: target.rates.map(Math.round).join(' / '),
        errors: target.errors,
      })),
    );

    const rows: Record<string, string | number>[] = [
      { store: 'memory, one process', 'claims/s': Math.round(await memoryClaims(createMemoryIdempotency())) },
    ];
    if (server !== undefined) {
      for (const contested of [false, true]) {
        const rates: number[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          const schema = `bench_claims_${contested ? 'contested' : 'distinct'}_${round}`;
          await createPostgresStore({ pool: pool as pg.Pool, schema, encryptionKeys: [KEY] }).migrate();
          const both = await Promise.all(
            [0, 1].map(() => inChild(import.meta.filename, 'claims', { url: server.url, schema, contested })),
          );
          rates.push(both.reduce((total, counts) => total + (counts.done / counts.ms) * 1000, 0));
        }
        rows.push({
          store: `PostgreSQL, two processes, ${contested ? 'same keys (each contested)' : 'distinct keys'}`,
          'claims/s': Math.round(median(rates)),
        });
      }
    }
    console.info('idempotency claims/s (claim, then complete when claimed)');
    console.table(rows);
  } finally {
    await lite.close();
    await pool?.end();
    await server?.stop();
  }
}

const child = childMode();
if (child === undefined) await main();
else if (child.mode === 'callbacks') report(await httpLoad(child.argument as HttpTarget));
else await claimFromChild(child.argument as { url: string; schema: string; contested: boolean });
