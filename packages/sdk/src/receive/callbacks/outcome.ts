import { jsonReply, jsonTextReply, type Reply } from '../http/reply.js';
import type { ValidationIssue } from './issues.js';

/** Everything a callback request can come to; {@link callbackReply} is the one place that maps it to an HTTP reply. */
export type CallbackOutcome =
  | { readonly kind: 'method_not_allowed' }
  | { readonly kind: 'unsupported_media_type' }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'malformed'; readonly problem: string }
  | { readonly kind: 'unknown_callback'; readonly name: string | null }
  | { readonly kind: 'invalid_request'; readonly issues: readonly ValidationIssue[] }
  | { readonly kind: 'reply'; readonly text: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed' };

/**
 * The HTTP response for an outcome. Verification failures share one 401 body; server-side failures say nothing
 * about their cause (it is logged instead).
 */
export function callbackReply(outcome: CallbackOutcome): Reply {
  switch (outcome.kind) {
    case 'method_not_allowed':
      return jsonReply(405, { error: 'method_not_allowed' }, { allow: 'POST' });
    case 'unsupported_media_type':
      return jsonReply(415, { error: 'unsupported_media_type', message: 'expected application/json' });
    case 'too_large':
      return jsonReply(413, { error: 'payload_too_large' }, { connection: 'close' });
    case 'unauthorized':
      return jsonReply(401, { error: 'unauthorized' });
    case 'malformed':
      return jsonReply(400, { error: 'bad_request', message: outcome.problem });
    case 'unknown_callback':
      return jsonReply(400, { error: 'unknown_callback', callback_name: outcome.name });
    case 'invalid_request':
      return jsonReply(400, { error: 'invalid_request', issues: outcome.issues });
    case 'reply':
      return jsonTextReply(200, outcome.text);
    case 'timeout':
      return jsonReply(504, { error: 'timeout' });
    case 'failed':
      return jsonReply(500, { error: 'internal_error' });
  }
}
