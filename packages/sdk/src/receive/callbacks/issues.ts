import type * as z from 'zod';

/** One validation problem, located by a JSON pointer (RFC 6901) into the body. */
export interface ValidationIssue {
  /** `""` for the whole body, `/cart/items/0/price` for a nested value. */
  readonly pointer: string;
  readonly code: string;
  readonly message: string;
}

/** Zod issues as JSON-pointer issues, capped so a hostile body cannot produce an enormous error response. */
export function toValidationIssues(error: z.ZodError, limit = 50): ValidationIssue[] {
  return error.issues.slice(0, limit).map((issue) => ({
    pointer: toPointer(issue.path),
    code: issue.code,
    message: issue.message,
  }));
}

/** Builds a JSON pointer from a path, escaping `~` and `/` as RFC 6901 requires. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
