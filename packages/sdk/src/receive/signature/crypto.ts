// Web Crypto is the portable path (Node 20, Bun, Deno, edge runtimes). Where the runtime also offers node:crypto
// through `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno) it is used instead: the same HMAC, computed
// synchronously, without Web Crypto's per-call job and thread-pool hop, which dominated the callback benchmark.
// No static import of node:crypto, so bundles for edge runtimes are unaffected.

const encoder = new TextEncoder();

interface NodeHmac {
  update(data: Uint8Array | string): NodeHmac;
  digest(): Uint8Array;
  digest(encoding: 'hex'): string;
}

interface NodeCrypto {
  createHmac(algorithm: 'sha256', key: string): NodeHmac;
  createHash(algorithm: 'sha256'): NodeHmac;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  /** The one-shot digest (Node ≥ 20.12): no Hash object per call, about four times cheaper for a short token. */
  hash?: (algorithm: 'sha256', data: string, outputEncoding: 'hex') => string;
}

let webCryptoOnly = false;

/** Forces the Web Crypto path even where node:crypto exists (tests prove both paths agree). Internal. */
export function useWebCryptoOnly(value: boolean): void {
  webCryptoOnly = value;
}

const builtinCrypto: NodeCrypto | undefined = (() => {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const loaded =
    typeof process?.getBuiltinModule === 'function' ? process.getBuiltinModule('node:crypto') : undefined;
  if (typeof loaded !== 'object' || loaded === null) return undefined;
  const candidate = loaded as Partial<NodeCrypto>;
  if (typeof candidate.createHmac !== 'function' || typeof candidate.timingSafeEqual !== 'function')
    return undefined;
  const { createHmac, createHash, timingSafeEqual, hash } = candidate as NodeCrypto;
  return typeof hash === 'function'
    ? { createHmac, createHash, timingSafeEqual, hash }
    : { createHmac, createHash, timingSafeEqual };
})();

function nodeCrypto(): NodeCrypto | undefined {
  return webCryptoOnly ? undefined : builtinCrypto;
}

/** Raw request bytes as runtimes hand them over. A Node `Buffer` is a `Uint8Array`. */
export type RawBody = string | Uint8Array | ArrayBuffer;

function subtle(): SubtleCrypto {
  const crypto = globalThis.crypto;
  if (crypto?.subtle === undefined)
    throw new TypeError('Web Crypto (globalThis.crypto.subtle) is not available');
  return crypto.subtle;
}

/** Bytes of the raw body: strings are UTF-8 encoded, binary input is used as is (no copy of the payload). */
export function bodyBytes(body: RawBody): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  return new Uint8Array(body);
}

/**
 * What is signed: `"{timestamp}.{raw body}"`, kept in two parts so the body is never copied where avoidable.
 * The prefix stays a string (digits and a dot, so its UTF-8 bytes are its characters): node:crypto hashes it
 * without an encoding step.
 */
export interface SignedMessage {
  readonly prefix: string;
  readonly body: Uint8Array;
}

/** The signed message for a timestamp and body. */
export function signedMessage(timestamp: string, body: RawBody): SignedMessage {
  return { prefix: `${timestamp}.`, body: bodyBytes(body) };
}

function joined(message: SignedMessage): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(message.prefix);
  const whole = new Uint8Array(prefix.length + message.body.length);
  whole.set(prefix, 0);
  whole.set(message.body, prefix.length);
  return whole;
}

// Importing a key costs about as much as the HMAC itself; services verify with a handful of keys, so a small
// bounded cache pays off without holding on to many secrets.
const keyCache = new Map<string, Promise<CryptoKey>>();
const KEY_CACHE_LIMIT = 64;

/** Imports (or reuses) an HMAC-SHA256 key for signing and verifying. */
export function hmacKey(secret: string): Promise<CryptoKey> {
  const cached = keyCache.get(secret);
  if (cached !== undefined) return cached;
  const imported = subtle().importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  if (keyCache.size >= KEY_CACHE_LIMIT) {
    const oldest = keyCache.keys().next();
    if (oldest.done !== true) keyCache.delete(oldest.value);
  }
  keyCache.set(secret, imported);
  imported.catch(() => keyCache.delete(secret));
  return imported;
}

/** Lowercase hex HMAC-SHA256 of `message` keyed by `secret`. */
export async function hmacHex(secret: string, message: SignedMessage): Promise<string> {
  const node = nodeCrypto();
  if (node !== undefined)
    return toHex(node.createHmac('sha256', secret).update(message.prefix).update(message.body).digest());
  const mac = await subtle().sign('HMAC', await hmacKey(secret), joined(message));
  return toHex(new Uint8Array(mac));
}

/**
 * Checks a MAC in constant time: `timingSafeEqual` over the two 32-byte MACs with node:crypto (synchronously, so
 * the callback pipeline spends no promise on it), or `subtle.verify`, which compares inside the crypto
 * implementation.
 */
export function hmacVerify(
  secret: string,
  mac: Uint8Array<ArrayBuffer>,
  message: SignedMessage,
): boolean | Promise<boolean> {
  const node = nodeCrypto();
  if (node !== undefined) {
    const expected = node.createHmac('sha256', secret).update(message.prefix).update(message.body).digest();
    return node.timingSafeEqual(expected, mac);
  }
  return hmacKey(secret).then((key) => subtle().verify('HMAC', key, mac, joined(message)));
}

/** SHA-256 digest of a UTF-8 string. */
export async function sha256(value: string): Promise<Uint8Array> {
  const node = nodeCrypto();
  if (node !== undefined) return node.createHash('sha256').update(encoder.encode(value)).digest();
  return new Uint8Array(await subtle().digest('SHA-256', encoder.encode(value)));
}

/**
 * Lowercase hex SHA-256 of a UTF-8 string: the digest registration stores keep instead of a `cvt_` token. Computed
 * synchronously where node:crypto is at hand, with Web Crypto elsewhere.
 */
export function sha256Hex(value: string): string | Promise<string> {
  const node = nodeCrypto();
  if (node !== undefined)
    return node.hash !== undefined
      ? node.hash('sha256', value, 'hex')
      : node.createHash('sha256').update(value).digest('hex');
  return subtle()
    .digest('SHA-256', encoder.encode(value))
    .then((digest) => toHex(new Uint8Array(digest)));
}

/** Compares two byte strings without an early exit; different lengths compare unequal without throwing. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let index = 0; index < length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

/**
 * Decodes a 64-character lowercase hex SHA-256 MAC, or returns undefined when it is malformed (another length,
 * uppercase, or any other character). Checked while decoding, one pass and no regular expression: this runs for
 * every delivery before any key is looked up.
 */
export function parseHexMac(value: string): Uint8Array<ArrayBuffer> | undefined {
  if (value.length !== 64) return undefined;
  const bytes = new Uint8Array(32);
  for (let index = 0; index < 32; index += 1) {
    const high = hexDigit(value.charCodeAt(index * 2));
    const low = hexDigit(value.charCodeAt(index * 2 + 1));
    if (high < 0 || low < 0) return undefined;
    bytes[index] = (high << 4) | low;
  }
  return bytes;
}

/** The value of a lowercase hex digit's char code, or -1 for anything else. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX_PAIRS[byte];
  return out;
}
