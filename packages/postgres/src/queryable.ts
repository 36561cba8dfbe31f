/**
 * What the store needs of a database client: one method that runs a parameterised statement (`$1`, `$2`, …) and
 * resolves to its rows. A node-postgres `Pool`, a PGlite instance and most serverless Postgres clients fit as they are.
 */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}
