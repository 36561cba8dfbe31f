import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { StoreError } from './store-error.js';
import type { EncryptionKey } from './types.js';

// Sealed format: `v1:<key id>:<iv>:<ciphertext+tag>`, base64url parts. The key id travels with the ciphertext so any
// listed key decrypts after rotation; the context (e.g. `dri_…:authenticationToken`) is bound as additional
// authenticated data, so a ciphertext copied into another row or column fails to open instead of leaking there.
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Encrypts and decrypts short secrets with AES-256-GCM under a list of keys: the first seals, all open. */
export interface SecretBox {
  /** The id of the key that seals. */
  readonly keyId: string;
  /** Encrypts `plaintext`, bound to `context` (which must be given again to open it). */
  seal(plaintext: string, context: string): string;
  /** Decrypts what {@link SecretBox.seal} produced with the same `context`; throws `StoreError` otherwise. */
  open(sealed: string, context: string): string;
  /** True when `sealed` was sealed under another key than {@link SecretBox.keyId} (it should be re-sealed). */
  isStale(sealed: string): boolean;
}

/**
 * Makes a {@link SecretBox} from `encryptionKeys`: each key is 32 bytes, a `Uint8Array` or base64 text (for example
 * `openssl rand -base64 32`). To rotate, put the new key first and keep the old ones until every secret is re-sealed.
 *
 * @example
 * const box = createSecretBox([{ id: '2026-12', key: process.env.STORE_KEY! }]);
 * const sealed = box.seal('dit_…', 'dri_1:authenticationToken');
 */
export function createSecretBox(keys: readonly EncryptionKey[]): SecretBox {
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new StoreError('invalid-encryption-key', 'encryptionKeys must list at least one key');
  }
  const byId = new Map<string, Buffer>();
  keys.forEach((entry, index) => {
    const where = `encryptionKeys[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      throw new StoreError('invalid-encryption-key', `${where} must be an object { id, key }`);
    }
    if (typeof entry.id !== 'string' || !KEY_ID.test(entry.id)) {
      throw new StoreError(
        'invalid-encryption-key',
        `${where}.id must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'`,
      );
    }
    if (byId.has(entry.id)) {
      throw new StoreError('invalid-encryption-key', `${where}.id "${entry.id}" is listed twice`);
    }
    byId.set(entry.id, keyBytes(entry.key, `${where}.key (id "${entry.id}")`));
  });
  const first = keys[0];
  if (first === undefined) throw new StoreError('invalid-encryption-key', 'encryptionKeys is empty');
  const keyId = first.id;
  const sealingKey = byId.get(keyId) as Buffer;
  const known = [...byId.keys()].join(', ');

  return {
    keyId,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealingKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}:${keyId}:${iv.toString('base64url')}:${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const parts = typeof sealed === 'string' ? sealed.split(':') : [];
      const [version, id, ivText, bodyText] = parts;
      if (parts.length !== 4 || version !== VERSION || id === undefined || ivText === undefined) {
        throw new StoreError('decryption-failed', `the secret for ${context} is not in the sealed format`);
      }
      const key = byId.get(id);
      if (key === undefined) {
        throw new StoreError(
          'decryption-failed',
          `the secret for ${context} was sealed under key "${id}", which is not among encryptionKeys (${known})`,
        );
      }
      const iv = Buffer.from(ivText, 'base64url');
      const body = Buffer.from(bodyText ?? '', 'base64url');
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES) {
        throw new StoreError('decryption-failed', `the secret for ${context} is truncated`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        // The cause (an OpenSSL message) says nothing more useful and is left out on purpose.
        throw new StoreError(
          'decryption-failed',
          `the secret for ${context} failed authentication under key "${id}" (altered, or sealed for another record)`,
        );
      }
    },
    isStale(sealed) {
      return !sealed.startsWith(`${VERSION}:${keyId}:`);
    },
  };
}

function keyBytes(key: unknown, where: string): Buffer {
  let bytes: Buffer;
  if (key instanceof Uint8Array) {
    bytes = Buffer.from(key);
  } else if (typeof key === 'string') {
    const text = key.trim();
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
      throw new StoreError('invalid-encryption-key', `${where} must be base64 text or a Uint8Array`);
    }
    bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  } else {
    throw new StoreError('invalid-encryption-key', `${where} must be base64 text or a Uint8Array`);
  }
  if (bytes.length !== 32) {
    throw new StoreError('invalid-encryption-key', `${where} must be 32 bytes, got ${bytes.length}`);
  }
  return bytes;
}
