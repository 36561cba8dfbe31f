import { LazyAbort } from './lazy-abort.js';

/** The outcome of running work under a deadline. */
export type DeadlineResult<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'timeout' };

/**
 * Runs `work` with an abort handle that fires at the deadline (or when the `parent` signal aborts, e.g. the client
 * went away) and settles at the deadline at the latest. Work that finishes later is dropped: its value is ignored
 * and its rejection swallowed. `parent` is read only for asynchronous work, so a synchronous reply never pays for
 * a signal.
 */
export async function runWithDeadline<T>(
  work: (abort: LazyAbort) => T | Promise<T>,
  timeoutMs: number,
  parent?: () => AbortSignal | undefined,
): Promise<DeadlineResult<T>> {
  const abort = new LazyAbort();
  // A handler that answers synchronously (a lookup, a fixed reply) needs no timer and no race.
  let immediate: T | Promise<T>;
  try {
    immediate = work(abort);
  } catch (error) {
    return { kind: 'error', error };
  }
  if (!isThenable(immediate)) return { kind: 'value', value: immediate };
  const pending = immediate;
  const signal = parent?.();
  const onParentAbort = () => abort.abort(signal?.reason);
  // The client may have gone before the work started: an aborted signal never fires 'abort' again.
  if (signal?.aborted) onParentAbort();
  else signal?.addEventListener('abort', onParentAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<DeadlineResult<T>>((resolve) => {
    timer = setTimeout(() => {
      abort.abort(new DOMException('The handler ran past its deadline', 'TimeoutError'));
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  const run = (async (): Promise<DeadlineResult<T>> => {
    try {
      return { kind: 'value', value: await pending };
    } catch (error) {
      return { kind: 'error', error };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onParentAbort);
  }
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
