// Every option is checked when the client is built, so a typo fails at startup with a message that names the
// option, rather than as odd behaviour later (`maxRetries: NaN` used to mean "retry until the deadline").

/** What a numeric option accepts. */
interface NumberRule {
  readonly min: number;
  readonly integer: boolean;
  readonly infinite: boolean;
}

const RULES = {
  timeout: { min: 1, integer: false, infinite: true },
  maxRetries: { min: 0, integer: true, infinite: false },
  maxRetryAfter: { min: 0, integer: false, infinite: true },
  maxPages: { min: 1, integer: true, infinite: true },
  maxResponseBytes: { min: 1, integer: true, infinite: true },
  'retryBackoff.initialDelayMs': { min: 0, integer: false, infinite: false },
  'retryBackoff.maxDelayMs': { min: 0, integer: false, infinite: true },
} satisfies Record<string, NumberRule>;

/** The name of a numeric option. */
export type NumericOption = keyof typeof RULES;

/**
 * Returns `value` (or `fallback` when it is `undefined`) once it fits the option's rule; otherwise throws a
 * `RangeError` (a `TypeError` for a non-number) that names the option and the value.
 */
export function numberOption(where: string, name: NumericOption, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const rule: NumberRule = RULES[name];
  if (typeof value !== 'number') {
    throw new TypeError(`${where}: \`${name}\` must be a number (got ${typeof value})`);
  }
  const finite = Number.isFinite(value);
  const ok =
    (finite || (rule.infinite && value === Number.POSITIVE_INFINITY)) &&
    value >= rule.min &&
    (!finite || !rule.integer || Number.isSafeInteger(value));
  if (!ok) {
    const kind = rule.integer ? 'an integer' : 'a number';
    const bound = rule.infinite ? ' (or Infinity)' : '';
    throw new RangeError(`${where}: \`${name}\` must be ${kind} >= ${rule.min}${bound} (got ${value})`);
  }
  return value;
}

/**
 * Checks the token: a string of visible ASCII characters. A CR, LF or other control character would otherwise
 * fail inside `fetch` with a message that quotes the header, token included, and look like a network error.
 * The message names the option, never the value.
 */
export function checkToken(token: unknown): string | undefined {
  if (token === undefined) return undefined;
  if (typeof token !== 'string') throw new TypeError('FluidClient: `token` must be a string');
  if (!/^[\x21-\x7e]*$/.test(token)) {
    throw new TypeError(
      'FluidClient: `token` must be visible ASCII characters only; it contains a space, a control character ' +
        '(CR, LF, tab, ...) or a non-ASCII character. Check how the token is read (a trailing newline?).',
    );
  }
  return token;
}

/**
 * Checks `baseUrl` and returns it without a trailing slash, path prefix kept: `https://proxy.example/fluid`
 * becomes the base of `https://proxy.example/fluid/api/...`.
 */
export function checkBaseUrl(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('FluidClient: `baseUrl` must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`FluidClient: \`baseUrl\` is not an absolute URL (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`FluidClient: \`baseUrl\` must be an http(s) URL (got ${url.protocol})`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('FluidClient: `baseUrl` must not carry credentials; pass the token as `token`');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError('FluidClient: `baseUrl` must not have a query or a fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
