import { defineErrorKind, FluidError } from '../errors/fluid-error.js';

/** Why a store call failed. */
export type StoreErrorCode =
  /** A record or argument handed to a store is malformed (a programming error). */
  | 'invalid-input'
  /** An encryption key is missing, malformed or duplicated. */
  | 'invalid-encryption-key'
  /** A stored secret could not be decrypted: its key is not among `encryptionKeys`, or it was altered. */
  | 'decryption-failed'
  /** The database refused or failed a query (its message and code are kept, never a secret). */
  | 'query-failed'
  /** The schema is missing or older than this code: run `migrate()`. */
  | 'not-migrated'
  /** A migration failed; nothing of it was applied. */
  | 'migration-failed';

/**
 * The error every store throws (memory and PostgreSQL): says what failed and where, never a token, a key or a
 * secret. `StoreError.is(error)` (or `instanceof`) matches it from any copy of the SDK; it is a `FluidError` too.
 *
 * @example
 * try { await installations.get(uuid) } catch (error) {
 *   if (StoreError.is(error) && error.code === 'decryption-failed') alertOps(error.message);
 * }
 */
export class StoreError extends FluidError {
  override readonly name: string = 'StoreError';
  /** The machine-readable reason. */
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

defineErrorKind(StoreError, 'StoreError');
