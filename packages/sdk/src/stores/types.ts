// The contracts every state store keeps, in memory or in PostgreSQL. One record per concept, shared by the callback
// handler (registrations), the webhook handler (idempotency) and a service's installation bookkeeping.

/**
 * A callback registration as the service keeps it: which definition and installation a `cvt_` token belongs to.
 * The raw token is never stored, only its digest (lowercase hex SHA-256); the callback handler verifies the HMAC with
 * the token the request presents, after its digest matched.
 */
export interface CallbackRegistrationRecord {
  /** Fluid's registration uuid. */
  readonly uuid: string;
  /** The installation the registration was made for: the tenant of every request it signs. */
  readonly installationUuid: string;
  /** The callback definition the registration serves, e.g. `update_cart_shipping`. */
  readonly definitionName: string;
  /** The URL Fluid calls. */
  readonly url: string;
  /** Lowercase hex SHA-256 of the registration's `cvt_` verification token. */
  readonly tokenDigest: string;
}

/** What the callback handler needs of a registration store: one lookup by token digest. */
export interface RegistrationLookup {
  /** The registration whose token digest is `digest`, or null. Throwing means the store is unavailable. */
  findByTokenDigest(digest: string): Promise<CallbackRegistrationRecord | null>;
}

/** Filter for {@link RegistrationStore.list}. */
export interface RegistrationListFilter {
  /** Only this installation's registrations. */
  readonly installationUuid?: string;
}

/** Keeps callback registrations; the callback handler's `registrations`. */
export interface RegistrationStore extends RegistrationLookup {
  /** Inserts the record, or replaces the one with the same `uuid`. */
  upsert(record: CallbackRegistrationRecord): Promise<void>;
  /** Forgets one registration by uuid; true when it existed. */
  delete(uuid: string): Promise<boolean>;
  /** Forgets every registration of an installation; returns how many. */
  deleteForInstallation(installationUuid: string): Promise<number>;
  /** Registrations, ordered by installation then definition then uuid. */
  list(filter?: RegistrationListFilter): Promise<CallbackRegistrationRecord[]>;
  /** How many registrations are kept. */
  count(): Promise<number>;
}

/** One installation of the droplet in one Fluid company, with its secrets. */
export interface InstallationRecord {
  readonly installationUuid: string;
  /** The company's shop subdomain, e.g. `acme` (`acme.fluid.app` is normalised to it). */
  readonly shop: string;
  readonly companyId: string;
  readonly dropletUuid: string;
  /** False once uninstalled: the row stays, the secrets are gone. */
  readonly active: boolean;
  /** The installation's `dit_` API token; empty once deactivated. */
  readonly authenticationToken: string;
  /** The company's `wvt_` webhook keys, newest first (a list, so keys rotate); empty once deactivated. */
  readonly webhookKeys: readonly string[];
}

/** Keeps installations; secrets are encrypted at rest. */
export interface InstallationStore {
  /** Inserts or replaces the installation with the same `installationUuid`. */
  save(record: InstallationRecord): Promise<void>;
  get(installationUuid: string): Promise<InstallationRecord | null>;
  /** The active installation for a shop; `acme` and `acme.fluid.app` are one shop. */
  byShop(shop: string): Promise<InstallationRecord | null>;
  /** Marks the installation inactive and drops its secrets; true when it existed. */
  deactivate(installationUuid: string): Promise<boolean>;
  list(): Promise<InstallationRecord[]>;
}

/** The answer to {@link IdempotencyStore.claim}. */
export type ClaimResult = 'claimed' | 'done' | 'in-flight';

/**
 * Remembers deliveries with a lease, so one delivery reaching several instances runs once. `claim` is atomic: of
 * concurrent claims on one key exactly one gets `'claimed'`. A claimant that dies never completes; its lease expires
 * and the next claim succeeds, so a redelivery runs.
 */
export interface IdempotencyStore {
  /** Claims `key` for `leaseMs`: `'claimed'` (run it), `'in-flight'` (another holds a live lease), `'done'`. */
  claim(key: string, leaseMs: number): Promise<ClaimResult>;
  /** Marks the claimed key done, so later claims answer `'done'`. */
  complete(key: string): Promise<void>;
  /** Drops the claim, so a redelivery runs again (the handler failed). */
  release(key: string): Promise<void>;
}

/** A key for encrypting secrets at rest (AES-256-GCM): 32 bytes, raw or base64. */
export interface EncryptionKey {
  /** Stored beside each ciphertext, so the right key decrypts it after rotation. */
  readonly id: string;
  readonly key: Uint8Array | string;
}

/** The three stores a droplet service keeps. */
export interface DropletStores {
  readonly registrations: RegistrationStore;
  readonly installations: InstallationStore;
  readonly idempotency: IdempotencyStore;
}
