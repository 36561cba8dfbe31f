import type { Incoming } from './incoming.js';
import type { LazyAbort } from './lazy-abort.js';

/**
 * What every handler context offers: the abort signal and the request as a WHATWG `Request`. A class with getters
 * on its prototype: an object literal with getters is built slowly on every request, and both are rarely read.
 */
export class HandlerContextBase {
  readonly #abort: LazyAbort;
  readonly #incoming: Incoming;

  constructor(abort: LazyAbort, incoming: Incoming) {
    this.#abort = abort;
    this.#incoming = incoming;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  get request(): Request {
    return this.#incoming.request();
  }
}
