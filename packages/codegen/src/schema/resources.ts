import { childPointer } from '../diagnostics.js';
import { isRecord } from './json.js';
import { SCHEMA_ARRAY_KEYWORDS, SCHEMA_KEYWORDS, SCHEMA_MAP_KEYWORDS } from './keyword-kinds.js';

/**
 * The base URI of a document without a root `$id`. `.invalid` is reserved (RFC 2606), so no real
 * reference can mean it; relative `$id`s and `$ref`s still resolve against it as they would against a file.
 */
export const DEFAULT_BASE = 'https://fluid-codegen.invalid/schema.json';

/** Where a `$ref` leads: a node of this document (by pointer), or why it does not resolve here. */
export type Resolved =
  | { readonly kind: 'local'; readonly pointer: string; readonly anchor: string | undefined }
  | { readonly kind: 'remote'; readonly uri: string }
  | { readonly kind: 'dangling'; readonly uri: string }
  | { readonly kind: 'malformed'; readonly reason: string };

interface Node {
  readonly base: string;
  /** Pointer of the schema resource the node belongs to (the nearest node with `$id`, or the root). */
  readonly resource: string;
}

/** The URI without its fragment, and the fragment (without `#`, percent-decoded). */
function split(url: URL): { absolute: string; fragment: string } | undefined {
  let fragment: string;
  try {
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    return undefined;
  }
  const copy = new URL(url.href);
  copy.hash = '';
  return { absolute: copy.href.replace(/#$/, ''), fragment };
}

function parseUri(reference: string, base: string): URL | undefined {
  try {
    return new URL(reference, base);
  } catch {
    return undefined;
  }
}

/** Sub-schema positions of a raw (not yet normalized) node, draft-07 spellings included. */
function children(node: Record<string, unknown>, pointer: string): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  for (const [keyword, value] of Object.entries(node)) {
    const at = childPointer(pointer, keyword);
    if (SCHEMA_KEYWORDS.has(keyword) || keyword === 'additionalItems') {
      if (Array.isArray(value) && keyword === 'items') {
        for (const [index, item] of value.entries()) found.push([childPointer(at, index), item]);
      } else found.push([at, value]);
    } else if (SCHEMA_ARRAY_KEYWORDS.has(keyword) && Array.isArray(value)) {
      for (const [index, item] of value.entries()) found.push([childPointer(at, index), item]);
    } else if ((SCHEMA_MAP_KEYWORDS.has(keyword) || keyword === 'dependencies') && isRecord(value)) {
      for (const [name, item] of Object.entries(value)) found.push([childPointer(at, name), item]);
    }
  }
  return found;
}

/**
 * Every schema resource, `$anchor` and `$dynamicAnchor` of one document, so `$ref` and `$dynamicRef`
 * resolve inside it exactly as RFC 3986 and JSON Schema 2020-12 say, without reading anything else:
 * embedded resources (`$id` below the root, absolute or relative, URLs or URNs), `#name` anchors and
 * `#/json/pointer` fragments relative to the resource they name.
 */
export class SchemaIndex {
  readonly #nodes = new Map<string, Node>();
  readonly #resources = new Map<string, string>();
  readonly #anchors = new Map<string, string>();
  /** `$dynamicAnchor`s by resource pointer: name → pointer of the node that declares it. */
  readonly #dynamic = new Map<string, Map<string, string>>();
  readonly #dynamicAt = new Map<string, string>();
  /** Problems found while indexing (`$id` that is not a URI reference), by pointer. */
  readonly problems: Array<{ pointer: string; message: string }> = [];
  /** Names of `$dynamicAnchor`s some `$dynamicRef` can reach dynamically: the only ones scopes need. */
  readonly dynamicNames = new Set<string>();

  constructor(root: unknown) {
    const dynamicRefs: Array<{ ref: string; base: string }> = [];
    const stack: Array<{ value: unknown; pointer: string; base: string; resource: string }> = [
      { value: root, pointer: '', base: DEFAULT_BASE, resource: '' },
    ];
    this.#resources.set(DEFAULT_BASE, '');
    // A sub-tree shared by identity (possible from JS callers, not from JSON text) is indexed once.
    const visited = new WeakSet<object>();
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      const { value, pointer } = item;
      if (!isRecord(value) || visited.has(value)) continue;
      visited.add(value);
      let { base, resource } = item;
      if (typeof value.$id === 'string') {
        const parsed = parseUri(value.$id, base);
        const parts = parsed === undefined ? undefined : split(parsed);
        if (parts === undefined) {
          this.problems.push({
            pointer: childPointer(pointer, '$id'),
            message: `$id ${JSON.stringify(value.$id)} is not a URI reference`,
          });
        } else {
          base = parts.absolute;
          resource = pointer;
          if (!this.#resources.has(base)) this.#resources.set(base, pointer);
        }
      }
      this.#nodes.set(pointer, { base, resource });
      for (const keyword of ['$anchor', '$dynamicAnchor'] as const) {
        const name = value[keyword];
        if (typeof name !== 'string') continue;
        const key = `${base}#${name}`;
        if (!this.#anchors.has(key) || keyword === '$anchor') this.#anchors.set(key, pointer);
        if (keyword === '$dynamicAnchor') {
          const declared = this.#dynamic.get(resource) ?? new Map<string, string>();
          if (!declared.has(name)) declared.set(name, pointer);
          this.#dynamic.set(resource, declared);
          this.#dynamicAt.set(pointer, name);
        }
      }
      if (typeof value.$dynamicRef === 'string') dynamicRefs.push({ ref: value.$dynamicRef, base });
      for (const [at, child] of children(value, pointer).reverse()) {
        stack.push({ value: child, pointer: at, base, resource });
      }
    }
    for (const { ref, base } of dynamicRefs) {
      const target = this.resolve(ref, base);
      if (target.kind === 'local' && target.anchor !== undefined) {
        if (this.#dynamicAt.get(target.pointer) === target.anchor) this.dynamicNames.add(target.anchor);
      }
    }
  }

  /** The indexed node at `pointer`, or the nearest indexed ancestor (a `$ref` may point into a keyword). */
  #node(pointer: string): Node {
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
      const node = this.#nodes.get(at);
      if (node !== undefined) return node;
      if (at === '') return { base: DEFAULT_BASE, resource: '' };
    }
  }

  /** The base URI `$ref`s inside the node at `pointer` resolve against. */
  baseOf(pointer: string): string {
    return this.#node(pointer).base;
  }

  /** Pointer of the schema resource that holds `pointer`. */
  resourceOf(pointer: string): string {
    return this.#node(pointer).resource;
  }

  /** True when the node at `pointer` starts a schema resource (the root, or a node with `$id`). */
  isResource(pointer: string): boolean {
    return pointer === '' || this.#nodes.get(pointer)?.resource === pointer;
  }

  /** The `$dynamicAnchor`s the resource at `pointer` declares (name → node pointer), only the dynamic ones. */
  dynamicAnchorsOf(resource: string): ReadonlyArray<readonly [string, string]> {
    const declared = this.#dynamic.get(resource);
    if (declared === undefined) return [];
    return [...declared].filter(([name]) => this.dynamicNames.has(name));
  }

  /** The `$dynamicAnchor` name the node at `pointer` declares, if any. */
  dynamicAnchorAt(pointer: string): string | undefined {
    return this.#dynamicAt.get(pointer);
  }

  /** Resolves a `$ref` (or `$dynamicRef`) written in a node whose base URI is `base`. */
  resolve(reference: string, base: string): Resolved {
    const url = parseUri(reference, base);
    if (url === undefined) {
      return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(reference) || reference.startsWith('#')
        ? { kind: 'malformed', reason: 'it is not a URI reference' }
        : { kind: 'remote', uri: reference };
    }
    const parts = split(url);
    if (parts === undefined) return { kind: 'malformed', reason: 'its percent-encoding is malformed' };
    const resource = this.#resources.get(parts.absolute);
    if (resource === undefined) return { kind: 'remote', uri: url.href };
    const { fragment } = parts;
    if (fragment === '') return { kind: 'local', pointer: resource, anchor: undefined };
    if (fragment.startsWith('/')) {
      const raw = fragment.slice(1).split('/');
      if (raw.some((token) => /~(?![01])/.test(token))) {
        return { kind: 'malformed', reason: '`~` must be followed by 0 or 1 (RFC 6901)' };
      }
      const tokens = raw.map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
      return { kind: 'local', pointer: tokens.reduce<string>(childPointer, resource), anchor: undefined };
    }
    const anchored = this.#anchors.get(`${parts.absolute}#${fragment}`);
    if (anchored === undefined) return { kind: 'dangling', uri: url.href };
    return { kind: 'local', pointer: anchored, anchor: fragment };
  }
}
