import { isRecord, type SchemaObject } from './json.js';

/** Decodes one RFC 6901 token (`~1` is `/`, `~0` is `~`), after URI percent-decoding. */
function decodeToken(token: string): string {
  let text = token;
  try {
    text = decodeURIComponent(token);
  } catch {
    // A stray `%` is not an escape; use the token as written.
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Resolves a local `$ref` (`#`, `#/$defs/a`, `#/definitions/a~1b`) against the root schema.
 * Remote and anchor references resolve to undefined: the sampler never does I/O.
 */
export function resolveRef(root: unknown, ref: string): SchemaObject | boolean | undefined {
  if (!ref.startsWith('#')) return undefined;
  const pointer = ref.slice(1);
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  let node: unknown = root;
  if (pointer !== '') {
    for (const token of pointer.slice(1).split('/')) {
      const key = decodeToken(token);
      if (Array.isArray(node)) node = node[Number(key)];
      else if (isRecord(node) && Object.hasOwn(node, key)) node = node[key];
      else return undefined;
    }
  }
  return typeof node === 'boolean' || isRecord(node) ? node : undefined;
}
