/** One path parameter as the caller gave it. */
export type PathParam = string | number;

/**
 * Encodes one path parameter as a segment, or throws a `TypeError` (prefixed by `where`) when it cannot be
 * one: an empty id, `.` or `..` would turn `DELETE /webhooks/{id}` into a call on the collection or its
 * parent, and an id that is not well-formed UTF-16 (a lone surrogate) cannot be encoded at all.
 *
 * @example
 * pathSegment(12, 'GET /api/company/webhooks/{id}'); // '12'
 */
export function pathSegment(value: PathParam, where: string): string {
  if (
    typeof value === 'number'
      ? Number.isSafeInteger(value) && value >= 0
      : typeof value === 'string' && !['', '.', '..'].includes(value)
  ) {
    try {
      return encodeURIComponent(value);
    } catch {
      // A lone surrogate: refused below.
    }
  }
  const got = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new TypeError(
    `${where}: an id must be a non-negative integer or a well-formed string other than "", "." and ".." (got ${got}); nothing was sent`,
  );
}
