import { checkKey, checkRegistrationRecord } from './records.js';
import type { CallbackRegistrationRecord, RegistrationListFilter, RegistrationStore } from './types.js';

// Code-unit order, not locale order: the same order PostgreSQL gives with COLLATE "C", whatever the machine's locale.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byInstallationThenDefinition(a: CallbackRegistrationRecord, b: CallbackRegistrationRecord): number {
  return (
    compare(a.installationUuid, b.installationUuid) ||
    compare(a.definitionName, b.definitionName) ||
    compare(a.uuid, b.uuid)
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
    const copy = checkRegistrationRecord(record, 'registrations.upsert');
    const previous = byUuid.get(copy.uuid);
    if (previous !== undefined) byDigest.delete(previous.tokenDigest);
    // A token belongs to one registration: another record holding this digest is replaced, as in PostgreSQL.
    const holder = byDigest.get(copy.tokenDigest);
    if (holder !== undefined && holder.uuid !== copy.uuid) byUuid.delete(holder.uuid);
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
      return byDigest.get(checkKey(digest, 'digest', 'registrations.findByTokenDigest')) ?? null;
    },
    async upsert(record) {
      put(record);
    },
    async delete(uuid) {
      return remove(checkKey(uuid, 'uuid', 'registrations.delete'));
    },
    async deleteForInstallation(installationUuid) {
      checkKey(installationUuid, 'installationUuid', 'registrations.deleteForInstallation');
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
