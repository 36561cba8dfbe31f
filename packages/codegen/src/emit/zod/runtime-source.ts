// The shared `_runtime.ts` module generated validators import their checks from. Kept as source text because
// it is written next to the generated modules; the differential and tsc tests compile and run it.
// Backticks inside regular expressions are written `\x60` so the text can live in a template literal.
const RUNTIME_SOURCE = String.raw`// Checks JSON Schema needs and Zod does not have, shared by the generated validators.
import * as z from 'zod';

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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON equality as JSON Schema defines it: numbers by value, objects regardless of key order. */
function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    return (
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => deepEqual(item, right[index]))
    );
  }
  if (isObject(left) && isObject(right)) {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]))
    );
  }
  return false;
}

/** The own properties of a plain object on a null prototype, so ${'`'}constructor${'`'} or ${'`'}toString${'`'} is found only when own. */
function ownView(value: unknown): unknown {
  if (!isObject(value)) return value;
  const view: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) view[key] = value[key];
  return view;
}

/**
 * Validates an object schema against the input's own properties and returns the input itself, so checks
 * chained after it see every key (Zod's output lacks an own ${'`'}__proto__${'`'}) and parsing never drops keys.
 */
export function keepInput<T>(schema: z.ZodType<T>, inheritedNames = false): z.ZodType<T> {
  return z.custom<T>().check((payload) => {
    const { value } = payload;
    // Copy only when Zod would see more or less than the own properties: an own ${'`'}__proto__${'`'} key, or
    // (with ${'`'}inheritedNames${'`'}) declared names such as ${'`'}constructor${'`'} it would find on the prototype.
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
    if (count !== 1) fail(payload, 'oneOf: must match exactly one schema, matched ' + count);
  });
}

/** not: the value must not satisfy ${'`'}schema${'`'}. */
export function not(schema: z.ZodType): z.ZodType<unknown> {
  return z.unknown().check((payload) => {
    if (matches(schema, payload.value)) fail(payload, 'not: must not match the schema');
  });
}

/** enum/const with object or array members: the value deep-equals one of ${'`'}values${'`'}. */
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

/** multipleOf, with Ajv's rule: the quotient must be an integer as ${'`'}parseInt${'`'} reads it. */
export function multipleOf(divisor: number): z.core.CheckFn<number> {
  return (payload) => {
    const quotient = payload.value / divisor;
    if (quotient !== Number.parseInt(String(quotient), 10))
      fail(payload, 'multipleOf: must be a multiple of ' + divisor);
  };
}

function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** minLength, counted in code points. */
export function minLength(limit: number): z.core.CheckFn<string> {
  return (payload) => {
    if (codePoints(payload.value) < limit)
      fail(payload, 'minLength: must have at least ' + limit + ' characters');
  };
}

/** maxLength, counted in code points. */
export function maxLength(limit: number): z.core.CheckFn<string> {
  return (payload) => {
    if (codePoints(payload.value) > limit)
      fail(payload, 'maxLength: must have at most ' + limit + ' characters');
  };
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const URI_SCHEME_OR_PATH = /\/|:/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_\x60{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_\x60{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 =
  /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const last = month === 2 && isLeapYear(year) ? 29 : (DAYS[month] ?? 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= last;
}

// RFC 3339 full-time: a time zone is required; a leap second only at 23:59:60 UTC.
function isTime(text: string): boolean {
  const match = TIME.exec(text);
  if (match === null) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  const sign = match[5] === '-' ? -1 : 1;
  const zoneHour = Number(match[6] ?? 0);
  const zoneMinute = Number(match[7] ?? 0);
  if (match[4] === undefined || zoneHour > 23 || zoneMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinute * sign;
  const utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

function isDateTime(text: string): boolean {
  const parts = text.split(/t|\s/i);
  return parts.length === 2 && isDate(parts[0] ?? '') && isTime(parts[1] ?? '');
}

const FORMATS = {
  'date-time': isDateTime,
  date: isDate,
  time: isTime,
  email: (text: string) => EMAIL.test(text),
  uri: (text: string) => URI_SCHEME_OR_PATH.test(text) && URI.test(text),
  uuid: (text: string) => UUID.test(text),
  ipv4: (text: string) => IPV4.test(text),
  ipv6: (text: string) => IPV6.test(text),
} satisfies Record<string, (text: string) => boolean>;

/** format, with ajv-formats' "full" rules (date-time, date, time, email, uri, uuid, ipv4, ipv6). */
export function format(name: keyof typeof FORMATS): z.core.CheckFn<string> {
  const test = FORMATS[name];
  return (payload) => {
    if (!test(payload.value)) fail(payload, 'format: must be a valid ' + name);
  };
}

/** required, as own properties (so ${'`'}__proto__${'`'}, ${'`'}constructor${'`'} and ${'`'}toString${'`'} count only when present). */
export function requiredKeys(keys: readonly string[]): ObjectCheck {
  return onObject((payload) => {
    for (const key of keys) {
      if (!Object.hasOwn(payload.value, key))
        fail(payload, 'required: missing property ' + JSON.stringify(key), [key]);
    }
  });
}

/** properties for keys Zod's shape cannot hold (inherited names): checked only when own. */
export function ownProperty(key: string, schema: z.ZodType): ObjectCheck {
  return onObject((payload) => {
    if (Object.hasOwn(payload.value, key)) forward(payload, schema, payload.value[key], [key]);
  });
}

/** The keys beyond ${'`'}properties${'`'}: patternProperties and additionalProperties. */
export interface RestProperties {
  /** Keys named in ${'`'}properties${'`'} (exempt from additionalProperties, not from patternProperties). */
  readonly known: readonly string[];
  /** patternProperties: every key matching a pattern must satisfy its schema. */
  readonly patterns: ReadonlyArray<readonly [RegExp, z.ZodType]>;
  /** additionalProperties for keys neither known nor matched; ${'`'}false${'`'} forbids them, undefined allows any. */
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
        fail(payload, 'additionalProperties: unexpected property ' + JSON.stringify(key), [key]);
      else forward(payload, rest.additional, payload.value[key], [key]);
    }
  });
}

/** propertyNames: every key satisfies ${'`'}schema${'`'}. */
export function propertyNames(schema: z.ZodType): ObjectCheck {
  return onObject((payload) => {
    for (const key of Object.keys(payload.value)) {
      if (!matches(schema, key))
        fail(payload, 'propertyNames: invalid property name ' + JSON.stringify(key), [key]);
    }
  });
}

/** minProperties. */
export function minProperties(limit: number): ObjectCheck {
  return onObject((payload) => {
    if (Object.keys(payload.value).length < limit)
      fail(payload, 'minProperties: must have at least ' + limit + ' properties');
  });
}

/** maxProperties. */
export function maxProperties(limit: number): ObjectCheck {
  return onObject((payload) => {
    if (Object.keys(payload.value).length > limit)
      fail(payload, 'maxProperties: must have at most ' + limit + ' properties');
  });
}

/** minItems (also for tuples). */
export function minItems(limit: number): ArrayCheck {
  return onArray((payload) => {
    if (payload.value.length < limit) fail(payload, 'minItems: must have at least ' + limit + ' items');
  });
}

/** maxItems (also for tuples). */
export function maxItems(limit: number): ArrayCheck {
  return onArray((payload) => {
    if (payload.value.length > limit) fail(payload, 'maxItems: must have at most ' + limit + ' items');
  });
}

/** uniqueItems: no two items are deep-equal. */
export function uniqueItems(): ArrayCheck {
  return onArray((payload) => {
    const items = payload.value;
    for (let i = 1; i < items.length; i++) {
      for (let j = 0; j < i; j++) {
        if (deepEqual(items[i], items[j])) {
          fail(payload, 'uniqueItems: items ' + j + ' and ' + i + ' are equal');
          return;
        }
      }
    }
  });
}

/** contains with minContains/maxContains: how many items satisfy ${'`'}schema${'`'}. */
export function contains(schema: z.ZodType, min: number, max: number | undefined): ArrayCheck {
  return onArray((payload) => {
    const count = payload.value.filter((item) => matches(schema, item)).length;
    if (count < min) fail(payload, 'contains: at least ' + min + ' items must match, ' + count + ' do');
    if (max !== undefined && count > max)
      fail(payload, 'maxContains: at most ' + max + ' items may match, ' + count + ' do');
  });
}
`;

/** The source of the shared `_runtime.ts` module (without banner) that generated validators import from. */
export function emitZodRuntime(): string {
  return RUNTIME_SOURCE;
}
