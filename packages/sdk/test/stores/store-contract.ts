// One behavioural suite for every store implementation (memory, PGlite, a real PostgreSQL): the same calls must give
// the same answers, so a service can move from memory to PostgreSQL without surprises.
import {
  type CallbackRegistrationRecord,
  checkReadiness,
  type DropletStores,
  type EncryptionKey,
  type InstallationRecord,
  StoreError,
  tokenDigest,
} from '@fluid-droplet/sdk/stores';
import { describe, expect, it } from 'vitest';

/** How the suite gets a store: `open` gives an empty one each time. */
export interface StoreFixture {
  open(keys: readonly EncryptionKey[]): Promise<DropletStores>;
}

export const keyA: EncryptionKey = { id: 'key-a', key: Buffer.alloc(32, 1).toString('base64') };
export const keyB: EncryptionKey = { id: 'key-b', key: new Uint8Array(32).fill(2) };

export function registration(n: number, overrides: Partial<CallbackRegistrationRecord> = {}) {
  return {
    uuid: `cbr_${n}`,
    installationUuid: 'dri_1',
    definitionName: 'update_cart_shipping',
    url: `https://droplet.example.com/callbacks/${n}`,
    tokenDigest: tokenDigest(`cvt_token_${n}`),
    ...overrides,
  } satisfies CallbackRegistrationRecord;
}

export function installation(uuid: string, overrides: Partial<InstallationRecord> = {}): InstallationRecord {
  return {
    installationUuid: uuid,
    shop: 'acme',
    companyId: '42',
    dropletUuid: 'drp_1',
    active: true,
    authenticationToken: `dit_${uuid}_ünïcode`,
    webhookKeys: [`wvt_${uuid}_new`, `wvt_${uuid}_old`],
    ...overrides,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The StoreError `promise` rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

export function describeStoreContract(name: string, fixture: () => StoreFixture) {
  describe(`store contract: ${name}`, () => {
    describe('registrations', () => {
      it('finds by token digest, lists in order, filters, counts and deletes', async () => {
        const { registrations } = await fixture().open([keyA]);
        expect(await registrations.count()).toBe(0);
        await registrations.upsert(registration(3, { installationUuid: 'dri_2' }));
        await registrations.upsert(registration(2, { definitionName: 'test_callback_system' }));
        await registrations.upsert(registration(1));
        expect(await registrations.count()).toBe(3);
        expect(await registrations.findByTokenDigest(tokenDigest('cvt_token_1'))).toEqual(registration(1));
        expect(await registrations.findByTokenDigest(tokenDigest('cvt_unknown'))).toBeNull();
        expect((await registrations.list()).map((record) => record.uuid)).toEqual([
          'cbr_2',
          'cbr_1',
          'cbr_3',
        ]);
        expect(
          (await registrations.list({ installationUuid: 'dri_1' })).map((record) => record.uuid),
        ).toEqual(['cbr_2', 'cbr_1']);
        expect(await registrations.list({ installationUuid: 'dri_none' })).toEqual([]);
        expect(await registrations.delete('cbr_2')).toBe(true);
        expect(await registrations.delete('cbr_2')).toBe(false);
        expect(await registrations.deleteForInstallation('dri_1')).toBe(1);
        expect(await registrations.deleteForInstallation('dri_1')).toBe(0);
        expect((await registrations.list()).map((record) => record.uuid)).toEqual(['cbr_3']);
      });

      it('replaces by uuid, and a token digest belongs to one registration', async () => {
        const { registrations } = await fixture().open([keyA]);
        await registrations.upsert(registration(1));
        const rotated = registration(1, {
          tokenDigest: tokenDigest('cvt_rotated'),
          url: 'https://x.example/new',
        });
        await registrations.upsert(rotated);
        expect(await registrations.findByTokenDigest(tokenDigest('cvt_token_1'))).toBeNull();
        expect(await registrations.findByTokenDigest(tokenDigest('cvt_rotated'))).toEqual(rotated);
        // Another registration presenting the same digest takes it over.
        const taker = registration(9, { tokenDigest: tokenDigest('cvt_rotated') });
        await registrations.upsert(taker);
        expect(await registrations.findByTokenDigest(tokenDigest('cvt_rotated'))).toEqual(taker);
        expect((await registrations.list()).map((record) => record.uuid)).toEqual(['cbr_9']);
      });

      it('refuses a raw token in place of its digest, and other malformed records, without echoing them', async () => {
        const { registrations } = await fixture().open([keyA]);
        const raw = await rejection(
          registrations.upsert(registration(1, { tokenDigest: 'cvt_secret_token' })),
        );
        expect(raw.code).toBe('invalid-input');
        expect(raw.message).toContain('registrations.upsert: tokenDigest');
        expect(raw.message).not.toContain('cvt_secret_token');
        const empty = await rejection(registrations.upsert(registration(1, { installationUuid: '' })));
        expect(empty.message).toContain('installationUuid');
        expect(await registrations.count()).toBe(0);
      });
    });

    describe('installations', () => {
      it('saves, reads back the secrets, and finds the active installation by shop', async () => {
        const { installations } = await fixture().open([keyA]);
        await installations.save(installation('dri_1', { shop: 'Acme.fluid.app' }));
        const saved = await installations.get('dri_1');
        expect(saved).toEqual(installation('dri_1'));
        for (const shop of ['acme', 'acme.fluid.app', ' ACME ']) {
          expect((await installations.byShop(shop))?.installationUuid).toBe('dri_1');
        }
        expect(await installations.byShop('other')).toBeNull();
        expect(await installations.get('dri_missing')).toBeNull();
        // A reinstall under a new uuid: the latest save wins the shop.
        await installations.save(installation('dri_2'));
        expect((await installations.byShop('acme'))?.installationUuid).toBe('dri_2');
        await installations.save(installation('dri_1', { webhookKeys: ['wvt_rotated'] }));
        expect(await installations.byShop('acme')).toEqual(
          installation('dri_1', { webhookKeys: ['wvt_rotated'] }),
        );
        expect((await installations.list()).map((item) => item.installationUuid)).toEqual(['dri_1', 'dri_2']);
      });

      it('deactivates: the row stays, the secrets go, the shop no longer resolves to it', async () => {
        const { installations } = await fixture().open([keyA]);
        await installations.save(installation('dri_1'));
        expect(await installations.deactivate('dri_1')).toBe(true);
        expect(await installations.deactivate('dri_missing')).toBe(false);
        expect(await installations.get('dri_1')).toEqual(
          installation('dri_1', { active: false, authenticationToken: '', webhookKeys: [] }),
        );
        expect(await installations.byShop('acme')).toBeNull();
        // Saving an inactive record keeps no secrets either.
        await installations.save(installation('dri_2', { active: false }));
        expect((await installations.get('dri_2'))?.authenticationToken).toBe('');
      });

      it('refuses malformed records with the field named, never the secret', async () => {
        const { installations } = await fixture().open([keyA]);
        const keys = await rejection(
          installations.save(installation('dri_1', { webhookKeys: ['wvt_ok', ''] as string[] })),
        );
        expect(keys.message).toContain('installations.save: webhookKeys');
        const shop = await rejection(installations.save(installation('dri_1', { shop: '.fluid.app' })));
        expect(shop.message).toContain('shop');
        expect(shop.message).not.toContain('dit_');
        expect(await installations.list()).toEqual([]);
      });
    });

    describe('idempotency', () => {
      it('claims once, answers in-flight while leased, done once completed, and claims again after release', async () => {
        const { idempotency } = await fixture().open([keyA]);
        expect(await idempotency.claim('acme:1', 60_000)).toBe('claimed');
        expect(await idempotency.claim('acme:1', 60_000)).toBe('in-flight');
        await idempotency.release('acme:1');
        expect(await idempotency.claim('acme:1', 60_000)).toBe('claimed');
        await idempotency.complete('acme:1');
        expect(await idempotency.claim('acme:1', 60_000)).toBe('done');
        await idempotency.release('acme:1');
        expect(await idempotency.claim('acme:1', 60_000)).toBe('done');
        expect(await idempotency.claim('acme:2', 60_000)).toBe('claimed');
      });

      it('lets a redelivery claim a key whose lease expired (its claimant died)', async () => {
        const { idempotency } = await fixture().open([keyA]);
        expect(await idempotency.claim('acme:dead', 50)).toBe('claimed');
        await sleep(200);
        expect(await idempotency.claim('acme:dead', 60_000)).toBe('claimed');
        expect(await idempotency.claim('acme:dead', 60_000)).toBe('in-flight');
      });

      it('gives exactly one of 50 concurrent claims', async () => {
        const { idempotency } = await fixture().open([keyA]);
        const results = await Promise.all(
          Array.from({ length: 50 }, () => idempotency.claim('acme:race', 60_000)),
        );
        expect(results.filter((result) => result === 'claimed')).toHaveLength(1);
        expect(results.filter((result) => result === 'in-flight')).toHaveLength(49);
      });

      it('refuses a lease that is not a positive whole number of ms', async () => {
        const { idempotency } = await fixture().open([keyA]);
        for (const lease of [0, -1, 1.5, Number.NaN]) {
          expect((await rejection(idempotency.claim('acme:1', lease))).code).toBe('invalid-input');
        }
      });
    });

    it('reports readiness: no registrations, then ready', async () => {
      const stores = await fixture().open([keyA]);
      expect(await checkReadiness(stores)).toBe('no-registrations');
      await stores.registrations.upsert(registration(1));
      expect(await checkReadiness(stores)).toBe('ready');
    });
  });
}
