// The store contract and the PostgreSQL-only behaviour (migrations, encryption at rest, key rotation, cleanup,
// claims from two pools), against PGlite in process and against a real PostgreSQL server this file starts.
import { PGlite } from '@electric-sql/pglite';
import {
  createPostgresStore,
  type PostgresStore,
  type Queryable,
  SCHEMA_VERSION,
} from '@fluid-droplet/postgres';
import { checkReadiness, type EncryptionKey } from '@fluid-droplet/sdk/stores';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PostgresServer,
  postgresBinForTests,
  startPostgresServer,
} from '../../../scripts/postgres-server.js';
import {
  describeStoreContract,
  installation,
  keyA,
  keyB,
  rejection,
  type StoreFixture,
} from '../../sdk/test/stores/store-contract.js';

let schemas = 0;
/** A fixture that gives each test its own schema in one database. */
function schemaFixture(pool: () => Queryable): StoreFixture & { last(): string } {
  let last = '';
  return {
    last: () => last,
    async open(keys) {
      schemas += 1;
      last = `t_${process.pid}_${schemas}`;
      const store = createPostgresStore({ pool: pool(), schema: last, encryptionKeys: keys });
      await store.migrate();
      return store;
    },
  };
}

/** Tests that need only a Queryable: they run on PGlite and on the server. */
function describePostgresOnly(name: string, pool: () => Queryable) {
  describe(`postgres store: ${name}`, () => {
    const fixture = schemaFixture(pool);
    const reopen = (keys: readonly EncryptionKey[]) =>
      createPostgresStore({ pool: pool(), schema: fixture.last(), encryptionKeys: keys });

    it('migrates once, idempotently, to the latest version', async () => {
      const store = createPostgresStore({ pool: pool(), schema: `m_${process.pid}`, encryptionKeys: [keyA] });
      expect(await store.schemaVersion()).toBe(0);
      const notMigrated = await rejection(store.registrations.count());
      expect(notMigrated.code).toBe('not-migrated');
      expect(notMigrated.message).toMatch(
        /registrations\.count: schema "m_\d+" is missing.*run store\.migrate\(\)/,
      );
      expect(await checkReadiness(store)).toBe('unavailable');
      expect(await store.migrate()).toEqual({ schemaVersion: SCHEMA_VERSION });
      expect(await store.migrate()).toEqual({ schemaVersion: SCHEMA_VERSION });
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await checkReadiness(store)).toBe('no-registrations');
    });

    it('keeps secrets encrypted at rest, bound to their row', async () => {
      const store = await fixture.open([keyA]);
      await store.installations.save(installation('dri_1'));
      await store.installations.save(installation('dri_2'));
      const { rows } = await pool().query(
        `SELECT installation_uuid, authentication_token, webhook_keys FROM "${fixture.last()}".installations`,
      );
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain('dit_');
      expect(dump).not.toContain('wvt_');
      expect(dump).toContain('v1:key-a:');
      // A ciphertext copied into another row does not open there.
      await pool().query(
        `UPDATE "${fixture.last()}".installations SET authentication_token =
           (SELECT authentication_token FROM "${fixture.last()}".installations WHERE installation_uuid = 'dri_1')
         WHERE installation_uuid = 'dri_2'`,
      );
      const moved = await rejection(store.installations.get('dri_2'));
      expect(moved.code).toBe('decryption-failed');
      expect(moved.message).toContain('dri_2:authenticationToken');
    });

    it('rotates keys: old secrets open under a key list that still has the old key, reencrypt retires it', async () => {
      const first = await fixture.open([keyA]);
      await first.installations.save(installation('dri_1'));
      await first.installations.save(installation('dri_2', { active: false }));
      const lost = await rejection(reopen([keyB]).installations.get('dri_1'));
      expect(lost.code).toBe('decryption-failed');
      expect(lost.message).toContain('sealed under key "key-a", which is not among encryptionKeys (key-b)');
      const rotating = reopen([keyB, keyA]);
      expect(await rotating.installations.get('dri_1')).toEqual(installation('dri_1'));
      expect(await rotating.installations.reencrypt()).toBe(1);
      expect(await rotating.installations.reencrypt()).toBe(0);
      expect(await reopen([keyB]).installations.get('dri_1')).toEqual(installation('dri_1'));
    });

    it('purges expired claims and forgotten keys', async () => {
      await fixture.open([keyA]);
      const store = createPostgresStore({
        pool: pool(),
        schema: fixture.last(),
        encryptionKeys: [keyA],
        idempotency: { doneTtlMs: 1, cleanupIntervalMs: 0 },
      });
      await store.idempotency.claim('acme:1', 1);
      await store.idempotency.claim('acme:2', 60_000);
      await store.idempotency.complete('acme:3');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await store.idempotency.purgeExpired()).toBe(2);
      expect(await store.idempotency.claim('acme:2', 60_000)).toBe('in-flight');
      expect(await store.idempotency.claim('acme:3', 60_000)).toBe('claimed');
    });

    it('cleans expired keys up in the background of claims', async () => {
      await fixture.open([keyA]);
      const store = createPostgresStore({
        pool: pool(),
        schema: fixture.last(),
        encryptionKeys: [keyA],
        idempotency: { cleanupIntervalMs: 1 },
      });
      for (let index = 0; index < 5; index += 1) await store.idempotency.claim(`acme:old:${index}`, 1);
      const left = async () =>
        (
          await pool().query(
            `SELECT key FROM "${fixture.last()}".idempotency_keys WHERE key LIKE 'acme:old:%'`,
          )
        ).rows.length;
      // Each claim may start a cleanup once the interval passed; keep claiming until one has run.
      for (let attempt = 0; attempt < 200 && (await left()) > 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await store.idempotency.claim(`acme:new:${attempt}`, 60_000);
      }
      expect(await left()).toBe(0);
    });

    it('refuses a bad schema name, a missing pool and missing keys', () => {
      expect(() =>
        createPostgresStore({ pool: pool(), schema: 'Robert"; DROP', encryptionKeys: [keyA] }),
      ).toThrow(/schema must be 1 to 63 lowercase letters/);
      expect(() => createPostgresStore({ pool: {} as Queryable, encryptionKeys: [keyA] })).toThrow(
        /pool must have a query/,
      );
      expect(() => createPostgresStore({ pool: pool(), encryptionKeys: [] })).toThrow(/at least one key/);
    });

    it('keeps a unique index on the token digest (the callback lookup)', async () => {
      await fixture.open([keyA]);
      const indexes = await pool().query(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'callback_registrations_token_digest'`,
        [fixture.last()],
      );
      expect(JSON.stringify(indexes.rows)).toMatch(/UNIQUE INDEX .* USING btree \(token_digest\)/);
    });
  });
}

// --- PGlite, in process ---
const lite = new PGlite();
afterAll(async () => {
  await lite.close();
});
describeStoreContract('PGlite', () => schemaFixture(() => lite));
describePostgresOnly('PGlite', () => lite);

// --- a real PostgreSQL server ---
const bin = postgresBinForTests('postgres store tests against a real server');
describe.skipIf(bin === undefined)('a real PostgreSQL server', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  beforeAll(async () => {
    server = await startPostgresServer(bin);
    pool = new pg.Pool({ connectionString: server.url, max: 10 });
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  }, 120_000);

  describeStoreContract('PostgreSQL', () => schemaFixture(() => pool));
  describePostgresOnly('PostgreSQL', () => pool);

  it('migrates from four instances at once', async () => {
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: server.url, max: 2 }));
    try {
      const stores = pools.map((each) =>
        createPostgresStore({ pool: each, schema: 'concurrent_boot', encryptionKeys: [keyA] }),
      );
      const results = await Promise.all(stores.map((store: PostgresStore) => store.migrate()));
      expect(results).toEqual(stores.map(() => ({ schemaVersion: SCHEMA_VERSION })));
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM concurrent_boot.schema_migrations');
      expect(rows[0].n).toBe(SCHEMA_VERSION);
    } finally {
      await Promise.all(pools.map((each) => each.end()));
    }
  });

  it('gives one claim of 50 made through two pools (two instances)', async () => {
    const other = new pg.Pool({ connectionString: server.url, max: 10 });
    try {
      const a = createPostgresStore({ pool, schema: 'two_instances', encryptionKeys: [keyA] });
      const b = createPostgresStore({ pool: other, schema: 'two_instances', encryptionKeys: [keyA] });
      await a.migrate();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 === 0 ? a : b).idempotency.claim('acme:race', 60_000),
        ),
      );
      expect(results.filter((result) => result === 'claimed')).toHaveLength(1);
    } finally {
      await other.end();
    }
  });

  it('reports unavailable when the database cannot be reached', async () => {
    const dead = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:1/postgres`, max: 1 });
    try {
      const store = createPostgresStore({ pool: dead, encryptionKeys: [keyA] });
      expect(await checkReadiness(store)).toBe('unavailable');
      const error = await rejection(store.registrations.findByTokenDigest('0'.repeat(64)));
      expect(error.code).toBe('query-failed');
    } finally {
      await dead.end();
    }
  });
});
