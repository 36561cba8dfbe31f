import { num, type SchemaObject, stableKey, sub, subList } from '../../schema/json.js';
import { type GenerateContext, widthAt } from '../context.js';

/** Generates valid candidates for a sub-schema one level deeper. */
export type GenerateChild = (schema: SchemaObject | boolean | undefined, depth: number) => unknown[];

/** Arrays longer than this are never built (a huge `minItems` yields no candidates rather than a slow run). */
const LONGEST = 64;

/** The tuple part and the schema for the remaining items, in 2020-12 or draft-07 spelling. */
export function arrayShape(schema: SchemaObject): {
  prefix: (SchemaObject | boolean)[];
  rest: SchemaObject | boolean | undefined;
} {
  const prefix = subList(schema, 'prefixItems') ?? subList(schema, 'items') ?? [];
  const rest = Array.isArray(schema.items) ? sub(schema, 'additionalItems') : sub(schema, 'items');
  return { prefix, rest };
}

/**
 * Valid array candidates: empty (when allowed), shortest and longest lengths, each item candidate in turn, and
 * distinct items when `uniqueItems` is set.
 */
export function arrayValues(
  schema: SchemaObject,
  ctx: GenerateContext,
  depth: number,
  child: GenerateChild,
): unknown[][] {
  const { prefix, rest } = arrayShape(schema);
  const min = num(schema, 'minItems') ?? 0;
  const max = Math.min(
    num(schema, 'maxItems') ?? Number.POSITIVE_INFINITY,
    rest === false ? prefix.length : LONGEST,
  );
  if (min > max || min > LONGEST) return [];
  const prefixOptions = prefix.map((item) => child(item, depth + 1));
  const restOptions = max > prefix.length ? child(rest, depth + 1) : [];
  const contains = sub(schema, 'contains');
  const containsOptions = contains === undefined ? [] : child(contains, depth + 1);
  const unique = schema.uniqueItems === true;

  const build = (length: number, offset: number): unknown[] | undefined => {
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < length; i++) {
      const options = i < prefix.length ? (prefixOptions[i] ?? []) : restOptions;
      if (options.length === 0) return undefined;
      let choice: unknown;
      for (let attempt = 0; attempt < options.length; attempt++) {
        const candidate = options[(i + offset + attempt) % options.length];
        if (!unique || !seen.has(stableKey(candidate))) {
          choice = candidate;
          break;
        }
        if (attempt === options.length - 1) return undefined;
      }
      seen.add(stableKey(choice));
      out.push(choice);
    }
    const needed = containsOptions[offset % Math.max(1, containsOptions.length)];
    if (contains !== undefined && containsOptions.length > 0 && out.length > prefix.length) {
      out[out.length - 1] = needed;
    } else if (contains !== undefined && containsOptions.length > 0 && out.length < max) out.push(needed);
    return out;
  };

  const casualMax = Math.min(max, Math.max(min, prefix.length) + 3);
  const lengths =
    depth >= ctx.maxDepth ? [min] : [ctx.random.int(min, casualMax), min, Math.max(min, 1), casualMax];
  if (depth < ctx.maxDepth && Number.isFinite(max) && max <= LONGEST) lengths.push(max);
  const out: (unknown[] | undefined)[] = lengths.map((length, i) => build(length, i));
  if (depth < ctx.maxDepth) {
    const single = Math.max(min, 1, prefix.length);
    const variety = Math.max(restOptions.length, ...prefixOptions.map((options) => options.length));
    for (let offset = 1; offset < Math.min(variety, widthAt(depth)); offset++) {
      if (single <= max) out.push(build(single, offset));
    }
  }
  return out.filter((value): value is unknown[] => value !== undefined);
}
