// The runtime's plain JSON checks, without Zod: equality, code points, the format tests and the sets of
// evaluated keys behind unevaluated*. `_runtime.ts`
// holds them inlined (scripts/generate-runtime-text.ts drops the import and the `export`s), and the generator
// checks `example_response` with the same tests (src/example/), so both say the same thing.

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON equality as JSON Schema defines it: numbers by value, objects regardless of key order. */
export function deepEqual(left: unknown, right: unknown): boolean {
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

/** Keys of an object, or indexes of an array, that a schema evaluated; `true` for all of them. */
export type Evaluated = true | ReadonlySet<string | number>;

/** Evaluated keys when a schema evaluated none. */
export const NOTHING: ReadonlySet<string | number> = new Set();

/** Everything any of `parts` evaluated. */
export function union(parts: readonly Evaluated[]): Evaluated {
  if (parts.some((part) => part === true)) return true;
  const all = new Set<string | number>();
  for (const part of parts) for (const item of part as ReadonlySet<string | number>) all.add(item);
  return all;
}

/** The length of a string in code points, as JSON Schema counts it. */
export function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
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

/** The test of each string format, by name. */
export const STRING_FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
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

/** The test of each number format, by name. */
export const NUMBER_FORMATS: Readonly<Record<string, (value: number) => boolean>> = {
  int32: (value) => Number.isInteger(value) && value <= 2147483647 && value >= -2147483648,
  int64: (value) => Number.isInteger(value) && Number.isSafeInteger(value),
  float: () => true,
  double: () => true,
};
