// The public API of @fluid-droplet/sdk/stores: the store contracts, the memory stores, and the pieces a store
// implementation shares (record checks, secret sealing), so every store refuses and encrypts alike.

export { isRecord } from '../is-record.js';
export type { FluidLogger } from '../logger.js';
export type { MemoryIdempotencyOptions } from './memory-idempotency.js';
export { createMemoryIdempotency } from './memory-idempotency.js';
export type { MemoryInstallationsOptions } from './memory-installations.js';
export { createMemoryInstallations } from './memory-installations.js';
export { createMemoryRegistrations } from './memory-registrations.js';
export type { MemoryStoreOptions } from './memory-store.js';
export { createMemoryStore } from './memory-store.js';
export type { Readiness, ReadinessOptions } from './readiness.js';
export { checkReadiness } from './readiness.js';
export { checkInstallationRecord, checkKey, checkLeaseMs, checkRegistrationRecord } from './records.js';
export type { SealedInstallation } from './sealed-installation.js';
export { openInstallation, sealInstallation } from './sealed-installation.js';
export type { SecretBox } from './secret-box.js';
export { createSecretBox } from './secret-box.js';
export { canonicalShop } from './shop.js';
export type { StoreErrorCode } from './store-error.js';
export { StoreError } from './store-error.js';
export { tokenDigest } from './token-digest.js';
export type {
  CallbackRegistrationRecord,
  ClaimResult,
  DropletStores,
  EncryptionKey,
  IdempotencyStore,
  InstallationRecord,
  InstallationStore,
  RegistrationListFilter,
  RegistrationLookup,
  RegistrationStore,
} from './types.js';
export { webhookKeysByShop } from './webhook-keys.js';
