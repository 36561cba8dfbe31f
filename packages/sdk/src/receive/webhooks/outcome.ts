import { jsonReply, type Reply } from '../http/reply.js';

/** Everything a webhook delivery can come to; {@link webhookReply} is the one place that maps it to HTTP. */
export type WebhookOutcome =
  | { readonly kind: 'method_not_allowed' }
  | { readonly kind: 'unsupported_media_type' }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'malformed'; readonly problem: string }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'handled' }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'failed' };

/**
 * The HTTP reply for an outcome. Every verification failure gets the same 401 body, whatever the reason,
 * and failures never carry internals: the reason goes to the logger instead.
 */
export function webhookReply(outcome: WebhookOutcome): Reply {
  switch (outcome.kind) {
    case 'method_not_allowed':
      return jsonReply(405, { error: 'method_not_allowed' }, { allow: 'POST' });
    case 'unsupported_media_type':
      return jsonReply(415, { error: 'unsupported_media_type', message: 'expected application/json' });
    case 'too_large':
      return jsonReply(413, { error: 'payload_too_large' }, { connection: 'close' });
    case 'malformed':
      return jsonReply(400, { error: 'bad_request', message: outcome.problem });
    case 'unauthorized':
      return jsonReply(401, { error: 'unauthorized' });
    case 'duplicate':
      return jsonReply(200, { received: true, duplicate: true });
    case 'handled':
      return jsonReply(200, { received: true });
    case 'ignored':
      return jsonReply(202, { received: true, handled: false });
    case 'failed':
      // A 5xx so that Fluid's lifecycle sender retries; the event was not marked processed.
      return jsonReply(500, { error: 'internal_error' });
  }
}
