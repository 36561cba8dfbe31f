// Checks on what callers hand a store, shared by every implementation so memory and PostgreSQL refuse the same input
// with the same message. A message names the field, never its value (values may be secrets).
import { canonicalShop } from './shop.js';
import { StoreError } from './store-error.js';
import type { CallbackRegistrationRecord, InstallationRecord } from './types.js';

const DIGEST = /^[0-9a-f]{64}$/;
const MAX_TEXT = 2048;

function text(value: unknown, field: string, where: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '') || value.length > MAX_TEXT) {
    throw new StoreError(
      'invalid-input',
      `${where}: ${field} must be a ${allowEmpty ? '' : 'non-empty '}string of at most ${MAX_TEXT} characters`,
    );
  }
  return value;
}

/** Checks a registration record and returns a frozen copy with only the known fields. */
export function checkRegistrationRecord(record: unknown, where: string): CallbackRegistrationRecord {
  if (typeof record !== 'object' || record === null) {
    throw new StoreError('invalid-input', `${where}: the record must be an object`);
  }
  const input = record as Record<string, unknown>;
  const tokenDigest = input.tokenDigest;
  if (typeof tokenDigest !== 'string' || !DIGEST.test(tokenDigest)) {
    throw new StoreError(
      'invalid-input',
      `${where}: tokenDigest must be the lowercase hex SHA-256 of the token (tokenDigest(token)), not the token`,
    );
  }
  return Object.freeze({
    uuid: text(input.uuid, 'uuid', where),
    installationUuid: text(input.installationUuid, 'installationUuid', where),
    definitionName: text(input.definitionName, 'definitionName', where),
    url: text(input.url, 'url', where),
    tokenDigest,
  });
}

/**
 * Checks a URL a service asks Fluid to call: absolute http(s) and already in canonical form, because Fluid's records
 * are matched to it character for character (a URL that `new URL` would rewrite could never match).
 */
export function checkHttpUrl(value: unknown, field: string, where: string): string {
  const raw = text(value, field, where);
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.href !== raw) {
    throw new StoreError(
      'invalid-input',
      `${where}: ${field} must be an absolute http(s) URL in canonical form`,
    );
  }
  return raw;
}

/** Checks a lookup key (a uuid, a shop, a digest) handed to a store. */
export function checkKey(value: unknown, field: string, where: string): string {
  return text(value, field, where);
}

/**
 * Checks an installation record and returns a frozen, canonical copy: the shop without `.fluid.app`, and no
 * secrets when the installation is inactive.
 */
export function checkInstallationRecord(record: unknown, where: string): InstallationRecord {
  if (typeof record !== 'object' || record === null) {
    throw new StoreError('invalid-input', `${where}: the record must be an object`);
  }
  const input = record as Record<string, unknown>;
  if (typeof input.active !== 'boolean') {
    throw new StoreError('invalid-input', `${where}: active must be a boolean`);
  }
  const keys = input.webhookKeys;
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string' && key.trim() !== '')) {
    throw new StoreError('invalid-input', `${where}: webhookKeys must be a list of non-empty strings`);
  }
  const installationUuid = text(input.installationUuid, 'installationUuid', where);
  const shop = canonicalShop(text(input.shop, 'shop', where));
  if (shop === '') throw new StoreError('invalid-input', `${where}: shop must name a shop`);
  const authenticationToken = text(input.authenticationToken, 'authenticationToken', where, true);
  return Object.freeze({
    installationUuid,
    shop,
    companyId: text(input.companyId, 'companyId', where),
    dropletUuid: text(input.dropletUuid, 'dropletUuid', where, true),
    active: input.active,
    authenticationToken: input.active ? authenticationToken : '',
    webhookKeys: Object.freeze(input.active ? [...(keys as string[])] : []),
  });
}

/** Checks a lease length: a whole number of milliseconds from 1 up to a day. */
export function checkLeaseMs(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 86_400_000) {
    throw new StoreError(
      'invalid-input',
      `${where}: leaseMs must be a whole number of ms from 1 to 86400000`,
    );
  }
  return value;
}
