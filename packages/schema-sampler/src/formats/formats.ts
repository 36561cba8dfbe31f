import type { Random } from '../random/create-random.js';

interface FormatSpec {
  /** Accepts a string the way ajv-formats' "full" mode does (close enough to filter our own samples). */
  check(text: string): boolean;
  /** Fixed valid edge examples. */
  valid: readonly string[];
  /** A fresh valid example chosen by the random source. */
  random(random: Random): string;
  /** Near misses: strings that look like the format but are not. */
  invalid: readonly string[];
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function checkDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const limit = month === 2 && !isLeap(year) ? 28 : (DAYS[month - 1] ?? 0);
  return day <= limit;
}

function checkTime(text: string): boolean {
  const match = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}(?::?\d{2})?)$/i.exec(text);
  if (!match) return false;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return hour <= 23 && minute <= 59 && second <= 60;
}

function checkIpv4(text: string): boolean {
  return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(text);
}

function checkIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.split('::').length > 2) return false;
  const compressed = text.includes('::');
  const groups = text.split(':').filter((group) => group !== '');
  const last = groups[groups.length - 1] ?? '';
  const tailV4 = last.includes('.');
  if (tailV4 && !checkIpv4(last)) return false;
  const hexGroups = tailV4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  const width = hexGroups.length + (tailV4 ? 2 : 0);
  if (!compressed && (text.startsWith(':') || text.endsWith(':'))) return false;
  return compressed ? width <= 7 : width === 8;
}

const randomDate = (random: Random): string =>
  `${random.int(1970, 2099)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
const randomTime = (random: Random): string =>
  `${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}Z`;
const hex = (random: Random, length: number): string =>
  Array.from({ length }, () => random.int(0, 15).toString(16)).join('');

/** The formats the sampler knows; others are ignored (every string passes). */
export const FORMATS: Readonly<Record<string, FormatSpec>> = {
  'date-time': {
    check: (text) => {
      const [date, time, ...rest] = text.split(/t|\s/i);
      return (
        rest.length === 0 && date !== undefined && time !== undefined && checkDate(date) && checkTime(time)
      );
    },
    valid: ['2024-02-29T23:59:59Z', '1970-01-01T00:00:00.000+00:00', '2026-11-28T16:40:00.123456-05:30'],
    random: (random) => `${randomDate(random)}T${randomTime(random)}`,
    invalid: [
      '2023-02-29T10:00:00Z',
      '2024-01-01',
      '2024-13-01T00:00:00Z',
      '2024-01-01T24:00:00Z',
      'yesterday',
    ],
  },
  date: {
    check: checkDate,
    valid: ['2024-02-29', '1970-01-01', '9999-12-31'],
    random: randomDate,
    invalid: ['2023-02-29', '2024-04-31', '2024-1-01', '20240101', '2024-01-01T00:00:00Z'],
  },
  time: {
    check: checkTime,
    valid: ['00:00:00Z', '23:59:59.999+01:00', '12:30:00-08:00'],
    random: randomTime,
    invalid: ['24:00:00Z', '12:60:00Z', '12:00', 'noon'],
  },
  email: {
    check: (text) =>
      /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(
        text,
      ),
    valid: ['user@example.com', 'first.last+tag@sub.example.org', 'x@a.io'],
    random: (random) => `user${random.int(0, 9999)}@example.com`,
    invalid: ['plainaddress', 'user@', '@example.com', 'a b@example.com', 'user@@example.com'],
  },
  uri: {
    check: (text) => /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i.test(text) && !/%(?![0-9a-f]{2})/i.test(text),
    valid: ['https://example.com/path?q=1#frag', 'urn:isbn:0451450523', 'mailto:user@example.com'],
    random: (random) => `https://example.com/${hex(random, 6)}`,
    invalid: ['not a uri', '/relative/path', '://missing-scheme', 'http://exa mple.com'],
  },
  uuid: {
    check: (text) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(text),
    valid: ['123e4567-e89b-42d3-a456-426614174000', '00000000-0000-0000-0000-000000000000'],
    random: (random) =>
      `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`,
    invalid: [
      '123e4567-e89b-42d3-a456-42661417400',
      'g23e4567-e89b-42d3-a456-426614174000',
      '123e4567e89b42d3a456426614174000',
    ],
  },
  ipv4: {
    check: checkIpv4,
    valid: ['0.0.0.0', '255.255.255.255', '192.168.0.1'],
    random: (random) => Array.from({ length: 4 }, () => random.int(0, 255)).join('.'),
    invalid: ['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', 'a.b.c.d'],
  },
  ipv6: {
    check: checkIpv6,
    valid: ['::1', '::', '2001:db8::8a2e:370:7334', 'fe80:0:0:0:204:61ff:fe9d:f156', '::ffff:192.0.2.128'],
    random: (random) => Array.from({ length: 8 }, () => hex(random, 4)).join(':'),
    invalid: ['1::2::3', '12345::', '2001:db8:::1', '1:2:3:4:5:6:7', 'g::1'],
  },
};

/** True when the string satisfies a known format, or the format is unknown. */
export function checkFormat(format: string, text: string): boolean {
  const spec = FORMATS[format];
  return spec === undefined || spec.check(text);
}

/** Bounds of the OpenAPI integer formats, which ajv-formats also checks on numbers. */
export const INTEGER_FORMATS: Readonly<Record<string, { min: number; max: number }>> = {
  int32: { min: -(2 ** 31), max: 2 ** 31 - 1 },
  int64: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
};

/** True when a number satisfies a numeric format (`int32`, `int64`), or the format is not numeric. */
export function checkNumberFormat(format: string, value: number): boolean {
  if (format === 'int64') return Number.isInteger(value);
  const range = INTEGER_FORMATS[format];
  return range === undefined || (Number.isInteger(value) && value >= range.min && value <= range.max);
}
