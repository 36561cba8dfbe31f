import { matchesPattern } from '../../check/pattern-cache.js';
import { num, type SchemaObject, setOwn, sub, subMap } from '../../schema/json.js';
import { type GenerateContext, widthAt } from '../context.js';
import { planPattern } from '../pattern-strings.js';
import type { GenerateChild } from './arrays.js';

/** Keys tried when additional properties are allowed: unicode, astral, empty and prototype-polluting names. */
export const UNUSUAL_KEYS = ['__proto__', 'constructor', 'ключ', '😀', '', 'with space', 'toString'];

/** The schema that governs a key: its own property schema, matching patterns, or additionalProperties. */
export function schemaForKey(schema: SchemaObject, key: string): SchemaObject | boolean | undefined {
  const own = new Map(subMap(schema, 'properties')).get(key);
  if (own !== undefined) return own;
  const pattern = subMap(schema, 'patternProperties').find(([source]) => matchesPattern(source, key));
  if (pattern) return pattern[1];
  return sub(schema, 'additionalProperties');
}

/** Names for keys beyond `properties`: one per pattern, then unusual names when additional keys are allowed. */
export function extraKeys(schema: SchemaObject, ctx: GenerateContext): string[] {
  const declared = new Set(subMap(schema, 'properties').map(([key]) => key));
  const keys: string[] = [];
  for (const [source] of subMap(schema, 'patternProperties')) {
    const plan = planPattern(source, ctx.random);
    if (plan) keys.push(plan.build('random'), plan.build('min'));
  }
  if (sub(schema, 'additionalProperties') !== false)
    keys.push(...UNUSUAL_KEYS, `extra${ctx.random.int(0, 99)}`);
  return [...new Set(keys)].filter((key) => !declared.has(key));
}

function assemble(entries: readonly [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) setOwn(out, key, value);
  return out;
}

/**
 * Valid object candidates: required keys only, every optional key present, each property's candidates in turn,
 * and extra keys (unicode, `__proto__`) where patternProperties or additionalProperties allow them.
 */
export function objectValues(
  schema: SchemaObject,
  ctx: GenerateContext,
  depth: number,
  child: GenerateChild,
): Record<string, unknown>[] {
  const required = (Array.isArray(schema.required) ? schema.required : []).filter(
    (key): key is string => typeof key === 'string',
  );
  const declared = subMap(schema, 'properties').map(([key]) => key);
  const optional = declared.filter((key) => !required.includes(key));
  const min = num(schema, 'minProperties') ?? 0;
  const max = num(schema, 'maxProperties') ?? Number.POSITIVE_INFINITY;
  const options = new Map<string, unknown[]>();
  const optionsFor = (key: string): unknown[] => {
    let list = options.get(key);
    if (list === undefined) {
      const governing = schemaForKey(schema, key);
      list = governing === false ? [] : child(governing, depth + 1);
      options.set(key, list);
    }
    return list;
  };

  const base: [string, unknown][] = [];
  for (const key of required) {
    const list = optionsFor(key);
    if (list.length === 0) return [];
    base.push([key, list[0]]);
  }
  const fillTo = (entries: [string, unknown][], target: number): [string, unknown][] => {
    const out = [...entries];
    const pool = [...optional, ...extraKeys(schema, ctx)];
    for (const key of pool) {
      if (out.length >= target) break;
      if (out.some(([existing]) => existing === key)) continue;
      const list = optionsFor(key);
      if (list.length > 0) out.push([key, list[0]]);
    }
    return out;
  };
  if (depth >= ctx.maxDepth) return [assemble(fillTo(base, min))];

  const full = fillTo(base, Math.max(min, Math.min(max, required.length + optional.length)));
  const randomSubset = fillTo(
    [
      ...base,
      ...optional
        .filter(() => ctx.random.next() < 0.5)
        .flatMap((key) => {
          const list = optionsFor(key);
          return list.length > 0 ? [[key, ctx.random.pick(list)] as [string, unknown]] : [];
        }),
    ],
    min,
  );
  const out = [assemble(randomSubset), assemble(fillTo(base, min)), assemble(full)];
  const perKey = Math.max(2, Math.floor(widthAt(depth) / Math.max(1, full.length)));
  // Round-robin over keys so that every property's edge values appear before any one key's long tail.
  for (let j = 1; j < perKey; j++) {
    for (const [index, [key]] of full.entries()) {
      const value = optionsFor(key)[j];
      if (value === undefined) continue;
      out.push(assemble(full.map((entry, i): [string, unknown] => (i === index ? [key, value] : entry))));
    }
  }
  const extras = extraKeys(schema, ctx);
  if (extras.length > 0) out.push(assemble(fillTo(full, Math.min(max, full.length + extras.length))));
  for (const key of extras) {
    const list = optionsFor(key);
    if (list.length > 0 && full.length < max) out.push(assemble([...full, [key, list[0]]]));
  }
  return out;
}
