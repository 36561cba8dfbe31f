import { LazyAbort } from './lazy-abort.js';

/** The outcome of running work under a deadline. */
export type DeadlineResult<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'timeout' };

/**
 * Runs `work` with an abort handle that fires at the deadline (or when the `parent` signal aborts, e.g. the client
 * went away) and settles at the deadline at the latest. Work that finishes later is dropped: its value is ignored
 * and its rejection swallowed, except that `onLate` hears how it ended. `parent` is read only when the work reads its
 * own signal, and a synchronous reply needs no timer at all.
 */
export function runWithDeadline<T>(
  work: (abort: LazyAbort) => T | Promise<T>,
  timeoutMs: number,
  parent?: () => AbortSignal | undefined,
  onLate?: (result: DeadlineResult<T>) => void,
): Promise<DeadlineResult<T>> {
  const abort = new LazyAbort(parent);
  let immediate: T | Promise<T>;
  try {
    immediate = work(abort);
  } catch (error) {
    abort.release();
    return Promise.resolve({ kind: 'error', error });
  }
  if (!isThenable(immediate)) {
    abort.release();
    return Promise.resolve({ kind: 'value', value: immediate });
  }
  const pending = immediate;
  return new Promise((resolve) => {
    let late = false;
    // Whichever settles first wins; a later result goes to onLate only, and a late rejection is swallowed.
    const timer = setTimeout(() => {
      late = true;
      abort.abort(new DOMException('The handler ran past its deadline', 'TimeoutError'));
      resolve({ kind: 'timeout' });
    }, timeoutMs);
    const settle = (result: DeadlineResult<T>) => {
      if (late) {
        onLate?.(result);
        return;
      }
      clearTimeout(timer);
      abort.release();
      resolve(result);
    };
    // Promise.resolve also turns a thenable whose `then` throws into a rejection.
    Promise.resolve(pending).then(
      (value) => settle({ kind: 'value', value }),
      (error: unknown) => settle({ kind: 'error', error }),
    );
  });
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
