import { HandlerContextBase } from '../http/handler-context.js';
import type { Incoming } from '../http/incoming.js';
import type { LazyAbort } from '../http/lazy-abort.js';
import type { WebhookContext } from './create-webhook-handler.js';

/** The context a webhook handler receives. */
export class HandlerContext extends HandlerContextBase implements WebhookContext {
  readonly shop: string | null;

  constructor(shop: string | null, abort: LazyAbort, incoming: Incoming) {
    super(abort, incoming);
    this.shop = shop;
  }
}
