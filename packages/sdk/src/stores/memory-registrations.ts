import type { CallbackRegistrationRecord, RegistrationListFilter, RegistrationStore } from './types.js';

function byInstallationThenDefinition(a: CallbackRegistrationRecord, b: CallbackRegistrationRecord): number {
  return (
    a.installationUuid.localeCompare(b.installationUuid) ||
    a.definitionName.localeCompare(b.definitionName) ||
    a.uuid.localeCompare(b.uuid)
  );
}

/**
 * An in-process {@link RegistrationStore}: right for development, tests and a single instance. Several instances
 * need a shared store (`@fluid-droplet/postgres`).
 *
 * @example
 * const registrations = createMemoryRegistrations();
 * await registrations.upsert({ uuid, installationUuid, definitionName: 'update_cart_shipping', url, tokenDigest: tokenDigest(token) });
 * createCallbackHandler({ registrations, handlers: { ... } });
 */
export function createMemoryRegistrations(
  initial: Iterable<CallbackRegistrationRecord> = [],
): RegistrationStore {
  const byUuid = new Map<string, CallbackRegistrationRecord>();
  const byDigest = new Map<string, CallbackRegistrationRecord>();
  const put = (record: CallbackRegistrationRecord) => {
    const previous = byUuid.get(record.uuid);
    if (previous !== undefined) byDigest.delete(previous.tokenDigest);
    const copy = Object.freeze({ ...record });
    byUuid.set(copy.uuid, copy);
    byDigest.set(copy.tokenDigest, copy);
  };
  const remove = (uuid: string) => {
    const record = byUuid.get(uuid);
    if (record === undefined) return false;
    byUuid.delete(uuid);
    if (byDigest.get(record.tokenDigest) === record) byDigest.delete(record.tokenDigest);
    return true;
  };
  for (const record of initial) put(record);
  return {
    async findByTokenDigest(digest) {
      return byDigest.get(digest) ?? null;
    },
    async upsert(record) {
      put(record);
    },
    async delete(uuid) {
      return remove(uuid);
    },
    async deleteForInstallation(installationUuid) {
      let removed = 0;
      for (const record of [...byUuid.values()]) {
        if (record.installationUuid === installationUuid && remove(record.uuid)) removed += 1;
      }
      return removed;
    },
    async list(filter: RegistrationListFilter = {}) {
      const { installationUuid } = filter;
      return [...byUuid.values()]
        .filter((record) => installationUuid === undefined || record.installationUuid === installationUuid)
        .sort(byInstallationThenDefinition);
    },
    async count() {
      return byUuid.size;
    },
  };
}
