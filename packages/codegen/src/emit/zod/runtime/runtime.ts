// Checks JSON Schema needs and Zod does not have, shared by the generated validators.
import * as z from 'zod';
import {
  codePoints,
  deepEqual,
  type Evaluated,
  isObject,
  NOTHING,
  NUMBER_FORMATS,
  STRING_FORMATS,
  union,
} from './plain.js';

type Payload = z.core.ParsePayload<unknown>;
type Issue = z.core.$ZodRawIssue;
type Outputs<T extends readonly z.ZodType[]> = { [K in keyof T]: z.output<T[K]> };
type Writable<T> = T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;
type Intersect<T extends readonly unknown[]> = T extends readonly [infer Head, ...infer Rest]
  ? Head & Intersect<Rest>
  : unknown;

function fail(payload: Payload, message: string, path: PropertyKey[] = []): void {
  payload.issues.push({ code: 'custom', message, input: payload.value, path });
}

function forward(payload: Payload, schema: z.ZodType, value: unknown, path: PropertyKey[]): boolean {
  const result = schema.safeParse(value);
  if (result.success) return true;
  for (const issue of result.error.issues) {
    payload.issues.push({ ...issue, input: value, path: [...path, ...issue.path] } as Issue);
  }
  return false;
}

type ObjectCheck = z.core.CheckFn<Record<string, unknown>>;
type ArrayCheck = z.core.CheckFn<readonly unknown[]>;

// Object and array checks run only on values of their type (Zod may run checks after a type issue).
function onObject(check: (payload: z.core.ParsePayload<Record<string, unknown>>) => void): ObjectCheck {
  return (payload) => {
    if (isObject(payload.value)) check(payload);
  };
}

function onArray(check: (payload: z.core.ParsePayload<readonly unknown[]>) => void): ArrayCheck {
  return (payload) => {
    if (Array.isArray(payload.value)) check(payload);
  };
}

function matches(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

/** The own properties of a plain object on a null prototype, so `constructor` or `toString` is found only when own. */
function ownView(value: unknown): unknown {
  if (!isObject(value)) return value;
  const view: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) view[key] = value[key];
  return view;
}

/**
 * Validates an object schema against the input's own properties and returns the input itself, so checks
 * chained after it see every key (Zod's output lacks an own `__proto__`) and parsing never drops keys.
 */
export function keepInput<T>(schema: z.ZodType<T>, inheritedNames = false): z.ZodType<T> {
  return z.custom<T>().check((payload) => {
    const { value } = payload;
    // Copy only when Zod would see more or less than the own properties: an own `__proto__` key, or
    // (with `inheritedNames`) declared names such as `constructor` it would find on the prototype.
    const own = isObject(value) && (inheritedNames || Object.hasOwn(value, '__proto__'));
    forward(payload, schema, own ? ownView(value) : value, []);
  });
}

/** allOf: the value satisfies every schema (validated one by one, never merged). */
export function allOf<const T extends readonly z.ZodType[]>(...schemas: T): z.ZodType<Intersect<Outputs<T>>> {
  return z.custom<Intersect<Outputs<T>>>().check((payload) => {
    for (const schema of schemas) forward(payload, schema, payload.value, []);
  });
}

/** oneOf: the value satisfies exactly one schema. */
export function oneOf<const T extends readonly z.ZodType[]>(...schemas: T): z.ZodType<z.output<T[number]>> {
  return z.custom<z.output<T[number]>>().check((payload) => {
    const count = schemas.filter((schema) => matches(schema, payload.value)).length;
    if (count !== 1) fail(payload, `oneOf: must match exactly one schema, matched ${count}`);
  });
}

/** not: the value must not satisfy `schema`. */
export function not(schema: z.ZodType): z.ZodType<unknown> {
  return z.unknown().check((payload) => {
    if (matches(schema, payload.value)) fail(payload, 'not: must not match the schema');
  });
}

/** enum/const with object or array members: the value deep-equals one of `values`. */
export function jsonEnum<const T extends readonly unknown[]>(values: T): z.ZodType<Writable<T[number]>> {
  return z.custom<Writable<T[number]>>().check((payload) => {
    if (!values.some((value) => deepEqual(value, payload.value)))
      fail(payload, 'enum: must equal one of the allowed values');
  });
}

/** type: integer, any size (Number.isInteger, not Zod's safe-integer range). */
export function integer(): z.core.CheckFn<number> {
  return (payload) => {
    if (!Number.isInteger(payload.value)) fail(payload, 'type: must be an integer');
  };
}

/** multipleOf, with Ajv's rule: the quotient must be an integer as `parseInt` reads it. */
export function multipleOf(divisor: number): z.core.CheckFn<number> {
  return (payload) => {
    const quotient = payload.value / divisor;
    if (quotient !== Number.parseInt(String(quotient), 10))
      fail(payload, `multipleOf: must be a multiple of ${divisor}`);
  };
}

/** minLength, counted in code points. */
export function minLength(limit: number): z.core.CheckFn<string> {
  return (payload) => {
    if (codePoints(payload.value) < limit) fail(payload, `minLength: must have at least ${limit} characters`);
  };
}

/** maxLength, counted in code points. */
export function maxLength(limit: number): z.core.CheckFn<string> {
  return (payload) => {
    if (codePoints(payload.value) > limit) fail(payload, `maxLength: must have at most ${limit} characters`);
  };
}

/** format on strings: the formats of ajv-formats ("full" mode) and of JSON Schema 2020-12. */
export function format(name: string): z.core.CheckFn<string> {
  const test = STRING_FORMATS[name] ?? (() => true);
  return (payload) => {
    if (!test(payload.value)) fail(payload, `format: must be a valid ${name}`);
  };
}

/** format on numbers: int32, int64, float, double (as ajv-formats has them). */
export function numberFormat(name: string): z.core.CheckFn<number> {
  const test = NUMBER_FORMATS[name] ?? (() => true);
  return (payload) => {
    if (!test(payload.value)) fail(payload, `format: must be a valid ${name}`);
  };
}

/** required, as own properties (so `__proto__`, `constructor` and `toString` count only when present). */
export function requiredKeys(keys: readonly string[]): ObjectCheck {
  return onObject((payload) => {
    for (const key of keys) {
      if (!Object.hasOwn(payload.value, key))
        fail(payload, `required: missing property ${JSON.stringify(key)}`, [key]);
    }
  });
}

/** properties for keys Zod's shape cannot hold (inherited names): checked only when own. */
export function ownProperty(key: string, schema: z.ZodType): ObjectCheck {
  return onObject((payload) => {
    if (Object.hasOwn(payload.value, key)) forward(payload, schema, payload.value[key], [key]);
  });
}

/** The keys beyond `properties`: patternProperties and additionalProperties. */
export interface RestProperties {
  /** Keys named in `properties` (exempt from additionalProperties, not from patternProperties). */
  readonly known: readonly string[];
  /** patternProperties: every key matching a pattern must satisfy its schema. */
  readonly patterns: ReadonlyArray<readonly [RegExp, z.ZodType]>;
  /** additionalProperties for keys neither known nor matched; `false` forbids them, undefined allows any. */
  readonly additional: z.ZodType | false | undefined;
}

/** patternProperties and additionalProperties over every own key. */
export function restProperties(rest: RestProperties): ObjectCheck {
  const known = new Set(rest.known);
  return onObject((payload) => {
    for (const key of Object.keys(payload.value)) {
      let matched = false;
      for (const [pattern, schema] of rest.patterns) {
        if (!pattern.test(key)) continue;
        matched = true;
        forward(payload, schema, payload.value[key], [key]);
      }
      if (matched || known.has(key) || rest.additional === undefined) continue;
      if (rest.additional === false)
        fail(payload, `additionalProperties: unexpected property ${JSON.stringify(key)}`, [key]);
      else forward(payload, rest.additional, payload.value[key], [key]);
    }
  });
}

/** propertyNames: every key satisfies `schema`. */
export function propertyNames(schema: z.ZodType): ObjectCheck {
  return onObject((payload) => {
    for (const key of Object.keys(payload.value)) {
      if (!matches(schema, key))
        fail(payload, `propertyNames: invalid property name ${JSON.stringify(key)}`, [key]);
    }
  });
}

/** minProperties. */
export function minProperties(limit: number): ObjectCheck {
  return onObject((payload) => {
    if (Object.keys(payload.value).length < limit)
      fail(payload, `minProperties: must have at least ${limit} properties`);
  });
}

/** maxProperties. */
export function maxProperties(limit: number): ObjectCheck {
  return onObject((payload) => {
    if (Object.keys(payload.value).length > limit)
      fail(payload, `maxProperties: must have at most ${limit} properties`);
  });
}

/** minItems (also for tuples). */
export function minItems(limit: number): ArrayCheck {
  return onArray((payload) => {
    if (payload.value.length < limit) fail(payload, `minItems: must have at least ${limit} items`);
  });
}

/** maxItems (also for tuples). */
export function maxItems(limit: number): ArrayCheck {
  return onArray((payload) => {
    if (payload.value.length > limit) fail(payload, `maxItems: must have at most ${limit} items`);
  });
}

/** uniqueItems: no two items are deep-equal. */
export function uniqueItems(): ArrayCheck {
  return onArray((payload) => {
    const items = payload.value;
    for (let i = 1; i < items.length; i++) {
      for (let j = 0; j < i; j++) {
        if (deepEqual(items[i], items[j])) {
          fail(payload, `uniqueItems: items ${j} and ${i} are equal`);
          return;
        }
      }
    }
  });
}

/** contains with minContains/maxContains: how many items satisfy `schema`. */
export function contains(schema: z.ZodType, min: number, max: number | undefined): ArrayCheck {
  return onArray((payload) => {
    const count = payload.value.filter((item) => matches(schema, item)).length;
    if (count < min) fail(payload, `contains: at least ${min} items must match, ${count} do`);
    if (max !== undefined && count > max)
      fail(payload, `maxContains: at most ${max} items may match, ${count} do`);
  });
}

/** if/then/else: a value that matches `if` must match `then`; any other must match `else`. */
export function ifThenElse<Then extends z.ZodType | undefined, Else extends z.ZodType | undefined>(
  condition: z.ZodType,
  then: Then,
  otherwise: Else,
): z.ZodType<Branch<Then> | Branch<Else>> {
  return z.custom<Branch<Then> | Branch<Else>>().check((payload) => {
    const branch = matches(condition, payload.value) ? then : otherwise;
    if (branch !== undefined) forward(payload, branch, payload.value, []);
  });
}

type Branch<T> = T extends z.ZodType ? z.output<T> : unknown;

/** dependentRequired: when a key is present, the keys listed for it must be too. */
export function dependentRequired(dependencies: Readonly<Record<string, readonly string[]>>): ObjectCheck {
  return onObject((payload) => {
    for (const key of Object.keys(dependencies)) {
      if (!Object.hasOwn(payload.value, key)) continue;
      for (const needed of dependencies[key] ?? []) {
        if (!Object.hasOwn(payload.value, needed))
          fail(payload, `dependentRequired: ${JSON.stringify(key)} needs ${JSON.stringify(needed)}`);
      }
    }
  });
}

/** dependentSchemas: when a key is present, the whole object must satisfy its schema. */
export function dependentSchemas(dependencies: ReadonlyArray<readonly [string, z.ZodType]>): ObjectCheck {
  return onObject((payload) => {
    for (const [key, schema] of dependencies) {
      if (Object.hasOwn(payload.value, key)) forward(payload, schema, payload.value, []);
    }
  });
}

// unevaluatedProperties and unevaluatedItems need the annotations JSON Schema collects while validating:
// which keys (or indexes) the keywords beside them, and the subschemas that matched, evaluated. A Tracker
// computes that set for a value the schema is known to accept, from the same subschemas the validator has.

export type { Evaluated };

/** What a schema evaluates in a value it accepts (see {@link unevaluated}). */
export type Tracker = (value: unknown) => Evaluated;

/** properties, patternProperties, additionalProperties (and unevaluatedProperties: `rest`) on objects. */
export function evProperties(known: readonly string[], patterns: readonly RegExp[], rest: boolean): Tracker {
  const declared = new Set(known);
  return (value) => {
    if (!isObject(value)) return NOTHING;
    if (rest) return true;
    return new Set(
      Object.keys(value).filter((key) => declared.has(key) || patterns.some((pattern) => pattern.test(key))),
    );
  };
}

/** prefixItems (the first `prefix` indexes) and items or unevaluatedItems (`rest`: every index) on arrays. */
export function evItems(prefix: number, rest: boolean): Tracker {
  return (value) => {
    if (!Array.isArray(value)) return NOTHING;
    if (rest) return true;
    return new Set(Array.from({ length: Math.min(prefix, value.length) }, (_, index) => index));
  };
}

/** contains: the indexes of the items that match. */
export function evContains(schema: z.ZodType): Tracker {
  return (value) => {
    if (!Array.isArray(value)) return NOTHING;
    const found = new Set<number>();
    value.forEach((item, index) => {
      if (matches(schema, item)) found.add(index);
    });
    return found;
  };
}

/** Every tracker's annotations (allOf, and keywords side by side). */
export function evAll(...trackers: readonly Tracker[]): Tracker {
  return (value) => union(trackers.map((tracker) => tracker(value)));
}

/** anyOf/oneOf: the annotations of the branches that match. */
export function evMatching(...branches: ReadonlyArray<readonly [z.ZodType, Tracker]>): Tracker {
  return (value) =>
    union(branches.filter(([schema]) => matches(schema, value)).map(([, tracker]) => tracker(value)));
}

/** if/then/else: `if`'s annotations and `then`'s when it matches, `else`'s when it does not. */
export function evIf(condition: z.ZodType, ifTracker: Tracker, then: Tracker, otherwise: Tracker): Tracker {
  return (value) => (matches(condition, value) ? union([ifTracker(value), then(value)]) : otherwise(value));
}

/** dependentSchemas: the annotations of the schemas whose key is present. */
export function evDependent(dependencies: ReadonlyArray<readonly [string, Tracker]>): Tracker {
  return (value) =>
    isObject(value)
      ? union(dependencies.filter(([key]) => Object.hasOwn(value, key)).map(([, tracker]) => tracker(value)))
      : NOTHING;
}

/** A tracker declared later ($ref, recursion). */
export function evLazy(tracker: () => Tracker): Tracker {
  return (value) => tracker()(value);
}

/**
 * unevaluatedProperties / unevaluatedItems: every key (index) the schema's other keywords did not evaluate
 * must satisfy `properties` (`items`); `false` forbids them, `undefined` leaves them alone.
 */
export function unevaluated(
  tracker: Tracker,
  properties: z.ZodType | false | undefined,
  items: z.ZodType | false | undefined,
): z.ZodType<unknown> {
  return z.unknown().check((payload) => {
    const { value } = payload;
    const rest = isObject(value) ? properties : Array.isArray(value) ? items : undefined;
    if (rest === undefined) return;
    const evaluated = tracker(value);
    if (evaluated === true) return;
    const keys: Array<string | number> = Array.isArray(value)
      ? value.map((_, index) => index)
      : Object.keys(value as Record<string, unknown>);
    for (const key of keys) {
      if (evaluated.has(key)) continue;
      const item = (value as Record<string | number, unknown>)[key];
      if (rest === false) {
        const what = Array.isArray(value)
          ? 'unevaluatedItems: unexpected item '
          : 'unevaluatedProperties: unexpected property ';
        fail(payload, what + JSON.stringify(key), [key]);
      } else forward(payload, rest, item, [key]);
    }
  });
}
