/**
 * Request headers in any of the shapes a runtime hands them over: a Web `Headers` object (or anything that looks a
 * lowercase name up with `get`, as `Headers` does), Node's `IncomingHttpHeaders` (arrays for repeated headers), or
 * a plain record.
 */
export type HeadersInput =
  | Headers
  | HeaderLookup
  | { readonly [name: string]: string | readonly string[] | undefined };

/**
 * Looks a header up by its lowercase name, as `Headers.get` does: the value, with repeated headers joined by a
 * comma, or null when absent.
 */
export interface HeaderLookup {
  get(name: string): string | null;
}

/** The outcome of reading one header that must appear exactly once. */
export type SingleHeader =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'duplicate' };

/**
 * Reads a header that must appear exactly once. A repeated header is reported as a duplicate: Node gives it
 * as an array, a `Headers` object joins the values with a comma, and a plain record may spell the name twice
 * in different cases. Values here (digits, hex, tokens) never legitimately contain a comma. `lower` is the name in
 * lowercase, as `FluidHeader` spells them.
 */
export function readSingleHeader(headers: HeadersInput, lower: string): SingleHeader {
  if (isLookup(headers)) return classify(headers.get(lower) ?? undefined);
  let found: string | readonly string[] | undefined;
  let seen = 0;
  for (const key of Object.keys(headers)) {
    // The length check skips most keys without allocating a lowercased copy.
    if (key.length !== lower.length || (key !== lower && key.toLowerCase() !== lower)) continue;
    const value = headers[key];
    if (value === undefined) continue;
    seen += 1;
    found = value;
  }
  if (seen > 1) return { kind: 'duplicate' };
  if (found === undefined) return { kind: 'missing' };
  if (typeof found !== 'string') {
    if (found.length === 0) return { kind: 'missing' };
    if (found.length > 1) return { kind: 'duplicate' };
    return classify(found[0]);
  }
  return classify(found);
}

function classify(value: string | undefined): SingleHeader {
  if (value === undefined) return { kind: 'missing' };
  const trimmed = value.trim();
  if (trimmed === '') return { kind: 'missing' };
  if (trimmed.includes(',')) return { kind: 'duplicate' };
  return { kind: 'value', value: trimmed };
}

function isLookup(headers: HeadersInput): headers is HeaderLookup {
  // A record's values are strings or arrays, never functions; testing for `get` avoids an `instanceof Headers`
  // (a lazily loaded global on Node) on every header read.
  return typeof (headers as { get?: unknown }).get === 'function';
}
