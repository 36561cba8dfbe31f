import { randomBytes } from 'node:crypto';

/** A source of identifiers and secrets: seeded (reproducible runs) or cryptographic. */
export interface IdSource {
  /** A random integer in [0, 2^32). */
  next(): number;
  /** `length` characters from the base62 alphabet. */
  token(length: number): string;
  /** An RFC 4122 version 4 UUID string. */
  uuid(): string;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Creates an {@link IdSource}: mulberry32 when a seed is given, so a seeded emulator hands out the same ids. */
export function createIdSource(seed?: number | string): IdSource {
  const next = seed === undefined ? cryptoNext : mulberry32(hashSeed(seed));
  const token = (length: number): string => {
    let out = '';
    // 62 does not divide 2^32 evenly; the bias is below 2^-26 per character, which is fine for test ids.
    for (let i = 0; i < length; i++) out += ALPHABET[next() % ALPHABET.length];
    return out;
  };
  const uuid = (): string => {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const n = next();
      bytes[i] = n & 0xff;
      bytes[i + 1] = (n >>> 8) & 0xff;
      bytes[i + 2] = (n >>> 16) & 0xff;
      bytes[i + 3] = (n >>> 24) & 0xff;
    }
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return { next, token, uuid };
}

function cryptoNext(): number {
  return randomBytes(4).readUInt32LE(0);
}

function hashSeed(seed: number | string): number {
  const text = String(seed);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function mulberry32(start: number): () => number {
  let a = start;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}
