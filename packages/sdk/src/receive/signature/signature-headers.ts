import type { SignatureFailureReason } from '../errors/signature-verification-error.js';
import { parseHexMac } from './crypto.js';
import { type HeadersInput, readSingleHeader } from './header-input.js';
import { FluidHeader } from './header-names.js';

/** The signature headers of a delivery after the cheap checks: syntax and timestamp tolerance. */
export interface SignatureHeaders {
  /** The decoded 32-byte MAC from `X-Fluid-Signature`. */
  readonly mac: Uint8Array<ArrayBuffer>;
  /** `X-Fluid-Timestamp` as sent (digits only), which is what was signed. */
  readonly timestampText: string;
  /** The same, as Unix seconds. */
  readonly timestamp: number;
}

/** The outcome of {@link checkSignatureHeaders}. */
export type SignatureHeadersResult =
  | ({ readonly ok: true } & SignatureHeaders)
  | { readonly ok: false; readonly reason: SignatureFailureReason; readonly header: string };

const TIMESTAMP = /^\d{1,15}$/;

/**
 * The checks that need no key and no body: `X-Fluid-Signature` present once and 64 lowercase hex digits,
 * `X-Fluid-Timestamp` present once, digits only, and within `toleranceSeconds` of `nowMs` in either direction.
 */
export function checkSignatureHeaders(
  headers: HeadersInput,
  toleranceSeconds: number,
  nowMs: number,
): SignatureHeadersResult {
  const signature = readSingleHeader(headers, FluidHeader.signature);
  if (signature.kind !== 'value') return headerFailure(signature.kind, FluidHeader.signature);
  const timestamp = readSingleHeader(headers, FluidHeader.timestamp);
  if (timestamp.kind !== 'value') return headerFailure(timestamp.kind, FluidHeader.timestamp);
  const mac = parseHexMac(signature.value);
  if (mac === undefined) return { ok: false, reason: 'malformed_signature', header: FluidHeader.signature };
  const timestampText = timestamp.value;
  if (!TIMESTAMP.test(timestampText))
    return { ok: false, reason: 'malformed_timestamp', header: FluidHeader.timestamp };
  const seconds = Number(timestampText);
  if (!(Math.abs(Math.floor(nowMs / 1000) - seconds) <= toleranceSeconds))
    return { ok: false, reason: 'timestamp_out_of_tolerance', header: FluidHeader.timestamp };
  return { ok: true, mac, timestampText, timestamp: seconds };
}

function headerFailure(kind: 'missing' | 'duplicate', header: string): SignatureHeadersResult {
  return { ok: false, reason: kind === 'missing' ? 'missing_header' : 'duplicate_header', header };
}
