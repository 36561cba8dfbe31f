import { bounds } from '../../check/matches.js';
import { FORMATS, INTEGER_FORMATS } from '../../formats/formats.js';
import { codePointLength, num, type SchemaObject } from '../../schema/json.js';
import { decimals, nextDown, nextUp, roundTo } from '../float.js';

/** Drops the last code point (so an astral character counts as one, as JSON Schema requires). */
function dropLast(text: string): string {
  return [...text].slice(0, -1).join('');
}

/**
 * String near misses built from valid ones: one code point too short or too long (ASCII and astral), pattern
 * breakers, and invalid examples for known formats.
 */
export function invalidStrings(schema: SchemaObject, valid: readonly string[]): string[] {
  const min = num(schema, 'minLength');
  const max = num(schema, 'maxLength');
  const out: string[] = [];
  const atMin = valid.filter((text) => codePointLength(text) === min);
  const atMax = valid.filter((text) => codePointLength(text) === max);
  if (min !== undefined && min > 0) {
    out.push(...atMin.map(dropLast), 'a'.repeat(min - 1), '😀'.repeat(min - 1));
  }
  if (max !== undefined) out.push(...atMax.map((text) => `${text}a`), ...atMax.map((text) => `${text}😀`));
  if (max !== undefined) out.push('a'.repeat(max + 1), '😀'.repeat(max + 1));
  if (typeof schema.pattern === 'string') {
    const first = valid[0] ?? '';
    out.push(
      '',
      ' ',
      '!',
      `${first}!`,
      `!${first}`,
      `${first}\n`,
      first.toUpperCase(),
      '😀',
      dropLast(first),
    );
  }
  const spec = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (spec) out.push(...spec.invalid, ...spec.valid.map((text) => `${text} `));
  return out;
}

/** Number near misses: just past each bound (inclusive and exclusive), off-multiples, fractions for integers. */
export function invalidNumbers(schema: SchemaObject, integer: boolean, valid: readonly number[]): number[] {
  const out: number[] = [];
  const lower = bounds.lower(schema);
  const upper = bounds.upper(schema);
  if (lower) out.push(lower.exclusive ? lower.value : nextDown(lower.value), lower.value - 1);
  if (upper) out.push(upper.exclusive ? upper.value : nextUp(upper.value), upper.value + 1);
  const divisor = num(schema, 'multipleOf');
  if (divisor !== undefined) {
    for (const value of valid.slice(0, 3)) {
      out.push(roundTo(value + divisor / 2, decimals(divisor) + 1), value + divisor * 1e-3);
    }
  }
  if (integer) out.push(...valid.slice(0, 2).map((value) => value + 0.5), 1e-9);
  const range = typeof schema.format === 'string' ? INTEGER_FORMATS[schema.format] : undefined;
  if (range) out.push(range.min - 1, range.max + 1, 0.5);
  return out.filter(Number.isFinite);
}
