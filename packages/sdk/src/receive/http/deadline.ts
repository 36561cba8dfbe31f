/** The outcome of running work under a deadline. */
export type DeadlineResult<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'timeout' };

/**
 * Runs `work` with an `AbortSignal` that fires at the deadline (or when `parent` aborts) and settles at the
 * deadline at the latest. Work that finishes later is dropped: its value is ignored and its rejection swallowed.
 */
export async function runWithDeadline<T>(
  work: (signal: AbortSignal) => T | Promise<T>,
  timeoutMs: number,
  parent?: AbortSignal,
): Promise<DeadlineResult<T>> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  parent?.addEventListener('abort', onParentAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<DeadlineResult<T>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new DOMException('The handler ran past its deadline', 'TimeoutError'));
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  const run = (async (): Promise<DeadlineResult<T>> => {
    try {
      return { kind: 'value', value: await work(controller.signal) };
    } catch (error) {
      return { kind: 'error', error };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  }
}
