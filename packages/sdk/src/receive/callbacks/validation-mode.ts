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
 * Requests are always checked strictly unless told otherwise. Responses are checked strictly in development and
 * tests, and with `warn` in production, so a schema drift is reported rather than breaking checkout.
 */
export function resolveValidation(options: ValidationOptions | undefined): ResolvedValidation {
  const responseDefault: ValidationMode = isProduction() ? 'warn' : 'strict';
  if (typeof options === 'string') return { request: options, response: options };
  return { request: options?.request ?? 'strict', response: options?.response ?? responseDefault };
}

function isProduction(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV === 'production';
}
