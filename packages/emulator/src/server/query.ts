import { unprocessable } from './api-error.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './envelopes.js';

/**
 * Reads a list parameter sent flat (`?page=2`, what droplets send) or nested under the object parameter the
 * OpenAPI document names (`?filters[page]=2`, `?query[page]=2`).
 */
export function queryParam(query: URLSearchParams, name: string, container: string): string | undefined {
  return query.get(name) ?? query.get(`${container}[${name}]`) ?? undefined;
}

/**
 * Reads `page` and `per_page` (1-based; per_page at most 100, `defaultPerPage` when absent); a malformed value is a
 * 422 like Fluid's.
 */
export function readPaging(
  query: URLSearchParams,
  container: string,
  defaultPerPage: number = DEFAULT_PER_PAGE,
): { page: number; perPage: number } {
  const page = readPositiveInt(query, 'page', container) ?? 1;
  const perPage = readPositiveInt(query, 'per_page', container) ?? defaultPerPage;
  if (perPage > MAX_PER_PAGE)
    throw unprocessable({ per_page: [`must be less than or equal to ${MAX_PER_PAGE}`] });
  return { page, perPage };
}

/** Reads a boolean filter (`true`/`false`, also `1`/`0`); anything else is a 422. */
export function readBoolean(query: URLSearchParams, name: string, container: string): boolean | undefined {
  const raw = queryParam(query, name, container);
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw unprocessable({ [name]: ['must be true or false'] });
}

/** Reads a positive integer parameter; anything else is a 422. */
export function readPositiveInt(query: URLSearchParams, name: string, container: string): number | undefined {
  const raw = queryParam(query, name, container);
  if (raw === undefined) return undefined;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1) throw unprocessable({ [name]: ['must be a positive integer'] });
  return value;
}
