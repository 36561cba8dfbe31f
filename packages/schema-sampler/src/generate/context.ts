import { matches } from '../check/matches.js';
import type { Random } from '../random/create-random.js';
import { stableKey } from '../schema/json.js';

/** Shared state of one sampling run. */
export interface GenerateContext {
  /** The schema `$ref`s resolve against. */
  readonly root: unknown;
  readonly random: Random;
  /** Nesting depth beyond which only minimal instances (required keys, shortest arrays) are built. */
  readonly maxDepth: number;
  /** Results per schema object and depth, so shared sub-schemas (`$ref` targets) are generated once per round. */
  readonly memo: WeakMap<object, Map<string, unknown[]>>;
}

/** Returns the memoised result for (schema, key) or computes and stores it; boolean schemas are not memoised. */
export function memoised(
  ctx: GenerateContext,
  schema: unknown,
  key: string,
  compute: () => unknown[],
): unknown[] {
  if (typeof schema !== 'object' || schema === null) return compute();
  let byKey = ctx.memo.get(schema);
  if (byKey === undefined) {
    byKey = new Map();
    ctx.memo.set(schema, byKey);
  }
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  byKey.set(key, value);
  return value;
}

/** Nesting beyond maxDepth + this gives up entirely (a required self-reference has no finite instance). */
export const DEPTH_SLACK = 4;

/** How many candidates a sub-schema contributes at a nesting depth: wide at the top, narrow below. */
export function widthAt(depth: number): number {
  return depth === 0 ? 48 : depth === 1 ? 10 : depth === 2 ? 5 : 3;
}

/** Drops repeats (by canonical JSON) while keeping first-seen order. */
export function dedupe(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = stableKey(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Interleaves lists round-robin so that every source is represented early. */
export function interleave(lists: readonly (readonly unknown[])[]): unknown[] {
  const out: unknown[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

/** Keeps the values that satisfy (or, with `want: false`, violate) the schema. */
export function keep(
  ctx: GenerateContext,
  schema: unknown,
  values: readonly unknown[],
  want: boolean,
): unknown[] {
  return dedupe(values).filter((value) => matches(schema, value, ctx.root) === want);
}

/** A small spread of values of every JSON type, for `true` schemas and type mismatches. */
export function anyValues(): unknown[] {
  return [null, true, 0, -1.5, '', 'text', [], {}, { key: 'value' }, [1, 'two']];
}
