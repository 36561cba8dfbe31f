const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The outcome of decoding and parsing a JSON body. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/**
 * Decodes strict UTF-8 (invalid sequences are an error, not U+FFFD) and parses JSON. `JSON.parse` turns a
 * `__proto__` key into an own property, never a prototype change, and nothing here merges parsed objects,
 * so hostile keys stay inert data.
 */
export function parseJsonBody(bytes: Uint8Array): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

/** True for `application/json` and `application/*+json`, with any parameters. */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  if (value === 'application/json') return true;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
