import {
  type ClaimResult,
  checkKey,
  checkLeaseMs,
  type FluidLogger,
  type IdempotencyStore,
} from '@fluid-droplet/sdk/stores';
import { integerColumn, type SchemaSql, textColumn } from './sql.js';

/** Options for the PostgreSQL idempotency store. */
export interface PostgresIdempotencyOptions {
  /** How long a completed key is remembered, in ms. @default 86_400_000 (a day) */
  readonly doneTtlMs?: number;
  /**
   * How often, at most, a claim also deletes expired keys (in batches of 1000), in ms; 0 turns it off (call
   * `purgeExpired()` from a scheduled job instead). @default 60_000
   */
  readonly cleanupIntervalMs?: number;
}

/** The {@link IdempotencyStore} on PostgreSQL, plus the cleanup of expired keys. */
export interface PostgresIdempotency extends IdempotencyStore {
  /** Deletes every expired claim and every forgotten completed key; resolves to how many. */
  purgeExpired(): Promise<number>;
}

// A claim can find the key neither claimable nor present (released or expired between its two statements); it then
// tries again, a bounded number of times, and otherwise reports the key as in flight, which is the safe answer.
const CLAIM_ATTEMPTS = 3;

/**
 * Claims are one `INSERT … ON CONFLICT DO UPDATE … WHERE expired` statement: of concurrent claims on a key exactly
 * one gets a row back. Lease times come from the database clock, so instances with skewed clocks agree.
 */
export function postgresIdempotency(
  sql: SchemaSql,
  options: PostgresIdempotencyOptions,
  logger: FluidLogger | undefined,
): PostgresIdempotency {
  const table = sql.table('idempotency_keys');
  const doneTtlMs = options.doneTtlMs ?? 86_400_000;
  checkLeaseMs(doneTtlMs, 'createPostgresStore idempotency.doneTtlMs');
  const cleanupIntervalMs = options.cleanupIntervalMs ?? 60_000;
  let lastCleanup = Date.now();
  let cleaning = false;

  const purge = async (limit: number | undefined) => {
    const where = 'expires_at <= clock_timestamp()';
    const rows = await sql.rows(
      'idempotency.purgeExpired',
      limit === undefined
        ? `WITH gone AS (DELETE FROM ${table} WHERE ${where} RETURNING 1) SELECT count(*)::int AS count FROM gone`
        : `WITH gone AS (DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} WHERE ${where} LIMIT ${limit})
             RETURNING 1) SELECT count(*)::int AS count FROM gone`,
    );
    return rows[0] === undefined ? 0 : integerColumn(rows[0], 'count');
  };

  const maybeCleanup = () => {
    if (cleanupIntervalMs <= 0 || cleaning || Date.now() - lastCleanup < cleanupIntervalMs) return;
    cleaning = true;
    lastCleanup = Date.now();
    purge(1000)
      .catch((error: unknown) => {
        logger?.warn('idempotency cleanup failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => {
        cleaning = false;
      });
  };

  return {
    async claim(key, leaseMs): Promise<ClaimResult> {
      checkKey(key, 'key', 'idempotency.claim');
      checkLeaseMs(leaseMs, 'idempotency.claim');
      maybeCleanup();
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
        const claimed = await sql.rows(
          'idempotency.claim',
          `INSERT INTO ${table} AS k (key, state, expires_at)
           VALUES ($1, 'in-flight', clock_timestamp() + make_interval(secs => $2::double precision / 1000))
           ON CONFLICT (key) DO UPDATE SET state = 'in-flight', expires_at = EXCLUDED.expires_at
             WHERE k.expires_at <= clock_timestamp()
           RETURNING 1`,
          [key, leaseMs],
        );
        if (claimed.length > 0) return 'claimed';
        const held = await sql.rows(
          'idempotency.claim',
          `SELECT state FROM ${table} WHERE key = $1 AND expires_at > clock_timestamp()`,
          [key],
        );
        if (held[0] !== undefined) return textColumn(held[0], 'state') === 'done' ? 'done' : 'in-flight';
      }
      return 'in-flight';
    },
    async complete(key) {
      await sql.rows(
        'idempotency.complete',
        `INSERT INTO ${table} (key, state, expires_at)
         VALUES ($1, 'done', clock_timestamp() + make_interval(secs => $2::double precision / 1000))
         ON CONFLICT (key) DO UPDATE SET state = 'done', expires_at = EXCLUDED.expires_at`,
        [checkKey(key, 'key', 'idempotency.complete'), doneTtlMs],
      );
    },
    async release(key) {
      await sql.rows('idempotency.release', `DELETE FROM ${table} WHERE key = $1 AND state = 'in-flight'`, [
        checkKey(key, 'key', 'idempotency.release'),
      ]);
    },
    purgeExpired: () => purge(undefined),
  };
}
