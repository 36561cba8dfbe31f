// Checks JSON Schema needs and Zod does not have, shared by the generated validators.
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

function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
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

// Formats. Each test answers for one string (or number, for the numeric formats of ajv-formats).
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const IDN_EMAIL_LOCAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern excludes (or tests for) control and ASCII ranges on purpose.
  /^(?:[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]|[^\x00-\x7f])+(?:\.(?:[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]|[^\x00-\x7f])+)*$/u;
const QUOTED_LOCAL = /^"(?:[ !#-[\]-~]|\\[ -~])*"$/;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX4 = /^[0-9a-f]{1,4}$/i;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const DURATION =
  /^P(?:(?:\d+Y(?:\d+M(?:\d+D)?)?|\d+M(?:\d+D)?|\d+D)(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)|\d+W)$/;
const JSON_POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;
const JSON_POINTER_FRAGMENT = /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~[01])*)*$/i;
const RELATIVE_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~[01])*)*)$/;
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// RFC 3986 appendix B: splits any string into scheme, authority, path, query and fragment.
const URI_PARTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#([\s\S]*))?$/;
const SCHEME = /^[a-z][a-z0-9+.-]*$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern excludes (or tests for) control and ASCII ranges on purpose.
const TEMPLATE_LITERAL = /^(?:[^\x00-\x20"'%<>\\^`{|}\x7f]|%[0-9a-f]{2})$/iu;
const TEMPLATE_VARIABLE =
  /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+(?:\.(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+)*(?::[1-9][0-9]{0,3}|\*)?$/;

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

// RFC 3339 full-time: a time zone is required (unless `zone` is false); a leap second only at 23:59:60 UTC.
function isTime(text: string, zone = true): boolean {
  const match = TIME.exec(text);
  if (match === null) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  const sign = match[5] === '-' ? -1 : 1;
  const zoneHour = Number(match[6] ?? 0);
  const zoneMinute = Number(match[7] ?? 0);
  if ((zone && match[4] === undefined) || zoneHour > 23 || zoneMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinute * sign;
  const utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

function isDateTime(text: string, zone = true): boolean {
  const parts = text.split(/t|\s/i);
  return parts.length === 2 && isDate(parts[0] ?? '') && isTime(parts[1] ?? '', zone);
}

function isIPv6(text: string): boolean {
  let address = text;
  let groups = 8;
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.')) {
    // An IPv4 tail stands for the last two groups.
    if (!IPV4.test(address.slice(lastColon + 1))) return false;
    address = `${address.slice(0, lastColon + 1)}0`;
    groups = 7;
  }
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const split = (half: string): string[] | undefined => {
    if (half === '') return [];
    const parts = half.split(':');
    return parts.every((part) => HEX4.test(part)) ? parts : undefined;
  };
  const head = split(halves[0] ?? '');
  const tail = halves.length === 2 ? split(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return false;
  const count = head.length + tail.length;
  return halves.length === 2 ? count < groups : count === groups;
}

function isHostname(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => HOST_LABEL.test(label));
}

// Characters IDNA2008 (RFC 5892) never allows in a label, and the contextual ones checked below.
const IDN_DISALLOWED = /[\u0640\u07fa\u302e\u302f\u3031-\u3035\u303b\s\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;
const VIRAMA =
  /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca\u0e3a\u0f84\u1039\u17d2\u1b44\u1bab\ua8c4\ua953]$/u;

/** One label of an internationalized host name (RFC 5890-5893, the rules a label alone can show). */
function isIdnLabel(label: string): boolean {
  if (label === '' || label.startsWith('-') || label.endsWith('-')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern excludes (or tests for) control and ASCII ranges on purpose.
  if (/^[\x00-\x7f]*$/.test(label)) {
    if (label.length > 63 || !HOST_LABEL.test(label)) return false;
    return label.slice(2, 4) !== '--' || /^xn--/i.test(label);
  }
  if (label.slice(2, 4) === '--' || /^\p{M}/u.test(label) || IDN_DISALLOWED.test(label)) return false;
  if (label.toLowerCase() !== label || label.normalize('NFC') !== label) return false;
  const chars = [...label];
  for (const [index, char] of chars.entries()) {
    const before = chars[index - 1] ?? '';
    const after = chars[index + 1] ?? '';
    if (char === '\u00b7' && (before !== 'l' || after !== 'l')) return false;
    if (char === '\u0375' && !/\p{Script=Greek}/u.test(after)) return false;
    if ((char === '\u05f3' || char === '\u05f4') && !/\p{Script=Hebrew}/u.test(before)) return false;
    if ((char === '\u200c' || char === '\u200d') && !VIRAMA.test(before)) return false;
  }
  if (
    label.includes('\u30fb') &&
    !/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(label.replaceAll('\u30fb', ''))
  )
    return false;
  if (/[\u0660-\u0669]/.test(label) && /[\u06f0-\u06f9]/.test(label)) return false;
  return punycodeLength(chars) + 4 <= 63;
}

/** Length of the RFC 3492 Punycode encoding of a label (its A-label is `xn--` plus that). */
function punycodeLength(chars: readonly string[]): number {
  const codes = chars.map((char) => char.codePointAt(0) ?? 0);
  const basic = codes.filter((code) => code < 0x80).length;
  let length = basic > 0 ? basic + 1 : 0;
  let n = 128;
  let delta = 0;
  let bias = 72;
  let handled = basic;
  const adapt = (value: number, count: number, first: boolean): number => {
    let d = first ? Math.floor(value / 700) : value >> 1;
    d += Math.floor(d / count);
    let k = 0;
    for (; d > 455; k += 36) d = Math.floor(d / 35);
    return k + Math.floor((36 * d) / (d + 38));
  };
  while (handled < codes.length) {
    const next = Math.min(...codes.filter((code) => code >= n));
    delta += (next - n) * (handled + 1);
    n = next;
    for (const code of codes) {
      if (code < n) delta++;
      if (code !== n) continue;
      let q = delta;
      for (let k = 36; ; k += 36) {
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (q < t) break;
        length++;
        q = Math.floor((q - t) / (36 - t));
      }
      length++;
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return length;
}

function isIdnHostname(text: string): boolean {
  // The ideographic and fullwidth full stops separate labels too (RFC 3490).
  const name = text.replace(/[\u3002\uff0e\uff61]/g, '.');
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  return trimmed.length > 0 && trimmed.length <= 253 && trimmed.split('.').every(isIdnLabel);
}

function isEmail(text: string, idn: boolean): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!(idn ? IDN_EMAIL_LOCAL : EMAIL_LOCAL).test(local) && !QUOTED_LOCAL.test(local)) return false;
  if (domain.startsWith('[') && domain.endsWith(']')) {
    const literal = domain.slice(1, -1);
    return IPV4.test(literal) || (/^ipv6:/i.test(literal) && isIPv6(literal.slice(5)));
  }
  return idn ? isIdnHostname(domain) : isHostname(domain) && domain.includes('.');
}

/** Characters of a URI (or, with `iri`, an IRI) component beyond unreserved and percent-encodings. */
function uriChars(text: string, extra: string, iri: boolean): boolean {
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (/[A-Za-z0-9\-._~!$&'()*+,;=]/.test(char) || extra.includes(char)) continue;
    if (char === '%' && /^[0-9a-f]{2}$/i.test(text.slice(index + 1, index + 3))) {
      index += 2;
      continue;
    }
    if (iri && char.charCodeAt(0) > 0x7f && !/[\p{Cc}\p{Z}\ufff0-\uffff]/u.test(char)) continue;
    return false;
  }
  return true;
}

function isHost(host: string, iri: boolean): boolean {
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) return false;
    const literal = host.slice(1, -1);
    return isIPv6(literal) || /^v[0-9a-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/i.test(literal);
  }
  return uriChars(host, '', iri);
}

/** RFC 3986 URI or relative reference (RFC 3987 IRI with `iri`); `absolute` requires a scheme. */
function isUri(text: string, absolute: boolean, iri: boolean): boolean {
  const parts = URI_PARTS.exec(text);
  if (parts === null) return false;
  const [, scheme, authority, path = '', query, fragment] = parts;
  if (scheme === undefined ? absolute : !SCHEME.test(scheme)) return false;
  if (authority !== undefined) {
    const at = authority.lastIndexOf('@');
    const userinfo = at === -1 ? '' : authority.slice(0, at);
    const hostPort = authority.slice(at + 1);
    const port = /:(\d*)$/.exec(hostPort);
    const host = port === null ? hostPort : hostPort.slice(0, port.index);
    if (!uriChars(userinfo, ':', iri) || !isHost(host, iri)) return false;
    if (path !== '' && !path.startsWith('/')) return false;
  }
  const segments = path.split('/');
  if (!segments.every((segment) => uriChars(segment, ':@', iri))) return false;
  // A relative path's first segment cannot hold a colon: it would read as a scheme.
  if (scheme === undefined && authority === undefined && (segments[0] ?? '').includes(':')) return false;
  return [query, fragment].every((part) => part === undefined || uriChars(part, ':@/?', iri));
}

function isUriTemplate(text: string): boolean {
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '{') {
      const end = text.indexOf('}', index);
      if (end === -1) return false;
      let body = text.slice(index + 1, end);
      if (/^[+#./;?&=,!@|]/.test(body)) body = body.slice(1);
      if (!body.split(',').every((variable) => TEMPLATE_VARIABLE.test(variable))) return false;
      index = end + 1;
      continue;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(index) ?? 0);
    const pct = text.slice(index, index + 3);
    if (char === '%' ? !TEMPLATE_LITERAL.test(pct) : !TEMPLATE_LITERAL.test(codePoint)) return false;
    index += char === '%' ? 3 : codePoint.length;
  }
  return true;
}

function isRegex(text: string): boolean {
  try {
    new RegExp(text, 'u');
    return true;
  } catch {
    return false;
  }
}

const STRING_FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
  'date-time': (text) => isDateTime(text),
  date: isDate,
  time: (text) => isTime(text),
  'iso-date-time': (text) => isDateTime(text, false),
  'iso-time': (text) => isTime(text, false),
  duration: (text) => DURATION.test(text),
  email: (text) => isEmail(text, false),
  'idn-email': (text) => isEmail(text, true),
  hostname: isHostname,
  'idn-hostname': isIdnHostname,
  ipv4: (text) => IPV4.test(text),
  ipv6: isIPv6,
  uri: (text) => isUri(text, true, false),
  'uri-reference': (text) => isUri(text, false, false),
  iri: (text) => isUri(text, true, true),
  'iri-reference': (text) => isUri(text, false, true),
  'uri-template': isUriTemplate,
  url: (text) => /^(?:https?|ftp):\/\/[^/?#]/i.test(text) && isUri(text, true, false),
  uuid: (text) => UUID.test(text),
  'json-pointer': (text) => JSON_POINTER.test(text),
  'json-pointer-uri-fragment': (text) => JSON_POINTER_FRAGMENT.test(text),
  'relative-json-pointer': (text) => RELATIVE_JSON_POINTER.test(text),
  regex: isRegex,
  byte: (text) => BYTE.test(text),
  binary: () => true,
  password: () => true,
};

const NUMBER_FORMATS: Readonly<Record<string, (value: number) => boolean>> = {
  int32: (value) => Number.isInteger(value) && value <= 2147483647 && value >= -2147483648,
  int64: (value) => Number.isInteger(value) && Number.isSafeInteger(value),
  float: () => true,
  double: () => true,
};

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

/** Keys of an object, or indexes of an array, that a schema evaluated; `true` for all of them. */
export type Evaluated = true | ReadonlySet<string | number>;

/** What a schema evaluates in a value it accepts (see {@link unevaluated}). */
export type Tracker = (value: unknown) => Evaluated;

const NOTHING: ReadonlySet<string | number> = new Set();

function union(parts: readonly Evaluated[]): Evaluated {
  if (parts.some((part) => part === true)) return true;
  const all = new Set<string | number>();
  for (const part of parts) for (const item of part as ReadonlySet<string | number>) all.add(item);
  return all;
}

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
