// Helpers every table module shares: the schema-qualified table name, and one place that turns a driver error into a
// StoreError that says which call failed and, when the tables are missing, that migrate() has not run.
import { isRecord, StoreError } from '@fluid-droplet/sdk/stores';
import type { Queryable } from './queryable.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// undefined_table, invalid_schema_name, undefined_column: the schema is missing or older than this code.
const NOT_MIGRATED = new Set(['42P01', '3F000', '42703']);

/** Checks a schema name: lowercase letters, digits and underscores, so it never needs quoting tricks. */
export function checkSchemaName(schema: unknown): string {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
    throw new StoreError(
      'invalid-input',
      `createPostgresStore: schema must be 1 to 63 lowercase letters, digits or underscores, starting with a letter or underscore`,
    );
  }
  return schema;
}

/** Runs statements against one schema and reports failures as StoreErrors. */
export class SchemaSql {
  readonly #pool: Queryable;
  readonly schema: string;

  constructor(pool: Queryable, schema: string) {
    this.#pool = pool;
    this.schema = schema;
  }

  /** The quoted, schema-qualified name of a table. */
  table(name: string): string {
    return `"${this.schema}"."${name}"`;
  }

  /** Runs `text` with `params`; `operation` (e.g. `registrations.upsert`) names the call in errors. */
  async rows(operation: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    let result: { rows: unknown[] };
    try {
      result = await this.#pool.query(text, params);
    } catch (error) {
      throw this.#wrap(operation, error);
    }
    if (!isRecord(result) || !Array.isArray(result.rows)) {
      throw new StoreError(
        'query-failed',
        `${operation}: the pool's query() did not resolve to { rows: [...] }`,
      );
    }
    return result.rows.filter(isRecord);
  }

  #wrap(operation: string, error: unknown): StoreError {
    const code = isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (code !== undefined && NOT_MIGRATED.has(code)) {
      return new StoreError(
        'not-migrated',
        `${operation}: schema "${this.schema}" is missing or out of date (${message}); run store.migrate() first`,
        { cause: error },
      );
    }
    return new StoreError(
      'query-failed',
      `${operation} failed in schema "${this.schema}": ${message}${code === undefined ? '' : ` (SQLSTATE ${code})`}`,
      { cause: error },
    );
  }
}

/** Reads a text column, failing loudly on a shape the migrations never produce. */
export function textColumn(row: Record<string, unknown>, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') {
    throw new StoreError('query-failed', `unexpected value in column ${column}: expected text`);
  }
  return value;
}

/** Reads a nullable text column. */
export function nullableTextColumn(row: Record<string, unknown>, column: string): string | null {
  return row[column] === null ? null : textColumn(row, column);
}

/** Reads an integer column that may come back as a number, a bigint or text, depending on the driver. */
export function integerColumn(row: Record<string, unknown>, column: string): number {
  const value = row[column];
  const number = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new StoreError('query-failed', `unexpected value in column ${column}: expected an integer`);
  }
  return number;
}
