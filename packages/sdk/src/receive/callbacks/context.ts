import type { Incoming } from '../http/incoming.js';
import type { LazyAbort } from '../http/lazy-abort.js';
import type { CallbackContext } from './types.js';

/**
 * The context a callback handler receives. A class with getters on its prototype: an object literal with
 * getters is built slowly on every request, and the signal, deadline and request are rarely read.
 */
export class HandlerContext implements CallbackContext {
  readonly name: string;
  readonly timestamp: number;
  readonly #abort: LazyAbort;
  readonly #incoming: Incoming;
  readonly #deadlineMs: number;

  constructor(name: string, timestamp: number, abort: LazyAbort, incoming: Incoming, deadlineMs: number) {
    this.name = name;
    this.timestamp = timestamp;
    this.#abort = abort;
    this.#incoming = incoming;
    this.#deadlineMs = deadlineMs;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  get deadline(): Date {
    return new Date(this.#deadlineMs);
  }

  get request(): Request {
    return this.#incoming.request();
  }
}
