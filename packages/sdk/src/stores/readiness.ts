import type { RegistrationStore } from './types.js';

/** What {@link checkReadiness} found. */
export type Readiness = 'ready' | 'no-registrations' | 'unavailable';

/** Options for {@link checkReadiness}. */
export interface ReadinessOptions {
  /** How long to wait for the store before answering `'unavailable'`, in ms. @default 5_000 */
  readonly timeoutMs?: number;
}

/**
 * Says whether the service can verify callbacks, for a boot-time log line or a readiness probe: `'ready'` when the
 * registration store answers and holds registrations, `'no-registrations'` when it is empty (every callback will be
 * refused until the droplet is installed or its registrations synced), `'unavailable'` when it fails or hangs.
 *
 * @example
 * const readiness = await checkReadiness(stores);
 * if (readiness !== 'ready') logger.warn('callbacks will be refused', { readiness });
 */
export async function checkReadiness(
  store: { readonly registrations: Pick<RegistrationStore, 'count'> },
  options: ReadinessOptions = {},
): Promise<Readiness> {
  const { timeoutMs = 5_000 } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'unavailable'>((resolve) => {
    timer = setTimeout(() => resolve('unavailable'), timeoutMs);
  });
  const counted = store.registrations.count().then(
    (count): Readiness => (count > 0 ? 'ready' : 'no-registrations'),
    (): Readiness => 'unavailable',
  );
  try {
    return await Promise.race([counted, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
