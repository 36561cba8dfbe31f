// Versioned migrations. All of them run in one DO block: one statement, so one transaction on any driver (a Pool
// hands each query to a different connection, so a session lock taken in one query would guard nothing), holding a
// transaction-scoped advisory lock so two instances migrating at boot take turns. A failure rolls back everything.
import { StoreError } from '@fluid-droplet/sdk/stores';
import { integerColumn, type SchemaSql } from './sql.js';

/** One schema change: applied once, in order, recorded in `schema_migrations`. */
interface Migration {
  readonly version: number;
  readonly name: string;
  /** The DDL, given the quoted schema-qualified table namer. */
  readonly statements: (table: (name: string) => string, schema: string) => readonly string[];
}

// Never edit a released migration: add the next version.
const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'registrations, installations, idempotency keys',
    statements: (table, schema) => [
      `CREATE TABLE ${table('callback_registrations')} (
        uuid text PRIMARY KEY,
        installation_uuid text NOT NULL,
        definition_name text NOT NULL,
        url text NOT NULL,
        token_digest text NOT NULL CHECK (token_digest ~ '^[0-9a-f]{64}$'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE UNIQUE INDEX callback_registrations_token_digest ON ${table('callback_registrations')} (token_digest)`,
      `CREATE INDEX callback_registrations_installation ON ${table('callback_registrations')}
        (installation_uuid COLLATE "C", definition_name COLLATE "C", uuid COLLATE "C")`,
      `CREATE SEQUENCE ${table('installations_saved_seq')}`,
      `CREATE TABLE ${table('installations')} (
        installation_uuid text PRIMARY KEY,
        shop text NOT NULL,
        company_id text NOT NULL,
        droplet_uuid text NOT NULL,
        active boolean NOT NULL,
        authentication_token text,
        webhook_keys text,
        saved_seq bigint NOT NULL DEFAULT nextval('"${schema}".installations_saved_seq'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX installations_active_shop ON ${table('installations')} (shop, saved_seq DESC) WHERE active`,
      `CREATE TABLE ${table('idempotency_keys')} (
        key text PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('in-flight', 'done')),
        expires_at timestamptz NOT NULL
      )`,
      `CREATE INDEX idempotency_keys_expires_at ON ${table('idempotency_keys')} (expires_at)`,
    ],
  },
];

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = migrations.reduce((latest, m) => Math.max(latest, m.version), 0);

// The first half of the advisory lock key: "fluid" in ASCII. The second half is the schema name's hash, so stores in
// different schemas of one database migrate independently.
const LOCK_NAMESPACE = 0x666c7569;

/** Builds the single DO statement that brings `schema` up to {@link LATEST_SCHEMA_VERSION}. */
export function migrationStatement(sql: SchemaSql): string {
  const table = (name: string) => sql.table(name);
  const steps = migrations.map(
    (migration) => `
  IF NOT EXISTS (SELECT 1 FROM ${table('schema_migrations')} WHERE version = ${migration.version}) THEN
    ${migration.statements(table, sql.schema).join(';\n    ')};
    INSERT INTO ${table('schema_migrations')} (version, name) VALUES (${migration.version}, '${migration.name.replace(/'/g, "''")}');
  END IF;`,
  );
  return `DO $fluid_droplet_migrate$
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext('${sql.schema}'));
  CREATE SCHEMA IF NOT EXISTS "${sql.schema}";
  CREATE TABLE IF NOT EXISTS ${table('schema_migrations')} (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  );${steps.join('')}
END
$fluid_droplet_migrate$`;
}

/** The schema's current version: 0 when it was never migrated. */
export async function schemaVersion(sql: SchemaSql): Promise<number> {
  try {
    const rows = await sql.rows(
      'schemaVersion',
      `SELECT coalesce(max(version), 0)::int AS version FROM ${sql.table('schema_migrations')}`,
    );
    return rows[0] === undefined ? 0 : integerColumn(rows[0], 'version');
  } catch (error) {
    if (error instanceof StoreError && error.code === 'not-migrated') return 0;
    throw error;
  }
}

/** Applies every pending migration; resolves to the version reached. */
export async function migrate(sql: SchemaSql): Promise<{ readonly schemaVersion: number }> {
  try {
    await sql.rows('migrate', migrationStatement(sql));
  } catch (error) {
    const cause = error instanceof StoreError ? (error.cause ?? error) : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new StoreError(
      'migration-failed',
      `migrate: schema "${sql.schema}" could not be migrated to version ${LATEST_SCHEMA_VERSION}; nothing was changed: ${message}`,
      { cause },
    );
  }
  return { schemaVersion: await schemaVersion(sql) };
}
