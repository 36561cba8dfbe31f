import {
  type SignatureFailureReason,
  SignatureVerificationError,
} from '../errors/signature-verification-error.js';
import { hmacVerify, parseHexMac, type RawBody, signedMessage } from './crypto.js';
import { type HeadersInput, readSingleHeader } from './header-input.js';
import { FluidHeader } from './header-names.js';
import { type SigningKeys, usableKeys } from './keys.js';

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

const TIMESTAMP = /^\d{1,15}$/;

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

  const signatureHeader = readSingleHeader(headers, FluidHeader.signature);
  if (signatureHeader.kind !== 'value')
    return fail(headerReason(signatureHeader.kind), FluidHeader.signature);
  const timestampHeader = readSingleHeader(headers, FluidHeader.timestamp);
  if (timestampHeader.kind !== 'value')
    return fail(headerReason(timestampHeader.kind), FluidHeader.timestamp);

  const timestampText = timestampHeader.value;
  if (!TIMESTAMP.test(timestampText)) return fail('malformed_timestamp', FluidHeader.timestamp);
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!(Math.abs(nowSeconds - timestamp) <= toleranceSeconds))
    return fail('timestamp_out_of_tolerance', FluidHeader.timestamp);

  const mac = parseHexMac(signatureHeader.value);
  if (mac === undefined) return fail('malformed_signature', FluidHeader.signature);

  const keys = usableKeys(options.keys);
  if (keys.length === 0) return fail('no_usable_key');

  const message = signedMessage(timestampText, rawBody);
  // Every key is tried, so the time taken does not reveal which key of a rotation matched.
  let matched = false;
  for (const key of keys) matched = (await hmacVerify(key, mac, message)) || matched;
  if (!matched) return fail('signature_mismatch', FluidHeader.signature);
  return { ok: true, timestamp };
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

function headerReason(kind: 'missing' | 'duplicate'): SignatureFailureReason {
  return kind === 'missing' ? 'missing_header' : 'duplicate_header';
}

function fail(reason: SignatureFailureReason, header?: string): VerificationFailure {
  return header === undefined ? { ok: false, reason } : { ok: false, reason, header };
}
