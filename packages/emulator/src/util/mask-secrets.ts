// Fluid's token prefixes: installation tokens and keys, droplet secrets, callback tokens, exchange tokens, and
// company API tokens (`C-` and a long token, so that a product called "C-3PO" stays readable). A string that looks
// like one is a credential wherever it appears in a body.
const TOKEN = /^(dit_|wvt_|dws_|cvt_|dex_|C-(?=[A-Za-z0-9_-]{16,}$))/;
const SECRET_KEYS = new Set([
  'authentication_token',
  'webhook_verification_token',
  'verification_token',
  'exchange_token',
  'auth_token',
  'webhook_secret',
]);

/** Shows a secret by its prefix and last four characters only, e.g. `dit_…9f2a`. */
export function maskToken(value: string): string {
  const prefix = TOKEN.exec(value)?.[1] ?? '';
  return value.length <= prefix.length + 8 ? `${prefix}…` : `${prefix}…${value.slice(-4)}`;
}

/**
 * A copy of a JSON value with every credential masked: values under secret keys (`authentication_token`,
 * `exchange_token`, …) and any string with a Fluid token prefix. A value too deep to copy becomes a note.
 */
export function maskSecrets(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(
      JSON.stringify(value, (key, item: unknown) =>
        typeof item === 'string' && (TOKEN.test(item) || SECRET_KEYS.has(key)) ? maskToken(item) : item,
      ),
    );
  } catch {
    return '[not shown: too deeply nested]';
  }
}
