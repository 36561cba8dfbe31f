export type { MemoryIdempotencyOptions } from './memory-idempotency.js';
export { createMemoryIdempotency } from './memory-idempotency.js';
export { createMemoryRegistrations } from './memory-registrations.js';
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
