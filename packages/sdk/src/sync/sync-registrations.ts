import type { FluidClient } from '../client/fluid-client.js';
import type {
  CallbackDefinitionName,
  CallbackRegistration,
  CallbackRegistrationUpdateParams,
} from '../client/types.js';
import type { FluidLogger } from '../logger.js';
import { checkHttpUrl, checkKey } from '../stores/records.js';
import { StoreError } from '../stores/store-error.js';
import { tokenDigest } from '../stores/token-digest.js';
import type { CallbackRegistrationRecord, RegistrationStore } from '../stores/types.js';
import { applyPlan, listEveryPage, SYNC_PAGE_SIZE } from './list-every-page.js';

/** One callback registration the service wants. */
export interface DesiredRegistration {
  readonly definition_name: CallbackDefinitionName;
  /** The exact URL Fluid calls; matched character for character, never by origin or prefix. */
  readonly url: string;
  readonly timeout_in_seconds?: number;
  readonly country_codes?: readonly string[];
  /** @default true */
  readonly active?: boolean;
}

/** A registration named in a plan: never its token. */
export interface RegistrationRef {
  readonly uuid: string;
  readonly definitionName: string;
  readonly url: string;
}

/** What {@link RegistrationSync.plan} found and {@link RegistrationSync.apply} will do. Holds no token. */
export interface RegistrationPlan {
  readonly installationUuid: string;
  /** Desired registrations Fluid does not have: created. */
  readonly create: readonly DesiredRegistration[];
  /** Ours with a different URL, timeout, country list or active flag: updated in place (the token stays). */
  readonly update: readonly (RegistrationRef & { readonly changes: CallbackRegistrationUpdateParams })[];
  /** Registrations whose URL is exactly one of ours, with a token the store lacks: written to the store. */
  readonly adopt: readonly CallbackRegistrationRecord[];
  /** Ours (known to the store) that are no longer desired: deleted at Fluid and from the store. */
  readonly delete: readonly RegistrationRef[];
  /** Store records Fluid no longer has: removed from the store. */
  readonly forget: readonly RegistrationRef[];
  /** Ours, but Fluid returned no token and the store has none: callbacks to them are refused until re-registered. */
  readonly tokenless: readonly RegistrationRef[];
  /** Ours and already in step. */
  readonly unchanged: number;
  /** Others' registrations in the company-wide listing: never touched. */
  readonly foreign: number;
}

/** What {@link RegistrationSync.apply} did. */
export interface RegistrationSyncResult {
  /** The plan that was carried out (a fresh one after a 409). */
  readonly plan: RegistrationPlan;
  readonly created: readonly RegistrationRef[];
  /** True when a 409 made it plan again once. */
  readonly replanned: boolean;
}

/** Options for {@link syncRegistrations}. */
export interface SyncRegistrationsOptions {
  /** A client with the installation's `dit_` token (registrations land on whichever owner the token is). */
  readonly client: Pick<FluidClient, 'callbackRegistrations'>;
  /** Where the registrations and their token digests are kept: the callback handler's `registrations`. */
  readonly store: RegistrationStore;
  readonly installationUuid: string;
  readonly desired: readonly DesiredRegistration[];
  /** Pages of 100 read at most before failing. @default 100 */
  readonly maxPages?: number;
  /** Each change is logged at `info` (no tokens). */
  readonly logger?: FluidLogger;
}

/** Plans and applies one installation's callback registrations. */
export interface RegistrationSync {
  /** Reads Fluid's registrations (every page) and the store; changes nothing. */
  plan(): Promise<RegistrationPlan>;
  /** Carries out `plan` (or a fresh one): idempotent, and a 409 from Fluid makes it plan again once. */
  apply(plan?: RegistrationPlan): Promise<RegistrationSyncResult>;
}

function checkDesired(desired: readonly DesiredRegistration[]): void {
  if (!Array.isArray(desired))
    throw new StoreError('invalid-input', 'syncRegistrations: desired must be a list');
  const names = new Set<string>();
  desired.forEach((entry, index) => {
    const where = `syncRegistrations: desired[${index}]`;
    checkKey(entry?.definition_name, 'definition_name', where);
    if (names.has(entry.definition_name)) {
      throw new StoreError(
        'invalid-input',
        `${where}: ${entry.definition_name} is listed twice (Fluid keeps one registration per definition and owner)`,
      );
    }
    names.add(entry.definition_name);
    checkHttpUrl(entry.url, 'url', where);
  });
}

const ref = (registration: CallbackRegistration): RegistrationRef => ({
  uuid: registration.uuid,
  definitionName: registration.definition_name,
  url: registration.url,
});

const sameCodes = (a: readonly string[], b: readonly string[]) => {
  const norm = (codes: readonly string[]) =>
    [...new Set(codes.map((code) => code.toUpperCase()))].sort().join();
  return norm(a) === norm(b);
};

function changesFor(
  existing: CallbackRegistration,
  desired: DesiredRegistration,
): CallbackRegistrationUpdateParams {
  const changes: {
    -readonly [K in keyof CallbackRegistrationUpdateParams]: CallbackRegistrationUpdateParams[K];
  } = {};
  if (existing.url !== desired.url) changes.url = desired.url;
  if ((desired.active ?? true) !== existing.active) changes.active = desired.active ?? true;
  if (
    desired.timeout_in_seconds !== undefined &&
    desired.timeout_in_seconds !== existing.timeout_in_seconds
  ) {
    changes.timeout_in_seconds = desired.timeout_in_seconds;
  }
  if (desired.country_codes !== undefined && !sameCodes(desired.country_codes, existing.country_codes)) {
    changes.country_codes = [...desired.country_codes];
  }
  return changes;
}

const sameRecord = (a: CallbackRegistrationRecord | undefined, b: CallbackRegistrationRecord) =>
  a !== undefined &&
  a.installationUuid === b.installationUuid &&
  a.definitionName === b.definitionName &&
  a.url === b.url &&
  a.tokenDigest === b.tokenDigest;

/**
 * Keeps one installation's callback registrations at Fluid, and the {@link RegistrationStore}, in step with what the
 * service serves, without the delete-and-recreate dance: `plan()` reads; `apply()` creates what is missing, updates
 * what differs, deletes ours that are no longer wanted, and adopts the `cvt_` token of an existing registration whose
 * URL is exactly one of ours. Registrations of others (the listing is company-wide) are counted, never touched.
 *
 * @example
 * const sync = syncRegistrations({ client, store: stores.registrations, installationUuid, desired: [
 *   { definition_name: 'update_cart_shipping', url: 'https://droplet.example.com/callbacks/update_cart_shipping', timeout_in_seconds: 10 },
 * ] });
 * const { plan } = await sync.apply();
 * if (plan.tokenless.length > 0) logger.warn('re-register these', { uuids: plan.tokenless.map((r) => r.uuid) });
 */
export function syncRegistrations(options: SyncRegistrationsOptions): RegistrationSync {
  const { client, store, desired, logger } = options;
  const installationUuid = checkKey(options.installationUuid, 'installationUuid', 'syncRegistrations');
  checkDesired(desired);
  const maxPages = options.maxPages ?? 100;

  const plan = async (): Promise<RegistrationPlan> => {
    const existing = await listEveryPage(
      (page) => client.callbackRegistrations.list({ page, per_page: SYNC_PAGE_SIZE }),
      (registration) => registration.uuid,
      maxPages,
    );
    const stored = await store.list({ installationUuid });
    const storedByUuid = new Map(stored.map((record) => [record.uuid, record]));
    const matched = new Set<string>();
    const create: DesiredRegistration[] = [];
    const update: (RegistrationRef & { changes: CallbackRegistrationUpdateParams })[] = [];
    const adopt: CallbackRegistrationRecord[] = [];
    const tokenless: RegistrationRef[] = [];
    let unchanged = 0;

    const keep = (registration: CallbackRegistration, wanted: DesiredRegistration) => {
      matched.add(registration.uuid);
      const changes = changesFor(registration, wanted);
      if (Object.keys(changes).length > 0) update.push({ ...ref(registration), changes });
      const token = registration.verification_token;
      const known = storedByUuid.get(registration.uuid);
      const digest = typeof token === 'string' && token !== '' ? tokenDigest(token) : known?.tokenDigest;
      if (digest === undefined) {
        tokenless.push(ref(registration));
        return;
      }
      const record = {
        uuid: registration.uuid,
        installationUuid,
        definitionName: registration.definition_name,
        url: wanted.url,
        tokenDigest: digest,
      };
      if (!sameRecord(storedByUuid.get(registration.uuid), record)) adopt.push(record);
      else if (Object.keys(changes).length === 0) unchanged += 1;
    };

    for (const wanted of desired) {
      const exact = existing.filter(
        (registration) =>
          registration.definition_name === wanted.definition_name && registration.url === wanted.url,
      );
      for (const registration of exact) keep(registration, wanted);
      if (exact.length > 0) continue;
      // Ours by the store's word, at another URL (the service moved): updated in place, the token stays.
      const moved = existing.find(
        (registration) =>
          storedByUuid.has(registration.uuid) &&
          registration.definition_name === wanted.definition_name &&
          !matched.has(registration.uuid),
      );
      if (moved !== undefined) keep(moved, wanted);
      else create.push(wanted);
    }
    const listed = new Set(existing.map((registration) => registration.uuid));
    const remove = existing.filter((r) => !matched.has(r.uuid) && storedByUuid.has(r.uuid)).map(ref);
    return {
      installationUuid,
      create,
      update,
      adopt,
      delete: remove,
      forget: stored
        .filter((record) => !listed.has(record.uuid))
        .map((record) => ({
          uuid: record.uuid,
          definitionName: record.definitionName,
          url: record.url,
        })),
      tokenless,
      unchanged,
      foreign: existing.filter((r) => !matched.has(r.uuid) && !storedByUuid.has(r.uuid)).length,
    };
  };

  const execute = async (current: RegistrationPlan): Promise<RegistrationRef[]> => {
    for (const gone of current.forget) {
      await store.delete(gone.uuid);
      logger?.info?.('registration forgotten (gone at Fluid)', { ...gone });
    }
    for (const record of current.adopt) {
      await store.upsert(record);
      logger?.info?.('registration adopted', { uuid: record.uuid, definitionName: record.definitionName });
    }
    for (const change of current.update) {
      const updated = await client.callbackRegistrations.update(change.uuid, change.changes);
      const digest =
        typeof updated.verification_token === 'string' && updated.verification_token !== ''
          ? tokenDigest(updated.verification_token)
          : (await store.list({ installationUuid })).find((record) => record.uuid === change.uuid)
              ?.tokenDigest;
      if (digest !== undefined) {
        await store.upsert({
          uuid: updated.uuid,
          installationUuid,
          definitionName: updated.definition_name,
          url: updated.url,
          tokenDigest: digest,
        });
      }
      logger?.info?.('registration updated', { uuid: change.uuid, fields: Object.keys(change.changes) });
    }
    const created: RegistrationRef[] = [];
    for (const wanted of current.create) {
      const registration = await client.callbackRegistrations.create({
        definition_name: wanted.definition_name,
        url: wanted.url,
        active: wanted.active ?? true,
        ...(wanted.timeout_in_seconds === undefined ? {} : { timeout_in_seconds: wanted.timeout_in_seconds }),
        ...(wanted.country_codes === undefined ? {} : { country_codes: [...wanted.country_codes] }),
      });
      await store.upsert({
        uuid: registration.uuid,
        installationUuid,
        definitionName: registration.definition_name,
        url: registration.url,
        tokenDigest: tokenDigest(registration.verification_token),
      });
      created.push(ref(registration));
      logger?.info?.('registration created', {
        uuid: registration.uuid,
        definitionName: wanted.definition_name,
      });
    }
    for (const gone of current.delete) {
      await client.callbackRegistrations.delete(gone.uuid, { ignoreNotFound: true });
      await store.delete(gone.uuid);
      logger?.info?.('registration deleted', { ...gone });
    }
    return created;
  };

  return {
    plan,
    apply: (given) =>
      applyPlan(given, plan, execute, () =>
        logger?.info?.('registration sync met a conflict; planning again', { installationUuid }),
      ),
  };
}
