import { createRandom } from '../random/create-random.js';
import { dedupe, type GenerateContext } from './context.js';
import { invalidValues } from './invalid/generate-invalid.js';
import type { SampleOptions } from './sample-options.js';
import { validValues } from './valid/generate-valid.js';

const DEFAULT_COUNT = 50;
const DEFAULT_MAX_DEPTH = 4;
/** Extra generation rounds (each with fresh random picks) tried when a first round yields fewer than `count`. */
const ROUNDS = 4;

function collect(
  schema: unknown,
  options: SampleOptions,
  produce: (ctx: GenerateContext) => unknown[],
): unknown[] {
  const count = Math.max(0, Math.floor(options.count ?? DEFAULT_COUNT));
  const random = createRandom(options.seed ?? 0);
  const maxDepth = Math.max(0, Math.floor(options.maxDepth ?? DEFAULT_MAX_DEPTH));
  let found: unknown[] = [];
  for (let round = 0; round < ROUNDS && found.length < count; round++) {
    const before = found.length;
    // A fresh memo per round lets later rounds draw new random values for every sub-schema.
    found = dedupe([...found, ...produce({ root: schema, random, maxDepth, memo: new WeakMap() })]);
    if (round > 0 && found.length === before) break;
  }
  if (found.length > 1) {
    // Lead with a seed-chosen instance so that `count: 1` still varies with the seed.
    const [lead] = found.splice(random.int(0, found.length - 1), 1);
    found.unshift(lead);
  }
  return found.slice(0, count);
}

/**
 * Instances that should satisfy the schema, edge values included: shortest and longest strings (in code points,
 * with astral characters), boundary numbers, empty arrays and objects where allowed, optional keys present and
 * absent, every enum member, unicode and `__proto__` keys where extra keys are allowed. Best effort: patterns
 * beyond simple regular expressions and unsupported keywords can yield invalid instances, so filter with a
 * validator when it matters.
 *
 * @example
 * const orders = sampleValid({ type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } }, { seed: 7 });
 * // [{ id: 512 }, { id: 1 }, { id: 2 }, ...]
 */
export function sampleValid(schema: unknown, options: SampleOptions = {}): unknown[] {
  return collect(schema, options, (ctx) => validValues(schema, ctx, 0));
}

/**
 * Near misses that each break one constraint: wrong type, off-by-one bounds and lengths, a missing required key,
 * an extra key under `additionalProperties: false`, pattern and format violations, duplicate items, a value that
 * matches a second `oneOf` branch.
 *
 * @example
 * sampleInvalid({ type: 'string', minLength: 2 }); // [null, true, 7, 'a', '😀', ...]
 */
export function sampleInvalid(schema: unknown, options: SampleOptions = {}): unknown[] {
  return collect(schema, options, (ctx) => invalidValues(schema, ctx, 0));
}

/**
 * Valid instances and near misses interleaved (valid first), `count` in total: the input for differential tests
 * that compare two validators.
 *
 * @example
 * for (const value of sample(schema, { seed: 'zod-vs-ajv', count: 200 })) {
 *   expect(zodSchema.safeParse(value).success).toBe(ajvValidate(value));
 * }
 */
export function sample(schema: unknown, options: SampleOptions = {}): unknown[] {
  const count = Math.max(0, Math.floor(options.count ?? DEFAULT_COUNT));
  const valid = sampleValid(schema, { ...options, count });
  const invalid = sampleInvalid(schema, { ...options, count });
  const out: unknown[] = [];
  for (let i = 0; out.length < count && (i < valid.length || i < invalid.length); i++) {
    if (i < valid.length) out.push(valid[i]);
    if (i < invalid.length && out.length < count) out.push(invalid[i]);
  }
  return out;
}
