import { childPointer } from '../diagnostics.js';
import { isRecord } from './json.js';

/** A `$ref` read as a local JSON pointer, or the reason it is not one. */
export type ParsedRef =
  | { readonly kind: 'local'; readonly tokens: readonly string[] }
  | { readonly kind: 'remote' }
  | { readonly kind: 'malformed'; readonly reason: string };

/** The JSON pointer of `tokens`, each escaped as RFC 6901 requires. */
export function encodePointer(tokens: readonly string[]): string {
  return tokens.reduce<string>(childPointer, '');
}

/**
 * Reads a `$ref`: `#` and `#/…` are local JSON pointers (percent-decoded, then `~1` → `/` and `~0` → `~`);
 * everything else (URLs, file paths, relative documents, `#anchor`) is remote.
 */
export function parseRef(ref: string): ParsedRef {
  if (ref !== '#' && !ref.startsWith('#/')) return { kind: 'remote' };
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return { kind: 'malformed', reason: 'its percent-encoding is malformed' };
  }
  if (fragment === '') return { kind: 'local', tokens: [] };
  const raw = fragment.slice(1).split('/');
  if (raw.some((token) => /~(?![01])/.test(token))) {
    return { kind: 'malformed', reason: '`~` must be followed by 0 or 1 (RFC 6901)' };
  }
  return { kind: 'local', tokens: raw.map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~')) };
}

/** One step of a JSON pointer: the child of `value` named by `token`, or `undefined` when there is none. */
export function childOf(value: unknown, token: string): unknown {
  if (Array.isArray(value)) {
    if (!/^(?:0|[1-9][0-9]*)$/.test(token)) return undefined;
    return value[Number(token)];
  }
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, token)) return undefined;
  return (value as Record<string, unknown>)[token];
}

/** The value at `tokens` inside `root`, or `undefined`. */
export function childAt(root: unknown, tokens: readonly string[]): unknown {
  let current = root;
  for (const token of tokens) {
    current = childOf(current, token);
    if (current === undefined) return undefined;
  }
  return current;
}

/** True when an object on the way from the root to `tokens` (the root excluded) declares a string `$id`. */
export function underNestedId(root: unknown, tokens: readonly string[]): boolean {
  let current = root;
  for (const token of tokens.slice(0, -1)) {
    current = childOf(current, token);
    if (isRecord(current) && typeof current.$id === 'string') return true;
  }
  return false;
}
