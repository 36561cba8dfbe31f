/**
 * Remembers which deliveries were claimed or processed. Implementations must make {@link setIfAbsent} atomic
 * (Redis `SET key 1 NX PX ttl`, a unique insert in SQL) so concurrent duplicates cannot both run.
 */
export interface IdempotencyStore {
  /** Stores `key` for `ttlMs` unless present; true when this call stored it. */
  setIfAbsent(key: string, ttlMs: number): Promise<boolean>;
  /** Stores or refreshes `key` for `ttlMs`. */
  set(key: string, ttlMs: number): Promise<void>;
  /** Forgets `key`, so a later delivery of the same event runs again. */
  delete(key: string): Promise<void>;
}

/** Options for {@link createMemoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /**
   * The most keys kept; the oldest go first beyond it.
   * @default 100_000
   */
  readonly maxEntries?: number;
  /** The clock, for tests. @default Date.now */
  readonly now?: () => number;
}

/**
 * An in-process {@link IdempotencyStore} with expiry. Right for one instance; several instances need a shared
 * store. Atomic because JavaScript runs each call to completion.
 *
 * @example
 * createWebhookHandler({ ..., idempotencyStore: createMemoryIdempotencyStore({ maxEntries: 10_000 }) })
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const { maxEntries = 100_000, now = Date.now } = options;
  const expiries = new Map<string, number>();
  const live = (key: string) => {
    const expiry = expiries.get(key);
    if (expiry === undefined) return false;
    if (expiry > now()) return true;
    expiries.delete(key);
    return false;
  };
  const put = (key: string, ttlMs: number) => {
    expiries.delete(key);
    expiries.set(key, now() + ttlMs);
    while (expiries.size > maxEntries) {
      const oldest = expiries.keys().next();
      if (oldest.done === true) break;
      expiries.delete(oldest.value);
    }
  };
  return {
    async setIfAbsent(key, ttlMs) {
      if (live(key)) return false;
      put(key, ttlMs);
      return true;
    },
    async set(key, ttlMs) {
      put(key, ttlMs);
    },
    async delete(key) {
      expiries.delete(key);
    },
  };
}
