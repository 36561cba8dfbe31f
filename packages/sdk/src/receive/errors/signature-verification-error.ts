import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/**
 * Why a delivery failed verification. Every reason maps to the same 401 response; the code exists for
 * logs and metrics, never for the caller on the other side.
 */
export type SignatureFailureReason =
  | 'missing_header'
  | 'duplicate_header'
  | 'malformed_timestamp'
  | 'malformed_signature'
  | 'timestamp_out_of_tolerance'
  | 'no_usable_key'
  | 'signature_mismatch';

/**
 * Thrown by {@link assertFluidSignature} (and available to callers that prefer exceptions) when a delivery's
 * signature, timestamp or token does not check out. Carries the reason and the header involved, never a key.
 * Part of the SDK's error hierarchy: `instanceof FluidError` matches it too.
 *
 * @example
 * try { await assertFluidSignature(input) } catch (error) {
 *   if (isSignatureVerificationError(error)) log(error.reason)
 * }
 */
export class SignatureVerificationError extends FluidError {
  override readonly name: string = 'SignatureVerificationError';
  /** The machine-readable reason. */
  readonly reason: SignatureFailureReason;
  /** The header the failure is about, when there is one (lowercase). */
  readonly header: string | undefined;

  constructor(reason: SignatureFailureReason, header?: string) {
    super(
      header === undefined
        ? `signature verification failed: ${reason}`
        : `signature verification failed: ${reason} (${header})`,
    );
    this.reason = reason;
    this.header = header;
  }
}

defineErrorKind(SignatureVerificationError, 'SignatureVerificationError');

/** True when `error` is a {@link SignatureVerificationError}, across SDK copies: `SignatureVerificationError.is`. */
export function isSignatureVerificationError(error: unknown): error is SignatureVerificationError {
  return SignatureVerificationError.is(error);
}
