import { jsonResponse } from '../http/json-response.js';

/** Everything a webhook delivery can come to; {@link webhookResponse} is the one place that maps it to HTTP. */
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
 * The HTTP response for an outcome. Every verification failure gets the same 401 body, whatever the reason,
 * and failures never carry internals: the reason goes to the logger instead.
 */
export function webhookResponse(outcome: WebhookOutcome): Response {
  switch (outcome.kind) {
    case 'method_not_allowed':
      return jsonResponse(405, { error: 'method_not_allowed' }, { allow: 'POST' });
    case 'unsupported_media_type':
      return jsonResponse(415, { error: 'unsupported_media_type', message: 'expected application/json' });
    case 'too_large':
      return jsonResponse(413, { error: 'payload_too_large' }, { connection: 'close' });
    case 'malformed':
      return jsonResponse(400, { error: 'bad_request', message: outcome.problem });
    case 'unauthorized':
      return jsonResponse(401, { error: 'unauthorized' });
    case 'duplicate':
      return jsonResponse(200, { received: true, duplicate: true });
    case 'handled':
      return jsonResponse(200, { received: true });
    case 'ignored':
      return jsonResponse(202, { received: true, handled: false });
    case 'failed':
      // A 5xx so that Fluid's lifecycle sender retries; the event was not marked processed.
      return jsonResponse(500, { error: 'internal_error' });
  }
}
