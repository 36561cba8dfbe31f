import { HandlerContextBase } from '../http/handler-context.js';
import type { Incoming } from '../http/incoming.js';
import type { LazyAbort } from '../http/lazy-abort.js';
import type { WebhookContext, WebhookKeyKind } from './types.js';

/** The context a webhook handler receives. */
export class WebhookHandlerContext extends HandlerContextBase implements WebhookContext {
  readonly shop: string | null;
  readonly keyKind: WebhookKeyKind;

  constructor(shop: string | null, keyKind: WebhookKeyKind, abort: LazyAbort, incoming: Incoming) {
    super(abort, incoming);
    this.shop = shop;
    this.keyKind = keyKind;
  }
}
