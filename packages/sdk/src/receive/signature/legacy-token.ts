import { constantTimeEqual, sha256 } from './crypto.js';
import { type HeadersInput, readSingleHeader } from './header-input.js';
import { FluidHeader } from './header-names.js';
import { type SigningKeys, usableKeys } from './keys.js';
import type { VerificationFailure } from './verify.js';

/** Options for {@link verifyLegacyToken}. */
export interface VerifyLegacyTokenOptions {
  /** The request headers. */
  readonly headers: HeadersInput;
  /** The webhook's token, or several during a rotation. */
  readonly tokens: SigningKeys;
}

/** The outcome of {@link verifyLegacyToken}. */
export type LegacyTokenResult = { readonly ok: true } | VerificationFailure;

/**
 * The legacy static-token check: the `AUTH_TOKEN` header must equal one of `tokens`. It proves nothing about the
 * body and has no replay protection, so the webhook handler uses it only when explicitly enabled. Both sides
 * are hashed with SHA-256 first, so the comparison is constant time whatever the lengths.
 *
 * @example
 * const result = await verifyLegacyToken({ headers: request.headers, tokens: webhookAuthToken })
 */
export async function verifyLegacyToken(options: VerifyLegacyTokenOptions): Promise<LegacyTokenResult> {
  const header = readSingleHeader(options.headers, FluidHeader.legacyAuthToken);
  if (header.kind === 'missing')
    return { ok: false, reason: 'missing_header', header: FluidHeader.legacyAuthToken };
  if (header.kind === 'duplicate')
    return { ok: false, reason: 'duplicate_header', header: FluidHeader.legacyAuthToken };
  const tokens = usableKeys(options.tokens);
  if (tokens.length === 0) return { ok: false, reason: 'no_usable_key' };
  const presented = await sha256(header.value);
  const expected = await Promise.all(tokens.map(sha256));
  let matched = false;
  for (const digest of expected) matched = constantTimeEqual(presented, digest) || matched;
  if (!matched) return { ok: false, reason: 'signature_mismatch', header: FluidHeader.legacyAuthToken };
  return { ok: true };
}
