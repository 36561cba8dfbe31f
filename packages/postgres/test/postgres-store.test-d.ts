// The public surface as a user meets it: the clients people pass as `pool` fit `Queryable` as they are.
import type { PGlite } from '@electric-sql/pglite';
import { createPostgresStore, type PostgresStore, type Queryable } from '@fluid-droplet/postgres';
import type { DropletStores, RegistrationLookup } from '@fluid-droplet/sdk/stores';
import type pg from 'pg';
import { describe, expectTypeOf, it } from 'vitest';

describe('@fluid-droplet/postgres types', () => {
  it('takes a node-postgres Pool or Client, or PGlite, as the pool', () => {
    expectTypeOf<pg.Pool>().toExtend<Queryable>();
    expectTypeOf<pg.Client>().toExtend<Queryable>();
    expectTypeOf<PGlite>().toExtend<Queryable>();
  });

  it('returns the three stores, the registrations being what the callback handler looks up', () => {
    expectTypeOf<PostgresStore>().toExtend<DropletStores>();
    expectTypeOf<PostgresStore['registrations']>().toExtend<RegistrationLookup>();
    expectTypeOf<PostgresStore['migrate']>().returns.resolves.toEqualTypeOf<{
      readonly schemaVersion: number;
    }>();
  });

  it('requires encryption keys', () => {
    const pool = {} as Queryable;
    // @ts-expect-error encryptionKeys is required: installation secrets are always encrypted at rest
    createPostgresStore({ pool });
    expectTypeOf(createPostgresStore).parameter(0).toHaveProperty('encryptionKeys');
  });
});
