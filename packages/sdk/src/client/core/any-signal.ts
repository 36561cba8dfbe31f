/**
 * A signal that aborts when any of `signals` does, with that signal's reason. Uses `AbortSignal.any` where
 * it exists (Node ≥ 20.3, modern browsers and edge runtimes) and a listener-based fallback elsewhere.
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([...signals]);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), {
      once: true,
      signal: controller.signal,
    });
  }
  return controller.signal;
}
