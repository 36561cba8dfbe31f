import { checkKey, checkLeaseMs } from './records.js';
import type { IdempotencyStore } from './types.js';

/** Options for {@link createMemoryIdempotency}. */
export interface MemoryIdempotencyOptions {
  /**
   * The most keys kept; the oldest go first beyond it.
   * @default 100_000
   */
  readonly maxEntries?: number;
  /**
   * How long a completed key is remembered, in ms.
   * @default 86_400_000 (a day)
   */
  readonly doneTtlMs?: number;
  /** The clock, for tests. @default Date.now */
  readonly now?: () => number;
}

interface Entry {
  readonly state: 'in-flight' | 'done';
  readonly expiresAt: number;
}

/**
 * An in-process {@link IdempotencyStore} with leases. Atomic because JavaScript runs each call to completion; right
 * for one instance, while several instances need a shared store.
 */
export function createMemoryIdempotency(options: MemoryIdempotencyOptions = {}): IdempotencyStore {
  const { maxEntries = 100_000, doneTtlMs = 86_400_000, now = Date.now } = options;
  const entries = new Map<string, Entry>();
  const put = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  };
  return {
    async claim(key, leaseMs) {
      checkKey(key, 'key', 'idempotency.claim');
      checkLeaseMs(leaseMs, 'idempotency.claim');
      const entry = entries.get(key);
      if (entry !== undefined && entry.expiresAt > now()) return entry.state;
      put(key, { state: 'in-flight', expiresAt: now() + leaseMs });
      return 'claimed';
    },
    async complete(key) {
      put(key, { state: 'done', expiresAt: now() + doneTtlMs });
    },
    async release(key) {
      // Only a claim is dropped: a completed key stays done, as in PostgreSQL.
      if (entries.get(key)?.state === 'in-flight') entries.delete(key);
    },
  };
}
