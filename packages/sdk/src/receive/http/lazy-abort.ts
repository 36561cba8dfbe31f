/**
 * An abort signal created only when someone reads it: most handlers never look at `ctx.signal`, and an
 * `AbortController` is costly to create on Node 20. A parent signal (the client going away) is followed from
 * the moment the signal is read, so it too is made only for a handler that reads its own.
 */
export class LazyAbort {
  readonly #parent: (() => AbortSignal | undefined) | undefined;
  #controller: AbortController | undefined;
  #reason: unknown;
  #aborted = false;
  #unfollow: (() => void) | undefined;
  #released = false;

  /** `parent`, when given, is read when the signal is first read, and aborts this one too. */
  constructor(parent?: () => AbortSignal | undefined) {
    this.#parent = parent;
  }

  /** The signal; created on first read, already aborted if the deadline passed or the parent aborted before. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
      else this.#follow();
    }
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
    this.release();
  }

  /** Stops following the parent (the work is over). */
  release(): void {
    this.#released = true;
    this.#unfollow?.();
    this.#unfollow = undefined;
  }

  #follow(): void {
    if (this.#released) return;
    const parent = this.#parent?.();
    if (parent === undefined) return;
    // An aborted signal never fires 'abort' again: the client may have gone before the signal was read.
    if (parent.aborted) {
      this.abort(parent.reason);
      return;
    }
    const onAbort = () => this.abort(parent.reason);
    parent.addEventListener('abort', onAbort, { once: true });
    this.#unfollow = () => parent.removeEventListener('abort', onAbort);
  }
}
