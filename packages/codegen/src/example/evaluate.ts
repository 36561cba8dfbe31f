// Validates a JSON value against a prepared (normal-form) schema directly, keyword by keyword, with the verdict of
// the Zod validator the generator emits for the same schema: the same keyword meanings (own properties only,
// lengths in code points, Ajv's multipleOf quotient rule, unevaluated* from the annotations the emitted trackers
// compute), the same format tests and evaluated-key sets (runtime/plain.ts, shared with `_runtime.ts`), and the
// same treatment of a pattern that does not compile with the `u` flag (no string matches it; patternProperties
// skip it). Checking an example this way costs microseconds where compiling a validator would cost milliseconds
// per schema.
import { childPointer } from '../diagnostics.js';
import {
  codePoints,
  deepEqual,
  type Evaluated,
  isObject,
  NOTHING,
  NUMBER_FORMATS as NUMBER_FORMAT_TESTS,
  STRING_FORMATS,
  union,
} from '../emit/zod/runtime/plain.js';
import { compilesAsPattern } from '../schema/check-keywords.js';
import { isRecord } from '../schema/json.js';
import type { JsonSchema, PreparedSchema, SchemaObject } from '../schema/prepared.js';
import { NUMBER_FORMATS, TYPE_KEYWORDS } from '../schema/prepared.js';

/** One reason a value fails its schema: where inside the value, and what is wrong there. */
export interface Mismatch {
  /** JSON pointer inside the value (`''` for the value itself). */
  readonly pointer: string;
  readonly message: string;
}

/** Thrown when a value takes more steps to check than allowed (pathological nesting of combinators). */
export class EvaluationBudgetError extends Error {
  override readonly name = 'EvaluationBudgetError';
}

/** Steps (schema nodes visited) one evaluation may take before it gives up. */
const DEFAULT_BUDGET = 1_000_000;
const REF_PREFIX = '#/$defs/';

function schemaAt(schema: SchemaObject, keyword: string): JsonSchema | undefined {
  const value = schema[keyword];
  return typeof value === 'boolean' || isRecord(value) ? (value as JsonSchema) : undefined;
}

function schemasAt(schema: SchemaObject, keyword: string): JsonSchema[] | undefined {
  const value = schema[keyword];
  return Array.isArray(value) ? (value as JsonSchema[]) : undefined;
}

function numberAt(schema: SchemaObject, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function entriesAt(schema: SchemaObject, keyword: string): Array<[string, JsonSchema]> {
  const value = schema[keyword];
  return isRecord(value) ? (Object.entries(value) as Array<[string, JsonSchema]>) : [];
}

/** The JSON type names a value has (`integer` values are numbers too). */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const TYPED_KEYWORDS: ReadonlySet<string> = new Set(Object.values(TYPE_KEYWORDS).flat());

const BOUNDS = [
  ['minimum', (value: number, bound: number) => value >= bound, 'must be >='],
  ['maximum', (value: number, bound: number) => value <= bound, 'must be <='],
  ['exclusiveMinimum', (value: number, bound: number) => value > bound, 'must be >'],
  ['exclusiveMaximum', (value: number, bound: number) => value < bound, 'must be <'],
] as const;

/** The test of a format by name (own entries only: `constructor` is no format). */
function formatTest<T>(tests: Readonly<Record<string, (value: T) => boolean>>, name: string) {
  return Object.hasOwn(tests, name) ? tests[name] : undefined;
}

/** Compiled patterns, by source; `null` for one that does not compile with the `u` flag. */
const patterns = new Map<string, RegExp | null>();

function patternOf(source: string): RegExp | null {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = compilesAsPattern(source) ? new RegExp(source, 'u') : null;
    if (patterns.size >= 1000) patterns.clear();
    patterns.set(source, pattern);
  }
  return pattern;
}

class Evaluator {
  #steps = 0;

  constructor(
    private readonly root: JsonSchema,
    private readonly budget: number,
  ) {}

  /** Whether `value` satisfies `schema`, pushing each reason it does not onto `out` (when given). */
  check(schema: JsonSchema, value: unknown, at: string, out?: Mismatch[]): boolean {
    if (++this.#steps > this.budget) throw new EvaluationBudgetError('too many steps');
    if (schema === true) return true;
    if (schema === false) return this.fail(out, at, 'no value is allowed here');
    let ok = true;
    if (typeof schema.$ref === 'string') ok = this.check(this.target(schema.$ref), value, at, out) && ok;
    ok = this.typed(schema, value, at, out) && ok;
    if (Array.isArray(schema.enum) && !schema.enum.some((item) => deepEqual(item, value))) {
      ok = this.fail(out, at, 'enum: must equal one of the allowed values');
    }
    if ('const' in schema && !deepEqual(schema.const, value)) {
      ok = this.fail(out, at, 'const: must equal the constant');
    }
    for (const sub of schemasAt(schema, 'allOf') ?? []) ok = this.check(sub, value, at, out) && ok;
    const anyOf = schemasAt(schema, 'anyOf');
    if (anyOf !== undefined && !anyOf.some((sub) => this.matches(sub, value))) {
      ok = this.fail(out, at, `anyOf: must match at least one of ${anyOf.length} schemas`);
    }
    const oneOf = schemasAt(schema, 'oneOf');
    if (oneOf !== undefined) {
      const count = oneOf.filter((sub) => this.matches(sub, value)).length;
      if (count !== 1) ok = this.fail(out, at, `oneOf: must match exactly one schema, matched ${count}`);
    }
    const not = schemaAt(schema, 'not');
    if (not !== undefined && this.matches(not, value))
      ok = this.fail(out, at, 'not: must not match the schema');
    const condition = schemaAt(schema, 'if');
    if (condition !== undefined) {
      const branch = schemaAt(schema, this.matches(condition, value) ? 'then' : 'else');
      if (branch !== undefined) ok = this.check(branch, value, at, out) && ok;
    }
    return this.unevaluated(schema, value, at, out) && ok;
  }

  matches(schema: JsonSchema, value: unknown): boolean {
    return this.check(schema, value, '');
  }

  private fail(out: Mismatch[] | undefined, pointer: string, message: string): false {
    out?.push({ pointer, message });
    return false;
  }

  private target(ref: string): JsonSchema {
    if (ref === '#') return this.root;
    const defs = typeof this.root === 'object' ? this.root.$defs : undefined;
    const suffix = ref.slice(REF_PREFIX.length);
    if (!ref.startsWith(REF_PREFIX) || !isRecord(defs) || !Object.hasOwn(defs, suffix)) {
      throw new Error(`not a normal-form $ref: ${ref}`);
    }
    return defs[suffix] as JsonSchema;
  }

  /** `type` and the keywords that apply to one JSON type (without `type`, to values of their type only). */
  private typed(schema: SchemaObject, value: unknown, at: string, out?: Mismatch[]): boolean {
    const kind = typeOf(value);
    if (Array.isArray(schema.type)) {
      const types = schema.type as string[];
      const integer = kind === 'number' && Number.isInteger(value);
      const allowed = types.includes(kind) || (kind === 'number' && types.includes('integer') && integer);
      if (!allowed) return this.fail(out, at, `type: must be ${types.join(' or ')}`);
    } else if (!Object.keys(schema).some((keyword) => TYPED_KEYWORDS.has(keyword))) {
      return true;
    }
    switch (kind) {
      case 'string':
        return this.string(schema, value as string, at, out);
      case 'number':
        return this.number(schema, value as number, at, out);
      case 'array':
        return this.array(schema, value as unknown[], at, out);
      case 'object':
        return this.object(schema, value as Record<string, unknown>, at, out);
      default:
        return true;
    }
  }

  private string(schema: SchemaObject, value: string, at: string, out?: Mismatch[]): boolean {
    let ok = true;
    const min = numberAt(schema, 'minLength');
    const max = numberAt(schema, 'maxLength');
    if (min !== undefined || max !== undefined) {
      const length = codePoints(value);
      if (min !== undefined && length < min)
        ok = this.fail(out, at, `minLength: must have at least ${min} characters`);
      if (max !== undefined && length > max)
        ok = this.fail(out, at, `maxLength: must have at most ${max} characters`);
    }
    if (typeof schema.pattern === 'string') {
      const pattern = patternOf(schema.pattern);
      if (pattern === null || !pattern.test(value)) {
        ok = this.fail(out, at, `pattern: must match ${JSON.stringify(schema.pattern)}`);
      }
    }
    const format = schema.format;
    if (
      typeof format === 'string' &&
      !NUMBER_FORMATS.has(format) &&
      formatTest(STRING_FORMATS, format)?.(value) === false
    ) {
      ok = this.fail(out, at, `format: must be a valid ${format}`);
    }
    return ok;
  }

  private number(schema: SchemaObject, value: number, at: string, out?: Mismatch[]): boolean {
    let ok = true;
    for (const [keyword, holds, words] of BOUNDS) {
      const bound = numberAt(schema, keyword);
      if (bound !== undefined && !holds(value, bound))
        ok = this.fail(out, at, `${keyword}: ${words} ${bound}`);
    }
    const divisor = numberAt(schema, 'multipleOf');
    if (divisor !== undefined) {
      // Ajv's rule, as the runtime's multipleOf has it: the quotient must read back as an integer.
      const quotient = value / divisor;
      if (quotient !== Number.parseInt(String(quotient), 10)) {
        ok = this.fail(out, at, `multipleOf: must be a multiple of ${divisor}`);
      }
    }
    const format = schema.format;
    if (typeof format === 'string' && formatTest(NUMBER_FORMAT_TESTS, format)?.(value) === false) {
      ok = this.fail(out, at, `format: must be a valid ${format}`);
    }
    return ok;
  }

  private array(schema: SchemaObject, value: readonly unknown[], at: string, out?: Mismatch[]): boolean {
    let ok = true;
    const prefix = schemasAt(schema, 'prefixItems') ?? [];
    const items = schemaAt(schema, 'items');
    value.forEach((item, index) => {
      const sub = index < prefix.length ? prefix[index] : items;
      if (sub !== undefined) ok = this.check(sub, item, childPointer(at, index), out) && ok;
    });
    const min = numberAt(schema, 'minItems');
    const max = numberAt(schema, 'maxItems');
    if (min !== undefined && value.length < min)
      ok = this.fail(out, at, `minItems: must have at least ${min} items`);
    if (max !== undefined && value.length > max)
      ok = this.fail(out, at, `maxItems: must have at most ${max} items`);
    if (schema.uniqueItems === true) {
      const repeat = firstRepeat(value);
      if (repeat !== undefined)
        ok = this.fail(out, at, `uniqueItems: items ${repeat[0]} and ${repeat[1]} are equal`);
    }
    const contains = schemaAt(schema, 'contains');
    if (contains !== undefined) {
      const least = numberAt(schema, 'minContains') ?? 1;
      const most = numberAt(schema, 'maxContains');
      const count = value.filter((item) => this.matches(contains, item)).length;
      if (count < least) ok = this.fail(out, at, `contains: at least ${least} items must match, ${count} do`);
      if (most !== undefined && count > most)
        ok = this.fail(out, at, `maxContains: at most ${most} items may match, ${count} do`);
    }
    return ok;
  }

  private object(
    schema: SchemaObject,
    value: Record<string, unknown>,
    at: string,
    out?: Mismatch[],
  ): boolean {
    let ok = true;
    const keys = Object.keys(value);
    const properties = entriesAt(schema, 'properties');
    const declared = new Set(properties.map(([key]) => key));
    for (const [key, sub] of properties) {
      if (Object.hasOwn(value, key)) ok = this.check(sub, value[key], childPointer(at, key), out) && ok;
    }
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const key of required) {
      if (typeof key === 'string' && !Object.hasOwn(value, key)) {
        ok = this.fail(out, at, `required: missing property ${JSON.stringify(key)}`);
      }
    }
    const patterned = entriesAt(schema, 'patternProperties').flatMap(([source, sub]) => {
      const pattern = patternOf(source);
      return pattern === null ? [] : [[pattern, sub] as const];
    });
    const additional = schemaAt(schema, 'additionalProperties');
    for (const key of keys) {
      let matched = false;
      for (const [pattern, sub] of patterned) {
        if (!pattern.test(key)) continue;
        matched = true;
        ok = this.check(sub, value[key], childPointer(at, key), out) && ok;
      }
      if (matched || declared.has(key) || additional === undefined) continue;
      if (additional === false) {
        ok = this.fail(out, childPointer(at, key), 'additionalProperties: unexpected property');
      } else ok = this.check(additional, value[key], childPointer(at, key), out) && ok;
    }
    const names = schemaAt(schema, 'propertyNames');
    if (names !== undefined) {
      for (const key of keys) {
        if (!this.matches(names, key)) {
          ok = this.fail(
            out,
            childPointer(at, key),
            `propertyNames: invalid property name ${JSON.stringify(key)}`,
          );
        }
      }
    }
    const dependentRequired = isRecord(schema.dependentRequired) ? schema.dependentRequired : {};
    for (const [key, needed] of Object.entries(dependentRequired)) {
      if (!Object.hasOwn(value, key) || !Array.isArray(needed)) continue;
      for (const name of needed) {
        if (typeof name === 'string' && !Object.hasOwn(value, name)) {
          ok = this.fail(out, at, `dependentRequired: ${JSON.stringify(key)} needs ${JSON.stringify(name)}`);
        }
      }
    }
    for (const [key, sub] of entriesAt(schema, 'dependentSchemas')) {
      if (Object.hasOwn(value, key)) ok = this.check(sub, value, at, out) && ok;
    }
    const min = numberAt(schema, 'minProperties');
    const max = numberAt(schema, 'maxProperties');
    if (min !== undefined && keys.length < min)
      ok = this.fail(out, at, `minProperties: must have at least ${min} properties`);
    if (max !== undefined && keys.length > max)
      ok = this.fail(out, at, `maxProperties: must have at most ${max} properties`);
    return ok;
  }

  /** unevaluatedProperties/unevaluatedItems over what the node's other keywords evaluated. */
  private unevaluated(schema: SchemaObject, value: unknown, at: string, out?: Mismatch[]): boolean {
    const rest = isObject(value)
      ? schemaAt(schema, 'unevaluatedProperties')
      : Array.isArray(value)
        ? schemaAt(schema, 'unevaluatedItems')
        : undefined;
    if (rest === undefined || rest === true) return true;
    const { unevaluatedProperties: _properties, unevaluatedItems: _items, ...siblings } = schema;
    const evaluated = this.evaluated(siblings, value);
    if (evaluated === true) return true;
    const container = value as Record<string | number, unknown>;
    const keys: Array<string | number> = Array.isArray(value)
      ? value.map((_, index) => index)
      : Object.keys(container);
    let ok = true;
    for (const key of keys) {
      if (evaluated.has(key)) continue;
      const where = childPointer(at, key);
      if (rest === false) {
        ok = this.fail(
          out,
          where,
          `${Array.isArray(value) ? 'unevaluatedItems' : 'unevaluatedProperties'}: unexpected`,
        );
      } else ok = this.check(rest, container[key], where, out) && ok;
    }
    return ok;
  }

  /**
   * The keys (or indexes) `schema` evaluates in `value`, as the emitted trackers compute them: properties,
   * patternProperties, additionalProperties and a nested unevaluatedProperties evaluate keys; prefixItems,
   * items, unevaluatedItems and contains indexes; allOf, the matching anyOf/oneOf branches, if with then or
   * else, dependentSchemas and `$ref` add their subschemas' annotations.
   */
  private evaluated(schema: JsonSchema, value: unknown): Evaluated {
    if (++this.#steps > this.budget) throw new EvaluationBudgetError('too many steps');
    if (typeof schema === 'boolean') return NOTHING;
    const parts: Evaluated[] = [];
    if (typeof schema.$ref === 'string') parts.push(this.evaluated(this.target(schema.$ref), value));
    if (isObject(value)) {
      const restKeys = 'additionalProperties' in schema || 'unevaluatedProperties' in schema;
      const known = new Set(entriesAt(schema, 'properties').map(([key]) => key));
      const matchers = entriesAt(schema, 'patternProperties').flatMap(([source]) => patternOf(source) ?? []);
      if (restKeys) parts.push(true);
      else if (known.size > 0 || matchers.length > 0) {
        parts.push(
          new Set(
            Object.keys(value).filter(
              (key) => known.has(key) || matchers.some((pattern) => pattern.test(key)),
            ),
          ),
        );
      }
      for (const [key, sub] of entriesAt(schema, 'dependentSchemas')) {
        if (Object.hasOwn(value, key)) parts.push(this.evaluated(sub, value));
      }
    }
    if (Array.isArray(value)) {
      const prefix = schemasAt(schema, 'prefixItems')?.length ?? 0;
      if ('items' in schema || 'unevaluatedItems' in schema) parts.push(true);
      else if (prefix > 0) parts.push(new Set(value.slice(0, prefix).map((_, index) => index)));
      const contains = schemaAt(schema, 'contains');
      if (contains !== undefined) {
        parts.push(new Set(value.flatMap((item, index) => (this.matches(contains, item) ? [index] : []))));
      }
    }
    for (const sub of schemasAt(schema, 'allOf') ?? []) parts.push(this.evaluated(sub, value));
    for (const keyword of ['anyOf', 'oneOf']) {
      for (const sub of schemasAt(schema, keyword) ?? []) {
        if (this.matches(sub, value)) parts.push(this.evaluated(sub, value));
      }
    }
    const condition = schemaAt(schema, 'if');
    if (condition !== undefined) {
      if (this.matches(condition, value)) {
        parts.push(this.evaluated(condition, value));
        const then = schemaAt(schema, 'then');
        if (then !== undefined) parts.push(this.evaluated(then, value));
      } else {
        const otherwise = schemaAt(schema, 'else');
        if (otherwise !== undefined) parts.push(this.evaluated(otherwise, value));
      }
    }
    return union(parts);
  }
}

/** The indexes of the first two equal items, or `undefined` when all are distinct. */
function firstRepeat(items: readonly unknown[]): [number, number] | undefined {
  for (let i = 1; i < items.length; i++) {
    for (let j = 0; j < i; j++) if (deepEqual(items[i], items[j])) return [j, i];
  }
  return undefined;
}

/**
 * Every reason `value` fails the prepared schema (none when it passes), each with a JSON pointer inside the value.
 * Throws {@link EvaluationBudgetError} when checking takes more than `budget` steps.
 *
 * @example
 * evaluate(prepareSchema({ type: 'object', properties: { total: { type: 'number' } } }, { pointer: '' }), { total: 'ten' });
 * // [{ pointer: '/total', message: 'type: must be number' }]
 */
export function evaluate(prepared: PreparedSchema, value: unknown, budget = DEFAULT_BUDGET): Mismatch[] {
  const mismatches: Mismatch[] = [];
  new Evaluator(prepared.schema, budget).check(prepared.schema, value, '', mismatches);
  return mismatches;
}
