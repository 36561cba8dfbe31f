import { checkInstallationRecord, checkKey } from './records.js';
import { openInstallation, type SealedInstallation, sealInstallation } from './sealed-installation.js';
import { createSecretBox, type SecretBox } from './secret-box.js';
import { canonicalShop } from './shop.js';
import type { EncryptionKey, InstallationStore } from './types.js';

/** Options for {@link createMemoryInstallations}. */
export interface MemoryInstallationsOptions {
  /**
   * Keys to encrypt the secrets with, as `@fluid-droplet/postgres` does (the first encrypts, all decrypt). Without
   * keys the secrets are kept as they are, which is fine for a process that holds them in memory anyway.
   */
  readonly encryptionKeys?: readonly EncryptionKey[];
}

/**
 * An in-process {@link InstallationStore}: right for development, tests and a single instance.
 *
 * @example
 * const installations = createMemoryInstallations();
 * await installations.save({ installationUuid, shop: 'acme', companyId: '42', dropletUuid, active: true, authenticationToken, webhookKeys: [wvt] });
 * const keys = (await installations.byShop('acme.fluid.app'))?.webhookKeys;
 */
export function createMemoryInstallations(options: MemoryInstallationsOptions = {}): InstallationStore {
  const box: SecretBox | undefined =
    options.encryptionKeys === undefined ? undefined : createSecretBox(options.encryptionKeys);
  const rows = new Map<string, { row: SealedInstallation; saved: number }>();
  let saves = 0;
  const put = (row: SealedInstallation) => {
    saves += 1;
    rows.set(row.installationUuid, { row, saved: saves });
  };
  return {
    async save(record) {
      put(sealInstallation(checkInstallationRecord(record, 'installations.save'), box));
    },
    async get(installationUuid) {
      const found = rows.get(checkKey(installationUuid, 'installationUuid', 'installations.get'));
      return found === undefined ? null : openInstallation(found.row, box);
    },
    async byShop(shop) {
      const wanted = canonicalShop(checkKey(shop, 'shop', 'installations.byShop'));
      let latest: { row: SealedInstallation; saved: number } | undefined;
      for (const entry of rows.values()) {
        if (
          entry.row.active &&
          entry.row.shop === wanted &&
          (latest === undefined || entry.saved > latest.saved)
        ) {
          latest = entry;
        }
      }
      return latest === undefined ? null : openInstallation(latest.row, box);
    },
    async deactivate(installationUuid) {
      const found = rows.get(checkKey(installationUuid, 'installationUuid', 'installations.deactivate'));
      if (found === undefined) return false;
      put({ ...found.row, active: false, authenticationToken: null, webhookKeys: null });
      return true;
    },
    async list() {
      return [...rows.values()]
        .map((entry) => openInstallation(entry.row, box))
        .sort((a, b) => (a.installationUuid < b.installationUuid ? -1 : 1));
    },
  };
}
