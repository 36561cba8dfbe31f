import { declaredTypes } from '../../check/matches.js';
import { isRecord, type SchemaObject, sub, subList } from '../../schema/json.js';
import { dereference, mergeSchemas, omit } from '../../schema/merge.js';
import {
  anyValues,
  DEPTH_SLACK,
  type GenerateContext,
  interleave,
  keep,
  memoised,
  widthAt,
} from '../context.js';
import { validValues } from '../valid/generate-valid.js';
import { invalidArrays, invalidObjects } from './containers.js';
import { nearby, wrongTypes } from './mutations.js';
import { invalidNumbers, invalidStrings } from './scalars.js';

/** Near misses for one (dereferenced) schema object, before filtering. */
function unfiltered(schema: SchemaObject, ctx: GenerateContext, depth: number): unknown[] {
  const invalidChild = (next: SchemaObject | boolean | undefined, nextDepth: number): unknown[] =>
    next === undefined ? [] : invalidValues(next, ctx, nextDepth);
  const validChild = (next: SchemaObject | boolean | undefined, nextDepth: number): unknown[] =>
    validValues(next ?? true, ctx, nextDepth);
  // One list per kind of near miss, interleaved at the end so that a truncated list still has every kind.
  const groups: unknown[][] = [];
  const out = { push: (...values: unknown[]): void => void groups.push(values) };
  const types = declaredTypes(schema);
  if (types) out.push(...wrongTypes(types));
  if ('const' in schema) out.push(...nearby(schema.const));
  if (Array.isArray(schema.enum)) out.push(...schema.enum.flatMap(nearby), 'not-a-member');

  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = subList(schema, key);
    if (!branches) continue;
    const rest = omit(schema, key);
    for (const branch of branches) {
      const merged = mergeSchemas(rest, dereference(ctx.root, branch));
      out.push(...invalidChild(merged, depth));
      // A value matching two oneOf branches is valid for each and invalid for the whole.
      if (key === 'oneOf') out.push(...validValues(merged, ctx, depth + 1));
    }
  }
  const not = sub(schema, 'not');
  if (not !== undefined) out.push(...validValues(mergeSchemas(omit(schema, 'not'), not), ctx, depth + 1));
  const condition = sub(schema, 'if');
  if (condition !== undefined) {
    const rest = omit(schema, 'if', 'then', 'else');
    const then = sub(schema, 'then');
    const otherwise = sub(schema, 'else');
    if (then !== undefined) out.push(...validValues(mergeSchemas(rest, condition), ctx, depth + 1));
    if (otherwise !== undefined) out.push(...invalidChild(mergeSchemas(rest, otherwise), depth));
  }

  const valid = validValues(schema, ctx, depth);
  const strings = valid.filter((value): value is string => typeof value === 'string');
  if (strings.length > 0 || types?.includes('string')) out.push(...invalidStrings(schema, strings));
  for (const integer of [true, false]) {
    if (!types?.includes(integer ? 'integer' : 'number') && !(types === undefined && !integer)) continue;
    const numbers = valid.filter((value): value is number => typeof value === 'number');
    out.push(...invalidNumbers(schema, integer, numbers));
  }
  const arrays = valid.filter((value): value is unknown[] => Array.isArray(value));
  if (arrays.length > 0) out.push(...invalidArrays(schema, depth, arrays, invalidChild, validChild));
  const base = valid.find(isRecord);
  if (base) out.push(...invalidObjects(schema, ctx, depth, base, invalidChild, validChild));
  return interleave(groups);
}

/**
 * Near misses: instances that each break (ideally) one constraint of the schema, confirmed invalid by the
 * sampler's own checker; empty for schemas that accept everything.
 */
export function invalidValues(schema: unknown, ctx: GenerateContext, depth: number): unknown[] {
  if (typeof schema !== 'boolean' && !isRecord(schema)) return [];
  if (depth > ctx.maxDepth + DEPTH_SLACK) return [];
  return memoised(ctx, schema, `invalid:${depth}`, () => {
    const node = dereference(ctx.root, schema);
    if (node === true) return [];
    const candidates = node === false ? anyValues() : unfiltered(node, ctx, depth);
    return keep(ctx, schema, candidates, false).slice(0, widthAt(depth) * 2);
  });
}
