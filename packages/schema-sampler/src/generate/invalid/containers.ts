import { num, type SchemaObject, setOwn, stableKey, sub, subMap } from '../../schema/json.js';
import type { GenerateContext } from '../context.js';
import { planPattern } from '../pattern-strings.js';
import { arrayShape } from '../valid/arrays.js';
import { UNUSUAL_KEYS } from '../valid/objects.js';

/** Produces near misses or valid values for a sub-schema one level deeper. */
export type ChildValues = (schema: SchemaObject | boolean | undefined, depth: number) => unknown[];

function rebuild(entries: readonly [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) setOwn(out, key, value);
  return out;
}

/**
 * Object near misses from a valid object: each required key removed, an unexpected key under
 * `additionalProperties: false` (including `__proto__`), each property given a near-miss value, too few or too
 * many properties.
 */
export function invalidObjects(
  schema: SchemaObject,
  ctx: GenerateContext,
  depth: number,
  base: Record<string, unknown>,
  invalidChild: ChildValues,
  validChild: ChildValues,
): Record<string, unknown>[] {
  const entries = Object.entries(base);
  const out: Record<string, unknown>[] = [];
  const required = Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : [];
  for (const key of required) out.push(rebuild(entries.filter(([name]) => name !== key)));
  const properties = new Map(subMap(schema, 'properties'));
  const additional = sub(schema, 'additionalProperties');
  if (additional === false) {
    for (const key of ['unexpected', ...UNUSUAL_KEYS.slice(0, 3)]) {
      if (!properties.has(key)) out.push(rebuild([...entries, [key, 'x']]));
    }
  } else if (additional !== undefined && additional !== true) {
    for (const value of invalidChild(additional, depth + 1).slice(0, 3))
      out.push(rebuild([...entries, ['extra', value]]));
  }
  for (const [key, propertySchema] of properties) {
    const present = entries.some(([name]) => name === key);
    for (const value of invalidChild(propertySchema, depth + 1).slice(0, depth === 0 ? 6 : 2)) {
      out.push(
        rebuild(
          present
            ? entries.map(([name, v]): [string, unknown] => [name, name === key ? value : v])
            : [...entries, [key, value]],
        ),
      );
    }
  }
  for (const [source, patternSchema] of subMap(schema, 'patternProperties')) {
    const plan = planPattern(source, ctx.random);
    const key = plan?.build('min');
    if (key === undefined || properties.has(key)) continue;
    for (const value of invalidChild(patternSchema, depth + 1).slice(0, 2))
      out.push(rebuild([...entries, [key, value]]));
  }
  const min = num(schema, 'minProperties');
  if (min !== undefined && min > 0) out.push(rebuild(entries.slice(0, min - 1)));
  const max = num(schema, 'maxProperties');
  if (max !== undefined) {
    const grown = [...entries];
    const filler = validChild(additional ?? true, depth + 1)[0] ?? null;
    for (let i = 0; grown.length <= max && i < max + 2; i++) grown.push([`extra${i}`, filler]);
    out.push(rebuild(grown));
  }
  const names = sub(schema, 'propertyNames');
  if (names !== undefined) {
    for (const key of invalidChild(names, depth + 1))
      if (typeof key === 'string') out.push(rebuild([...entries, [key, null]]));
  }
  return out;
}

/**
 * Array near misses from valid arrays: one item too few or too many, a duplicated item under `uniqueItems`, an
 * item replaced by a near miss, an extra item past a closed tuple, and no item matching `contains`.
 */
export function invalidArrays(
  schema: SchemaObject,
  depth: number,
  valid: readonly unknown[][],
  invalidChild: ChildValues,
  validChild: ChildValues,
): unknown[][] {
  const { prefix, rest } = arrayShape(schema);
  const out: unknown[][] = [];
  const min = num(schema, 'minItems');
  const max = num(schema, 'maxItems');
  const longest = valid.reduce<unknown[]>((acc, value) => (value.length > acc.length ? value : acc), []);
  const base = valid.find((value) => value.length > 0) ?? longest;
  if (min !== undefined && min > 0) {
    const shortest = valid.find((value) => value.length === min) ?? base;
    out.push(shortest.slice(0, min - 1));
  }
  const restValid = validChild(rest, depth + 1);
  if (max !== undefined && max < 64) {
    const seen = new Set(longest.map((item) => stableKey(item)));
    const grown = [...longest];
    for (const item of restValid) {
      if (grown.length > max) break;
      if (!seen.has(stableKey(item))) grown.push(item);
    }
    while (grown.length <= max) grown.push(restValid[0] ?? longest[0] ?? null);
    out.push(grown);
  }
  if (schema.uniqueItems === true && base.length > 0 && (max === undefined || base.length < max)) {
    out.push([...base, base[0]]);
  }
  for (let i = 0; i < Math.max(1, prefix.length); i++) {
    const itemSchema = i < prefix.length ? prefix[i] : rest;
    if (itemSchema === undefined || itemSchema === true) continue;
    const template = base.length > i ? base : longest;
    if (template.length < i) continue;
    for (const bad of invalidChild(itemSchema, depth + 1).slice(0, depth === 0 ? 6 : 2)) {
      const copy = [...template];
      copy[i] = bad;
      out.push(copy);
    }
  }
  if (rest === false && prefix.length > 0) out.push([...longest, null]);
  const contains = sub(schema, 'contains');
  if (contains !== undefined) {
    const misses = invalidChild(contains, depth + 1);
    out.push([], misses.slice(0, Math.max(1, min ?? 1)));
  }
  return out;
}
