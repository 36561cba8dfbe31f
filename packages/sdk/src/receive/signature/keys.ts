/** One signing key, or several while a key is being rotated. */
export type SigningKeys = string | readonly string[];

/**
 * The keys that can actually verify: a key that is empty, whitespace-only or padded with whitespace (a
 * copy-paste or `.env` slip) is dropped, because Fluid never signs with such a key and accepting an empty
 * key would let anyone forge a signature.
 */
export function usableKeys(keys: SigningKeys | null | undefined): string[] {
  if (keys === null || keys === undefined) return [];
  const list = typeof keys === 'string' ? [keys] : keys;
  return list.filter((key) => typeof key === 'string' && key !== '' && key.trim() === key);
}
