import type { Incoming } from '../http/incoming.js';
import type { LazyAbort } from '../http/lazy-abort.js';
import type { WebhookContext } from './create-webhook-handler.js';

/**
 * The context a webhook handler receives. A class with getters on its prototype: an object literal with
 * getters is built slowly on every request, and the signal and request are rarely read.
 */
export class HandlerContext implements WebhookContext {
  readonly shop: string | null;
  readonly #abort: LazyAbort;
  readonly #incoming: Incoming;

  constructor(shop: string | null, abort: LazyAbort, incoming: Incoming) {
    this.shop = shop;
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
