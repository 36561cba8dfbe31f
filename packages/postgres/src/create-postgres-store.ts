import {
  createSecretBox,
  type DropletStores,
  type EncryptionKey,
  type FluidLogger,
  StoreError,
} from '@fluid-droplet/sdk/stores';
import {
  type PostgresIdempotency,
  type PostgresIdempotencyOptions,
  postgresIdempotency,
} from './idempotency.js';
import { type PostgresInstallations, postgresInstallations } from './installations.js';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations.js';
import type { Queryable } from './queryable.js';
import { postgresRegistrations } from './registrations.js';
import { checkSchemaName, SchemaSql } from './sql.js';

/** Options for {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** Runs the statements: a node-postgres `Pool`, a PGlite instance, or any client with `query(text, params)`. */
  readonly pool: Queryable;
  /**
   * Keys that encrypt installation secrets (AES-256-GCM): 32 bytes each, raw or base64. The first encrypts, all
   * decrypt; to rotate, put a new key first, then call `installations.reencrypt()` before dropping the old one.
   */
  readonly encryptionKeys: readonly EncryptionKey[];
  /** The schema holding the store's tables. @default 'fluid_droplet' */
  readonly schema?: string;
  /** Idempotency key lifetimes and cleanup. */
  readonly idempotency?: PostgresIdempotencyOptions;
  /** Where background cleanup failures are reported. @default none */
  readonly logger?: FluidLogger;
}

/** The three stores on PostgreSQL, and the schema's upkeep. */
export interface PostgresStore extends DropletStores {
  readonly installations: PostgresInstallations;
  readonly idempotency: PostgresIdempotency;
  /** The schema the tables live in. */
  readonly schema: string;
  /**
   * Creates the schema and applies pending migrations: versioned, idempotent, and safe to run from several
   * instances at once (they take turns on an advisory lock). Resolves to the version reached.
   */
  migrate(): Promise<{ readonly schemaVersion: number }>;
  /** The schema's version: 0 before the first `migrate()`. */
  schemaVersion(): Promise<number>;
}

/** The schema version this release of `@fluid-droplet/postgres` migrates to. */
export const SCHEMA_VERSION = LATEST_SCHEMA_VERSION;

/**
 * The SDK's stores on PostgreSQL, shared by every instance of a service: callback registrations (looked up by token
 * digest), installations (secrets encrypted at rest) and idempotency claims with leases.
 *
 * @example
 * import pg from 'pg';
 * const store = createPostgresStore({
 *   pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }),
 *   encryptionKeys: [{ id: 'k1', key: process.env.STORE_ENCRYPTION_KEY! }],
 * });
 * await store.migrate();
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const pool = options.pool;
  if (typeof pool !== 'object' || pool === null || typeof pool.query !== 'function') {
    throw new StoreError('invalid-input', 'createPostgresStore: pool must have a query(text, params) method');
  }
  const sql = new SchemaSql(pool, checkSchemaName(options.schema ?? 'fluid_droplet'));
  const box = createSecretBox(options.encryptionKeys);
  return {
    schema: sql.schema,
    registrations: postgresRegistrations(sql),
    installations: postgresInstallations(sql, box),
    idempotency: postgresIdempotency(sql, options.idempotency ?? {}, options.logger),
    migrate: () => migrate(sql),
    schemaVersion: () => schemaVersion(sql),
  };
}
