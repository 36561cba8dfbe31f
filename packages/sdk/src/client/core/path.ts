/** One path parameter as the caller gave it. */
export type PathParam = string | number;

/**
 * Encodes one path parameter, or explains why it cannot be one: an empty id, `.` or `..` would turn
 * `DELETE /webhooks/{id}` into a call on the collection or its parent, and an id that is not well-formed
 * UTF-16 (a lone surrogate) cannot be encoded at all.
 */
export function encodePathParam(value: PathParam): string | { readonly problem: string } {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? String(value)
      : { problem: `a numeric id must be a non-negative integer (got ${value})` };
  }
  if (typeof value !== 'string')
    return { problem: `an id must be a string or a number (got ${typeof value})` };
  if (value === '' || value === '.' || value === '..') {
    return { problem: `an id must not be empty, "." or ".." (got ${JSON.stringify(value)})` };
  }
  try {
    return encodeURIComponent(value);
  } catch {
    return {
      problem: `an id must be well-formed Unicode (got ${JSON.stringify(value)}, with a lone surrogate)`,
    };
  }
}
