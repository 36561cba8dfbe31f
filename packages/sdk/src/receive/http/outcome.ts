import { jsonReply, type Reply } from './reply.js';

/** Where in the pipeline a delivery was refused or failed. */
export type FailureStage = 'auth' | 'body' | 'request' | 'handler' | 'timeout' | 'reply';

/**
 * Why a delivery was refused or failed: a machine-readable code for logs, metrics and a failure policy. The sender
 * only ever sees the status and a generic body.
 */
export type FailureReason =
  // auth: the credentials or the binding do not check out
  | 'missing_token'
  | 'duplicate_token'
  | 'unknown_registration'
  | 'definition_mismatch'
  | 'store_unavailable'
  | 'missing_header'
  | 'duplicate_header'
  | 'malformed_signature'
  | 'malformed_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'no_usable_key'
  | 'signature_mismatch'
  | 'key_kind_mismatch'
  | 'shop_mismatch'
  // body: the request itself cannot be taken
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'too_large'
  | 'body_timeout'
  | 'unreadable_body'
  | 'empty_body'
  | 'invalid_json'
  | 'not_an_object'
  | 'no_event_name'
  | 'missing_resource'
  // request: a well-formed body that fails the definition's request schema
  | 'invalid_request'
  // handler, timeout, reply
  | 'handler_error'
  | 'deadline'
  | 'invalid_reply'
  | 'unserializable_reply';

/** The stage each reason belongs to. */
export const stageOf: { readonly [R in FailureReason]: FailureStage } = {
  missing_token: 'auth',
  duplicate_token: 'auth',
  unknown_registration: 'auth',
  definition_mismatch: 'auth',
  store_unavailable: 'auth',
  missing_header: 'auth',
  duplicate_header: 'auth',
  malformed_signature: 'auth',
  malformed_timestamp: 'auth',
  timestamp_out_of_tolerance: 'auth',
  no_usable_key: 'auth',
  signature_mismatch: 'auth',
  key_kind_mismatch: 'auth',
  shop_mismatch: 'auth',
  method_not_allowed: 'body',
  unsupported_media_type: 'body',
  too_large: 'body',
  body_timeout: 'body',
  unreadable_body: 'body',
  empty_body: 'body',
  invalid_json: 'body',
  not_an_object: 'body',
  no_event_name: 'body',
  missing_resource: 'body',
  invalid_request: 'request',
  handler_error: 'handler',
  deadline: 'timeout',
  invalid_reply: 'reply',
  unserializable_reply: 'reply',
};

/**
 * Everything a webhook delivery or callback request can come to. {@link defaultReply} is the one table from outcome
 * to HTTP reply, shared by webhooks and callbacks.
 */
export type Outcome =
  | { readonly kind: 'refused'; readonly reason: FailureReason; readonly detail?: unknown }
  | { readonly kind: 'reply'; readonly text: string }
  | { readonly kind: 'handled' }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'in_flight' };

/** The default status per reason: fail closed. */
export const defaultStatus: { readonly [R in FailureReason]: number } = {
  missing_token: 401,
  duplicate_token: 401,
  unknown_registration: 401,
  definition_mismatch: 401,
  store_unavailable: 401,
  missing_header: 401,
  duplicate_header: 401,
  malformed_signature: 401,
  malformed_timestamp: 401,
  timestamp_out_of_tolerance: 401,
  no_usable_key: 401,
  signature_mismatch: 401,
  key_kind_mismatch: 401,
  shop_mismatch: 401,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  too_large: 413,
  body_timeout: 408,
  unreadable_body: 400,
  empty_body: 400,
  invalid_json: 400,
  not_an_object: 400,
  no_event_name: 400,
  missing_resource: 400,
  invalid_request: 400,
  handler_error: 500,
  deadline: 504,
  invalid_reply: 500,
  unserializable_reply: 500,
};

const UNAUTHORIZED = jsonReply(401, { error: 'unauthorized' });
const INTERNAL = jsonReply(500, { error: 'internal_error' });
const HANDLED = jsonReply(200, { received: true });
const IGNORED = jsonReply(202, { received: true, handled: false });
const DUPLICATE = jsonReply(200, { received: true, duplicate: true });
// 503 so that Fluid's lifecycle sender retries later: the first delivery may still fail and release its claim.
const IN_FLIGHT = jsonReply(503, { error: 'in_flight' }, { 'retry-after': '30' });

/**
 * The HTTP reply for an outcome. Every auth failure shares one 401 body whatever its reason, and server-side
 * failures say nothing about their cause (the logger gets the reason).
 */
export function defaultReply(outcome: Outcome): Reply {
  switch (outcome.kind) {
    case 'reply':
      return { status: 200, headers: HANDLED.headers, body: outcome.text };
    case 'handled':
      return HANDLED;
    case 'ignored':
      return IGNORED;
    case 'duplicate':
      return DUPLICATE;
    case 'in_flight':
      return IN_FLIGHT;
    case 'refused':
      return refusalReply(outcome.reason, outcome.detail);
  }
}

function refusalReply(reason: FailureReason, detail: unknown): Reply {
  const status = defaultStatus[reason];
  switch (stageOf[reason]) {
    case 'auth':
      return UNAUTHORIZED;
    case 'handler':
    case 'reply':
      return INTERNAL;
    case 'timeout':
      return jsonReply(status, { error: 'timeout' });
    case 'request':
      return jsonReply(status, { error: 'invalid_request', issues: detail ?? [] });
    case 'body':
      return bodyReply(reason, status, detail);
  }
}

function bodyReply(reason: FailureReason, status: number, detail: unknown): Reply {
  switch (reason) {
    case 'method_not_allowed':
      return jsonReply(status, { error: 'method_not_allowed' }, { allow: 'POST' });
    case 'unsupported_media_type':
      return jsonReply(status, { error: 'unsupported_media_type', message: 'expected application/json' });
    case 'too_large':
      return jsonReply(status, { error: 'payload_too_large' }, { connection: 'close' });
    case 'body_timeout':
      return jsonReply(status, { error: 'request_timeout' }, { connection: 'close' });
    default:
      return jsonReply(status, {
        error: 'bad_request',
        message: typeof detail === 'string' ? detail : (BODY_PROBLEMS[reason] ?? reason),
      });
  }
}

const BODY_PROBLEMS: Partial<Record<FailureReason, string>> = {
  unreadable_body: 'unreadable body',
  empty_body: 'empty body',
  invalid_json: 'the body is not valid UTF-8 JSON',
  not_an_object: 'the body is not a JSON object',
  no_event_name: 'no event name (name, event_name or resource and event)',
  missing_resource: 'the event has no object under its resource key',
};
