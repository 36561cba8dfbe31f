import { ApiError, unprocessable } from '../server/api-error.js';

/** A field-error collector: routes add messages per field, then fail with one 422 listing all of them. */
export class FieldErrors {
  readonly #errors: Record<string, string[]> = {};

  add(field: string, message: string): void {
    const list = this.#errors[field] ?? [];
    list.push(message);
    this.#errors[field] = list;
  }

  /** Throws a 422 `ErrorResponse` when any field failed. */
  throwIfAny(): void {
    if (Object.keys(this.#errors).length > 0) throw unprocessable(this.#errors);
  }
}

/** Reads the object nested under `key` (`{ webhook: {...} }`); a missing or non-object one is a 422 naming `key`. */
export function nested(body: unknown, key: string): Record<string, unknown> {
  const value = isRecord(body) ? body[key] : undefined;
  if (!isRecord(value)) throw unprocessable({ [key]: ['is missing or not an object'] });
  return value;
}

/**
 * Checks a delivery URL. Fluid requires public HTTPS in production; the emulator also accepts `http:` and
 * loopback hosts, since the services it calls run locally.
 */
export function checkUrl(value: unknown, errors: FieldErrors, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    errors.add('url', "can't be blank");
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    errors.add('url', 'is not a valid URL');
    return undefined;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    errors.add('url', 'is not a valid URL');
    return undefined;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    errors.add('url', 'must not contain credentials');
    return undefined;
  }
  return value;
}

/** Checks an optional boolean field. */
export function checkBoolean(value: unknown, field: string, errors: FieldErrors): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    errors.add(field, 'must be true or false');
    return undefined;
  }
  return value;
}

/** Checks a required non-empty string field. */
export function checkRequiredString(value: unknown, field: string, errors: FieldErrors): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.add(field, "can't be blank");
    return undefined;
  }
  return value;
}

/** A 404 for an id path parameter that is not even well-formed. */
export function parseNumericId(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) throw new ApiError(404, `${what} not found`);
  return Number(raw);
}

/** Narrows to a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
