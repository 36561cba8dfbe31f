// The public API of @fluid-droplet/postgres.
export type { PostgresStore, PostgresStoreOptions } from './create-postgres-store.js';
export { createPostgresStore, SCHEMA_VERSION } from './create-postgres-store.js';
export type { PostgresIdempotency, PostgresIdempotencyOptions } from './idempotency.js';
export type { PostgresInstallations } from './installations.js';
export type { Queryable } from './queryable.js';
