import {
  checkReadiness,
  createMemoryStore,
  createSecretBox,
  StoreError,
  webhookKeysByShop,
} from '@fluid-droplet/sdk/stores';
import { describe, expect, it } from 'vitest';
import { describeStoreContract, installation, keyA, keyB } from './store-contract.js';

describeStoreContract('memory', () => ({
  open: async (keys) => createMemoryStore({ encryptionKeys: keys }),
}));

describe('memory store', () => {
  it('works without encryption keys', async () => {
    const { installations } = createMemoryStore();
    await installations.save(installation('dri_1'));
    expect(await installations.get('dri_1')).toEqual(installation('dri_1'));
  });

  it('resolves a shop to its active installation’s webhook keys, and nothing else to any', async () => {
    const { installations } = createMemoryStore({ encryptionKeys: [keyA] });
    const resolveKeys = webhookKeysByShop(installations);
    await installations.save(installation('dri_1'));
    expect(await resolveKeys({ shop: 'acme.fluid.app' })).toEqual(['wvt_dri_1_new', 'wvt_dri_1_old']);
    expect(await resolveKeys({ shop: 'other' })).toBeNull();
    expect(await resolveKeys({ shop: null })).toBeNull();
    await installations.deactivate('dri_1');
    expect(await resolveKeys({ shop: 'acme' })).toBeNull();
  });

  it('answers unavailable when the registration store fails or hangs', async () => {
    const failing = { registrations: { count: () => Promise.reject(new Error('down')) } };
    expect(await checkReadiness(failing)).toBe('unavailable');
    const hanging = { registrations: { count: () => new Promise<number>(() => undefined) } };
    expect(await checkReadiness(hanging, { timeoutMs: 20 })).toBe('unavailable');
  });
});

describe('createSecretBox', () => {
  it('seals with the first key and opens with any listed key, bound to its context', () => {
    const old = createSecretBox([keyA]);
    const sealed = old.seal('dit_secret', 'dri_1:authenticationToken');
    expect(sealed).not.toContain('dit_secret');
    expect(sealed.startsWith('v1:key-a:')).toBe(true);
    const rotated = createSecretBox([keyB, keyA]);
    expect(rotated.open(sealed, 'dri_1:authenticationToken')).toBe('dit_secret');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.seal('x', 'c'))).toBe(false);
    // Two seals of one secret differ (fresh IV).
    expect(old.seal('dit_secret', 'c')).not.toBe(old.seal('dit_secret', 'c'));
  });

  it('refuses another context, an unknown key and tampering, without the secret in the message', () => {
    const box = createSecretBox([keyA]);
    const sealed = box.seal('dit_secret', 'dri_1:authenticationToken');
    const failures = [
      () => box.open(sealed, 'dri_2:authenticationToken'),
      () => createSecretBox([keyB]).open(sealed, 'dri_1:authenticationToken'),
      () => box.open(`${sealed.slice(0, -2)}AA`, 'dri_1:authenticationToken'),
      () => box.open('plain', 'dri_1:authenticationToken'),
    ];
    for (const fail of failures) {
      let caught: unknown;
      try {
        fail();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(StoreError);
      expect((caught as StoreError).code).toBe('decryption-failed');
      expect((caught as StoreError).message).not.toContain('dit_secret');
    }
    expect(() => createSecretBox([keyB]).open(sealed, 'dri_1:authenticationToken')).toThrow(
      /sealed under key "key-a", which is not among encryptionKeys \(key-b\)/,
    );
  });

  it.each([
    [[], /at least one key/],
    [
      [{ id: 'a', key: Buffer.alloc(16).toString('base64') }],
      /encryptionKeys\[0\]\.key \(id "a"\) must be 32 bytes, got 16/,
    ],
    [[{ id: 'a', key: 'not base64!' }], /must be base64 text or a Uint8Array/],
    [[{ id: 'bad id', key: new Uint8Array(32) }], /encryptionKeys\[0\]\.id must be/],
    [[keyA, { ...keyB, id: 'key-a' }], /"key-a" is listed twice/],
  ])('refuses bad keys: %#', (keys, message) => {
    expect(() => createSecretBox(keys as never)).toThrow(message);
  });
});
