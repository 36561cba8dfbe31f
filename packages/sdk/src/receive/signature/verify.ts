import {
  type SignatureFailureReason,
  SignatureVerificationError,
} from '../errors/signature-verification-error.js';
import { hmacVerify, type RawBody, signedMessage } from './crypto.js';
import type { HeadersInput } from './header-input.js';
import { FluidHeader } from './header-names.js';
import { type SigningKeys, usableKeys } from './keys.js';
import { checkSignatureHeaders, type SignatureHeaders } from './signature-headers.js';

/** Options for {@link verifyFluidSignature}. */
export interface VerifyFluidSignatureOptions {
  /** The request body exactly as received, before any parsing. */
  readonly rawBody: RawBody;
  /** The request headers (Web `Headers`, Node `IncomingHttpHeaders` or a plain record). */
  readonly headers: HeadersInput;
  /** The key, or every key valid during a rotation. Blank or whitespace-padded keys are ignored. */
  readonly keys: SigningKeys;
  /**
   * How far the timestamp may be from `now`, in seconds, in either direction.
   * @default 300
   */
  readonly toleranceSeconds?: number;
  /**
   * The current time, for tests.
   * @default new Date()
   */
  readonly now?: Date;
}

/** The outcome of {@link verifyFluidSignature}: never throws for a bad delivery. */
export type SignatureVerificationResult =
  | { readonly ok: true /** The verified `X-Fluid-Timestamp`, Unix seconds. */; readonly timestamp: number }
  | VerificationFailure;

/** A failed check: the reason and, when one is involved, the header (lowercase). */
export interface VerificationFailure {
  readonly ok: false;
  readonly reason: SignatureFailureReason;
  readonly header?: string;
}

/** Default timestamp tolerance, in seconds, matching Fluid's guidance. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Verifies `X-Fluid-Signature` over the exact raw body: lowercase hex HMAC-SHA256 of `"{X-Fluid-Timestamp}.{body}"`,
 * compared in constant time, against every usable key, with a timestamp tolerance in both directions.
 * Returns a result rather than throwing, so malformed input from the network never becomes an exception;
 * use {@link assertFluidSignature} to throw instead.
 *
 * @example
 * const result = await verifyFluidSignature({ rawBody, headers: request.headers, keys: [current, previous] })
 * if (!result.ok) return new Response(null, { status: 401 })
 */
export async function verifyFluidSignature(
  options: VerifyFluidSignatureOptions,
): Promise<SignatureVerificationResult> {
  const { rawBody, headers, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = new Date() } = options;
  const checked = checkSignatureHeaders(headers, toleranceSeconds, now.getTime());
  if (!checked.ok) return fail(checked.reason, checked.header);
  const keys = usableKeys(options.keys);
  if (keys.length === 0) return fail('no_usable_key');
  const matched = await matchingKey(keys, checked, rawBody);
  if (matched < 0) return fail('signature_mismatch', FluidHeader.signature);
  return { ok: true, timestamp: checked.timestamp };
}

/**
 * The index of the key in `keys` that signed `body`, or -1. Every key is tried, so the time taken does not reveal
 * which key of a rotation matched.
 */
export async function matchingKey(
  keys: readonly string[],
  signature: SignatureHeaders,
  body: RawBody,
): Promise<number> {
  const message = signedMessage(signature.timestampText, body);
  let matched = -1;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    if ((await hmacVerify(key, signature.mac, message)) && matched < 0) matched = index;
  }
  return matched;
}

/**
 * Like {@link verifyFluidSignature}, but throws a {@link SignatureVerificationError} on failure.
 *
 * @example
 * await assertFluidSignature({ rawBody, headers, keys: secret })
 */
export async function assertFluidSignature(
  options: VerifyFluidSignatureOptions,
): Promise<{ timestamp: number }> {
  const result = await verifyFluidSignature(options);
  if (!result.ok) throw new SignatureVerificationError(result.reason, result.header);
  return { timestamp: result.timestamp };
}

function fail(reason: SignatureFailureReason, header?: string): VerificationFailure {
  return header === undefined ? { ok: false, reason } : { ok: false, reason, header };
}
