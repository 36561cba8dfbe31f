// The opening checks every delivery goes through, webhooks and callbacks alike, in this order: method, content
// type, the signature headers (syntax and timestamp tolerance, no key needed), then the body under a size and a time
// limit, and JSON only once the caller has verified the bytes. Each step answers with a FailureReason from the one
// table in outcome.ts, so both pipelines refuse the same input the same way.
import { isRecord } from '../../is-record.js';
import { checkSignatureHeaders, type SignatureHeaders } from '../signature/signature-headers.js';
import type { Incoming } from './incoming.js';
import type { FailureReason } from './outcome.js';
import { isJsonContentType, parseJsonBody } from './parse-json.js';

/** A step's result: its value, or the reason to refuse. */
export type StepResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: FailureReason };

/** Method and content type: only a JSON `POST` is a delivery. */
export function checkRequestLine(incoming: Incoming): FailureReason | undefined {
  if (incoming.method !== 'POST') return 'method_not_allowed';
  if (!isJsonContentType(incoming.contentType)) return 'unsupported_media_type';
  return undefined;
}

/** The signature headers, checked for syntax and timestamp tolerance before any key is looked up. */
export function checkSignature(
  incoming: Incoming,
  toleranceSeconds: number,
  nowMs: number,
): StepResult<SignatureHeaders> {
  const checked = checkSignatureHeaders(incoming.headers, toleranceSeconds, nowMs);
  return checked.ok ? { ok: true, value: checked } : { ok: false, reason: checked.reason };
}

/** The raw body under the size limit (413) and the time limit (408). */
export async function readRequestBody(
  incoming: Incoming,
  maxBytes: number,
  timeoutMs: number | undefined,
): Promise<StepResult<Uint8Array<ArrayBuffer>>> {
  const body = await incoming.readBody(maxBytes, timeoutMs);
  if (body.ok) return { ok: true, value: body.bytes };
  if (body.reason === 'too_large') return { ok: false, reason: 'too_large' };
  if (body.reason === 'timeout') return { ok: false, reason: 'body_timeout' };
  return { ok: false, reason: 'unreadable_body' };
}

/** Verified bytes as a JSON object: strict UTF-8, valid JSON, an object at the top. */
export function parseJsonObject(bytes: Uint8Array): StepResult<Record<string, unknown>> {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty_body' };
  const parsed = parseJsonBody(bytes);
  if (!parsed.ok) return { ok: false, reason: 'invalid_json' };
  if (!isRecord(parsed.value)) return { ok: false, reason: 'not_an_object' };
  return { ok: true, value: parsed.value };
}
