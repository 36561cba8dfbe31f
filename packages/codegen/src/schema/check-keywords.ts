import { isRecord } from './json.js';
import { SCHEMA_ARRAY_KEYWORDS, SCHEMA_MAP_KEYWORDS } from './keyword-kinds.js';

/** The JSON Schema type names, in the order messages list them. */
export const TYPE_NAMES: readonly string[] = [
  'array',
  'boolean',
  'integer',
  'null',
  'number',
  'object',
  'string',
];

interface Shape {
  readonly test: (value: unknown) => boolean;
  /** What the meta-schema allows, for the message: "must be <expected>". */
  readonly expected: string;
}

const isNonNegativeInteger = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isFiniteNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): boolean => typeof value === 'string';
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

/** True when `pattern` compiles the way the validators compile it (`u` flag, as ajv does). */
export function compilesAsPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

const NON_NEGATIVE: Shape = { test: isNonNegativeInteger, expected: 'a non-negative integer' };
const NUMBER: Shape = { test: isFiniteNumber, expected: 'a number' };
const STRING: Shape = { test: isString, expected: 'a string' };
const BOOLEAN: Shape = { test: isBoolean, expected: 'true or false' };
const ARRAY: Shape = { test: Array.isArray, expected: 'an array' };

/** Shapes of the keywords whose value is not a sub-schema, as the draft 2020-12 meta-schema states them. */
const SHAPES: ReadonlyMap<string, Shape> = new Map<string, Shape>([
  [
    'type',
    {
      test: (value) => {
        const list = Array.isArray(value) ? value : [value];
        return (
          list.length > 0 &&
          list.every((name) => typeof name === 'string' && TYPE_NAMES.includes(name)) &&
          new Set(list).size === list.length
        );
      },
      expected: `one of ${TYPE_NAMES.map((name) => JSON.stringify(name)).join(', ')}, or a non-empty array of distinct ones`,
    },
  ],
  ['enum', ARRAY],
  ['examples', ARRAY],
  [
    'required',
    {
      test: (value) =>
        Array.isArray(value) &&
        value.every((name) => typeof name === 'string') &&
        new Set(value).size === value.length,
      expected: 'an array of distinct strings',
    },
  ],
  ['minLength', NON_NEGATIVE],
  ['maxLength', NON_NEGATIVE],
  ['minItems', NON_NEGATIVE],
  ['maxItems', NON_NEGATIVE],
  ['minProperties', NON_NEGATIVE],
  ['maxProperties', NON_NEGATIVE],
  ['minContains', NON_NEGATIVE],
  ['maxContains', NON_NEGATIVE],
  ['minimum', NUMBER],
  ['maximum', NUMBER],
  ['exclusiveMinimum', { test: (value) => isFiniteNumber(value) || isBoolean(value), expected: 'a number' }],
  ['exclusiveMaximum', { test: (value) => isFiniteNumber(value) || isBoolean(value), expected: 'a number' }],
  [
    'multipleOf',
    { test: (value) => isFiniteNumber(value) && (value as number) > 0, expected: 'a number greater than 0' },
  ],
  ['uniqueItems', BOOLEAN],
  [
    'pattern',
    {
      test: (value) => typeof value === 'string' && compilesAsPattern(value),
      expected: "a regular expression that compiles with new RegExp(pattern, 'u')",
    },
  ],
  ['format', STRING],
  ['title', STRING],
  ['description', STRING],
  ['$comment', STRING],
  ['$ref', STRING],
  ['$id', STRING],
  ['$anchor', STRING],
  ['$dynamicAnchor', STRING],
  ['$dynamicRef', STRING],
  [
    'dependentRequired',
    {
      test: (value) =>
        isRecord(value) &&
        Object.values(value).every(
          (names) =>
            Array.isArray(names) &&
            names.every((name) => typeof name === 'string') &&
            new Set(names).size === names.length,
        ),
      expected: 'an object whose values are arrays of distinct strings',
    },
  ],
  ['dependencies', { test: isRecord, expected: 'an object of schemas or arrays of strings' }],
  ['deprecated', BOOLEAN],
  ['readOnly', BOOLEAN],
  ['writeOnly', BOOLEAN],
  ['nullable', BOOLEAN],
]);

/** Shows a bad value briefly in a message. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks one keyword's value against the meta-schema's shape for it: a message for the `invalid-schema`
 * diagnostic, or `undefined` when the value is well formed (or the keyword has no fixed shape, e.g. `const`).
 */
export function checkKeyword(keyword: string, value: unknown): string | undefined {
  if (SCHEMA_ARRAY_KEYWORDS.has(keyword)) {
    return Array.isArray(value) && value.length > 0
      ? undefined
      : `${keyword} must be a non-empty array of schemas, got ${show(value)}`;
  }
  if (SCHEMA_MAP_KEYWORDS.has(keyword)) {
    return isRecord(value) ? undefined : `${keyword} must be an object of schemas, got ${show(value)}`;
  }
  const shape = SHAPES.get(keyword);
  if (shape === undefined || shape.test(value)) return undefined;
  return `${keyword} must be ${shape.expected}, got ${show(value)}`;
}

/** The message for a value in a sub-schema position that is neither an object nor a boolean. */
export function notASchema(value: unknown): string {
  return `a schema must be an object or a boolean, got ${show(value)}`;
}
