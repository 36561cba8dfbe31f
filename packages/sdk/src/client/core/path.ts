/** One path parameter as the caller gave it. */
export type PathParam = string | number;

/**
 * Encodes one path parameter as a segment, or throws a `TypeError` (prefixed by `where`) saying why it cannot be
 * one: an empty id, `.` or `..` would turn `DELETE /webhooks/{id}` into a call on the collection or its parent, and
 * an id that is not well-formed UTF-16 (a lone surrogate) cannot be encoded at all.
 *
 * @example
 * pathSegment(12, 'GET /api/company/webhooks/{id}'); // '12'
 */
export function pathSegment(value: PathParam, where: string): string {
  let problem: string;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return String(value);
    problem = `a numeric id must be a non-negative integer (got ${value})`;
  } else if (typeof value !== 'string') {
    problem = `an id must be a string or a number (got ${typeof value})`;
  } else if (value === '' || value === '.' || value === '..') {
    problem = `an id must not be empty, "." or ".." (got ${JSON.stringify(value)})`;
  } else {
    try {
      return encodeURIComponent(value);
    } catch {
      problem = `an id must be well-formed Unicode (got ${JSON.stringify(value)}, with a lone surrogate)`;
    }
  }
  throw new TypeError(`${where}: ${problem}; nothing was sent`);
}
