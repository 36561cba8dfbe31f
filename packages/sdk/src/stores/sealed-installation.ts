import type { SecretBox } from './secret-box.js';
import type { InstallationRecord } from './types.js';

/**
 * An installation as a store keeps it: the secrets sealed with a {@link SecretBox} (or as they are, when a memory
 * store has no keys). `null` stands for no secret (an inactive installation).
 */
export interface SealedInstallation {
  readonly installationUuid: string;
  readonly shop: string;
  readonly companyId: string;
  readonly dropletUuid: string;
  readonly active: boolean;
  readonly authenticationToken: string | null;
  readonly webhookKeys: string | null;
}

const contexts = (uuid: string) => ({ token: `${uuid}:authenticationToken`, keys: `${uuid}:webhookKeys` });

/** Seals the secrets of a checked installation record. */
export function sealInstallation(record: InstallationRecord, box: SecretBox | undefined): SealedInstallation {
  const context = contexts(record.installationUuid);
  const token = record.authenticationToken;
  const keys = record.webhookKeys.length === 0 ? null : JSON.stringify(record.webhookKeys);
  return {
    installationUuid: record.installationUuid,
    shop: record.shop,
    companyId: record.companyId,
    dropletUuid: record.dropletUuid,
    active: record.active,
    authenticationToken: token === '' ? null : box === undefined ? token : box.seal(token, context.token),
    webhookKeys: keys === null ? null : box === undefined ? keys : box.seal(keys, context.keys),
  };
}

/** Opens what {@link sealInstallation} produced; throws `StoreError('decryption-failed')` on a foreign key. */
export function openInstallation(row: SealedInstallation, box: SecretBox | undefined): InstallationRecord {
  const context = contexts(row.installationUuid);
  const open = (value: string | null, where: string) =>
    value === null ? null : box === undefined ? value : box.open(value, where);
  const keys = open(row.webhookKeys, context.keys);
  return Object.freeze({
    installationUuid: row.installationUuid,
    shop: row.shop,
    companyId: row.companyId,
    dropletUuid: row.dropletUuid,
    active: row.active,
    authenticationToken: open(row.authenticationToken, context.token) ?? '',
    webhookKeys: Object.freeze(keys === null ? [] : (JSON.parse(keys) as string[])),
  });
}
