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
  if ((await matchingToken(header.value, tokens)) < 0)
    return { ok: false, reason: 'signature_mismatch', header: FluidHeader.legacyAuthToken };
  return { ok: true };
}

/**
 * The index of the token in `tokens` equal to `presented`, or -1. Both sides are hashed first and every token is
 * compared, so neither the lengths nor the position of the match show in the time taken.
 */
export async function matchingToken(presented: string, tokens: readonly string[]): Promise<number> {
  const digest = await sha256(presented);
  let matched = -1;
  for (let index = 0; index < tokens.length; index += 1) {
    const equal = constantTimeEqual(digest, await sha256(tokens[index] as string));
    if (equal && matched < 0) matched = index;
  }
  return matched;
}
