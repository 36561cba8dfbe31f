import { createMemoryIdempotency, type MemoryIdempotencyOptions } from './memory-idempotency.js';
import { createMemoryInstallations } from './memory-installations.js';
import { createMemoryRegistrations } from './memory-registrations.js';
import type { DropletStores, EncryptionKey } from './types.js';

/** Options for {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Keys to encrypt installation secrets with (the first encrypts, all decrypt). @default none: kept as they are */
  readonly encryptionKeys?: readonly EncryptionKey[];
  /** Limits of the idempotency store. */
  readonly idempotency?: MemoryIdempotencyOptions;
}

/**
 * The three stores in memory: the default for development, tests and a single instance. State is lost on restart
 * and not shared between instances; several instances need `@fluid-droplet/postgres`.
 *
 * @example
 * const stores = createMemoryStore();
 * createCallbackHandler({ registrations: stores.registrations, handlers: { ... } });
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): DropletStores {
  return {
    registrations: createMemoryRegistrations(),
    installations: createMemoryInstallations(
      options.encryptionKeys === undefined ? {} : { encryptionKeys: options.encryptionKeys },
    ),
    idempotency: createMemoryIdempotency(options.idempotency ?? {}),
  };
}
