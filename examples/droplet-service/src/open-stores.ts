import { createPostgresStore } from '@fluid-droplet/postgres';
import {
  checkReadiness,
  createMemoryStore,
  type DropletStores,
  type EncryptionKey,
  type FluidLogger,
} from '@fluid-droplet/sdk';
import pg from 'pg';

/** Where the service keeps its state. */
export interface OpenedStores {
  readonly stores: DropletStores;
  /** `postgres` with a database URL, `memory` otherwise. */
  readonly kind: 'postgres' | 'memory';
  /** Closes the database pool, if any. */
  close(): Promise<void>;
}

/** Options for {@link openStores}. */
export interface OpenStoresOptions {
  /** A PostgreSQL connection string; without it the stores live in memory (one instance, lost on restart). */
  readonly databaseUrl?: string;
  /** Keys for the installation secrets; required with a database. */
  readonly encryptionKeys?: readonly EncryptionKey[];
  readonly logger: FluidLogger;
}

/**
 * Opens the stores: PostgreSQL (migrated at boot; every instance may do it) when a database URL is given, memory
 * otherwise, and logs whether callbacks can be verified yet.
 *
 * @example
 * const { stores, close } = await openStores({ databaseUrl: process.env.DATABASE_URL, encryptionKeys, logger });
 */
export async function openStores(options: OpenStoresOptions): Promise<OpenedStores> {
  const { databaseUrl, logger } = options;
  let opened: OpenedStores;
  if (databaseUrl === undefined || databaseUrl === '') {
    opened = {
      stores: createMemoryStore(
        options.encryptionKeys === undefined ? {} : { encryptionKeys: options.encryptionKeys },
      ),
      kind: 'memory',
      close: async () => undefined,
    };
  } else {
    if (options.encryptionKeys === undefined) {
      throw new Error(
        'a database needs encryption keys for the installation secrets (STORE_ENCRYPTION_KEYS)',
      );
    }
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    // An idle client's connection dying (a database restart) must not crash the process; the next query reconnects.
    pool.on('error', (error) => logger.warn('database connection lost', { error: error.message }));
    const store = createPostgresStore({ pool, encryptionKeys: options.encryptionKeys, logger });
    try {
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    opened = { stores: store, kind: 'postgres', close: () => pool.end() };
  }
  const readiness = await checkReadiness(opened.stores);
  const log = readiness === 'ready' ? logger.info : logger.warn;
  (log ?? logger.warn).call(logger, `stores: ${opened.kind}, callbacks ${readiness}`, { readiness });
  return opened;
}

/**
 * Reads `STORE_ENCRYPTION_KEYS`: comma-separated `id:base64key` pairs, newest first (the first encrypts).
 *
 * @example
 * parseEncryptionKeys('2026-12:q2V…=,2026-06:Zm9…=')
 */
export function parseEncryptionKeys(value: string | undefined): EncryptionKey[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value.split(',').map((pair, index) => {
    const separator = pair.indexOf(':');
    if (separator <= 0) throw new Error(`STORE_ENCRYPTION_KEYS entry ${index + 1} must be id:base64key`);
    return { id: pair.slice(0, separator).trim(), key: pair.slice(separator + 1).trim() };
  });
}
