import { INTEGER_FORMATS } from '../../formats/formats.js';
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
import { arrayValues } from './arrays.js';
import { typesToGenerate } from './infer-types.js';
import { numberValues } from './numbers.js';
import { objectValues } from './objects.js';
import { stringValues } from './strings.js';

function byType(type: string, schema: SchemaObject, ctx: GenerateContext, depth: number): unknown[] {
  const child = (next: SchemaObject | boolean | undefined, nextDepth: number): unknown[] =>
    validValues(next ?? true, ctx, nextDepth);
  switch (type) {
    case 'null':
      return [null];
    case 'boolean':
      return ctx.random.next() < 0.5 ? [true, false] : [false, true];
    case 'integer':
      return numberValues(schema, ctx, true);
    case 'number': {
      const range = typeof schema.format === 'string' ? INTEGER_FORMATS[schema.format] : undefined;
      if (range === undefined) return numberValues(schema, ctx, false);
      return numberValues(
        mergeSchemas({ minimum: range.min, maximum: range.max }, schema) as SchemaObject,
        ctx,
        true,
      );
    }
    case 'string':
      return stringValues(schema, ctx);
    case 'array':
      return arrayValues(schema, ctx, depth, child);
    case 'object':
      return objectValues(schema, ctx, depth, child);
    default:
      return [];
  }
}

/** Candidates before filtering: applicators are expanded into merged schemas, then each type is generated. */
function unfiltered(
  schema: SchemaObject | boolean,
  ctx: GenerateContext,
  depth: number,
  budget: number,
): unknown[] {
  const node = dereference(ctx.root, schema);
  if (node === false || budget <= 0) return [];
  if (node === true) return anyValues();
  const allOf = subList(node, 'allOf');
  if (allOf) {
    const merged = allOf.reduce<SchemaObject | boolean>(
      (acc, branch) => mergeSchemas(acc, dereference(ctx.root, branch)),
      omit(node, 'allOf'),
    );
    return unfiltered(merged, ctx, depth, budget - 1);
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = subList(node, key);
    if (branches) {
      const rest = omit(node, key);
      return interleave(
        branches.map((branch) =>
          unfiltered(mergeSchemas(rest, dereference(ctx.root, branch)), ctx, depth, budget - 1),
        ),
      );
    }
  }
  const condition = sub(node, 'if');
  if (condition !== undefined) {
    const rest = omit(node, 'if', 'then', 'else');
    const yes = mergeSchemas(mergeSchemas(rest, condition), sub(node, 'then') ?? true);
    const no = mergeSchemas(rest, sub(node, 'else') ?? true);
    return interleave([unfiltered(yes, ctx, depth, budget - 1), unfiltered(no, ctx, depth, budget - 1)]);
  }
  if ('const' in node) return [node.const];
  if (Array.isArray(node.enum)) return [...node.enum];
  const { types, inferred } = typesToGenerate(node);
  const lists = types.map((type) => byType(type, node, ctx, depth));
  if (inferred && types.length < 4) lists.push([null, 'text', 7]);
  return interleave(lists);
}

/**
 * Instances that satisfy the schema as far as the sampler's own checker can tell, widest at the top level and
 * narrower when nested; empty when nothing valid was found (a `false` schema, contradictory keywords, or
 * recursion deeper than `maxDepth` allows).
 */
export function validValues(schema: unknown, ctx: GenerateContext, depth: number): unknown[] {
  if (typeof schema !== 'boolean' && !isRecord(schema)) return anyValues();
  if (depth > ctx.maxDepth + DEPTH_SLACK) return [];
  return memoised(ctx, schema, `valid:${depth}`, () =>
    keep(ctx, schema, unfiltered(schema, ctx, depth, 16), true).slice(0, widthAt(depth)),
  );
}
