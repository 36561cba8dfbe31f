import { hmacHex, type RawBody, signedMessage } from './crypto.js';
import { usableKeys } from './keys.js';

/** Options for {@link signFluidRequest}. */
export interface SignFluidRequestOptions {
  /** The exact body that will be sent. Objects are not accepted: serialize first so the bytes are fixed. */
  readonly body: RawBody;
  /** The signing key: a `wvt_` token or webhook `auth_token`, the droplet's `dws_` secret, or a `cvt_` token. */
  readonly key: string;
  /**
   * Unix seconds to sign with.
   * @default the current time
   */
  readonly timestamp?: number;
  /**
   * `webhook` adds `X-Fluid-Token` and `AUTH_TOKEN` (Fluid sends the raw key there for the legacy scheme);
   * `callback` adds `X-Fluid-Callback-Token`, the registration's `cvt_` token.
   * @default 'webhook'
   */
  readonly kind?: 'webhook' | 'callback';
  /** The company's `fluid_shop`, sent as `X-Fluid-Shop` (webhooks). */
  readonly shop?: string;
}

/** The headers of a signed delivery, ready to pass to `fetch`. */
export type FluidSignedHeaders = Readonly<Record<string, string>>;

/**
 * Builds the headers Fluid sends with a delivery: `Content-Type`, `X-Fluid-Timestamp`, `X-Fluid-Signature`
 * (lowercase hex HMAC-SHA256 over `"{timestamp}.{body}"`), plus the token headers for the delivery kind.
 * For tests and for the emulator.
 *
 * @example
 * const body = JSON.stringify(event)
 * const headers = await signFluidRequest({ body, key: 'wvt_…', shop: 'acme' })
 * await fetch(url, { method: 'POST', headers, body })
 */
export async function signFluidRequest(options: SignFluidRequestOptions): Promise<FluidSignedHeaders> {
  const { body, key, kind = 'webhook', shop } = options;
  if (usableKeys(key).length === 0)
    throw new TypeError('signFluidRequest: key must be a non-empty string without surrounding whitespace');
  const seconds = options.timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0)
    throw new TypeError('signFluidRequest: timestamp must be whole Unix seconds');
  const timestamp = String(seconds);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Fluid-Timestamp': timestamp,
    'X-Fluid-Signature': await hmacHex(key, signedMessage(timestamp, body)),
  };
  if (shop !== undefined) headers['X-Fluid-Shop'] = shop;
  if (kind === 'callback') {
    headers['X-Fluid-Callback-Token'] = key;
  } else {
    headers['X-Fluid-Token'] = key;
    headers.AUTH_TOKEN = key;
  }
  return headers;
}
