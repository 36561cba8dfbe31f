// Where in an instance a schema node applies, and how to put a candidate value there.
import { isRecord } from '../schema/json.js';

/** One step from an instance to the value a schema node validates. */
export type PathStep =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  /** A key no `properties` entry names (what `additionalProperties` applies to). */
  | { readonly kind: 'extra' };

/** The key used for an undeclared property in counterexamples. */
export const EXTRA_KEY = 'unlisted_property';

/** The value at `path` inside `instance`, or `undefined` when the path does not exist there. */
export function valueAt(instance: unknown, path: readonly PathStep[]): unknown {
  let current = instance;
  for (const step of path) {
    if (step.kind === 'index') {
      if (!Array.isArray(current)) return undefined;
      current = current[step.index];
    } else {
      if (!isRecord(current)) return undefined;
      const key = step.kind === 'key' ? step.key : EXTRA_KEY;
      current = Object.hasOwn(current, key) ? current[key] : undefined;
    }
  }
  return current;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setOwn(out, key, copy(item));
  return out;
}

/**
 * A copy of `instance` with `value` at `path`: missing objects on the way are created empty, an array
 * grows by one element at most; `undefined` when the path cannot exist in this instance.
 */
export function withValueAt(instance: unknown, path: readonly PathStep[], value: unknown): unknown {
  if (path.length === 0) return copy(value);
  const root = copy(instance);
  let current: unknown = root;
  for (const [position, step] of path.entries()) {
    const last = position === path.length - 1;
    const next = path[position + 1];
    const fresh = (): unknown => (next?.kind === 'index' ? [] : {});
    if (step.kind === 'index') {
      if (!Array.isArray(current) || step.index > current.length) return undefined;
      if (last) current[step.index] = copy(value);
      else {
        if (step.index === current.length) current.push(fresh());
        current = current[step.index];
      }
      continue;
    }
    if (!isRecord(current)) return undefined;
    const target = current as Record<string, unknown>;
    const key = step.kind === 'key' ? step.key : EXTRA_KEY;
    if (last) setOwn(target, key, copy(value));
    else {
      if (!Object.hasOwn(target, key)) setOwn(target, key, fresh());
      current = target[key];
    }
  }
  return root;
}

/** The path as an instance JSON pointer, for messages (`/items/0/sku`). */
export function describePath(path: readonly PathStep[]): string {
  return path
    .map((step) => {
      if (step.kind === 'index') return `/${step.index}`;
      const key = step.kind === 'key' ? step.key : EXTRA_KEY;
      return `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    })
    .join('');
}
