/**
 * How a direction is validated: `strict` rejects (400 for requests, 500 for responses), `warn` logs and carries
 * on, `off` skips the check.
 */
export type ValidationMode = 'strict' | 'warn' | 'off';

/** Validation modes per direction, or one mode for both. */
export type ValidationOptions =
  | ValidationMode
  | { readonly request?: ValidationMode; readonly response?: ValidationMode };

/** Resolved modes for both directions. */
export interface ResolvedValidation {
  readonly request: ValidationMode;
  readonly response: ValidationMode;
}

/**
 * Both directions are checked strictly unless told otherwise. Nothing is read from the environment: a service
 * that wants drifted replies reported rather than refused in production says `{ response: 'warn' }`.
 */
export function resolveValidation(options: ValidationOptions | undefined): ResolvedValidation {
  if (typeof options === 'string') return { request: options, response: options };
  return { request: options?.request ?? 'strict', response: options?.response ?? 'strict' };
}
