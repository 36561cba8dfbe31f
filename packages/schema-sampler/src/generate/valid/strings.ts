import { FORMATS } from '../../formats/formats.js';
import { codePointLength, num, type SchemaObject } from '../../schema/json.js';
import type { GenerateContext } from '../context.js';
import { planPattern } from '../pattern-strings.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Above this length, strings are only built for an explicit bound, never at random. */
const CASUAL_MAX = 16;

/** A string of `length` code points drawn from the alphabet by the random source. */
function randomText(ctx: GenerateContext, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += LETTERS[ctx.random.int(0, LETTERS.length - 1)];
  return out;
}

/** Strings of exactly `length` code points in several scripts: ASCII, Latin-1, astral (two UTF-16 units each). */
function textsOfLength(ctx: GenerateContext, length: number): string[] {
  return [randomText(ctx, length), '😀'.repeat(length), 'é'.repeat(length), 'a'.repeat(length)];
}

/** Pads with `a` up to `length` code points (used after an unanchored pattern match). */
function padTo(text: string, length: number): string {
  const missing = length - codePointLength(text);
  return missing > 0 ? text + 'a'.repeat(missing) : text;
}

/**
 * Valid string candidates: examples for known formats, strings built from simple patterns, and for plain
 * strings the shortest and longest allowed lengths counted in code points (with astral characters).
 */
export function stringValues(schema: SchemaObject, ctx: GenerateContext): string[] {
  const min = num(schema, 'minLength') ?? 0;
  const max = num(schema, 'maxLength');
  const spec = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (spec) return [spec.random(ctx.random), ...spec.valid, spec.random(ctx.random)];
  if (typeof schema.pattern === 'string') {
    const plan = planPattern(schema.pattern, ctx.random);
    if (plan) {
      const built = [plan.build('random'), plan.build('min'), plan.build('max')];
      // Extra random builds give approximated patterns (lookarounds) several chances to pass the filter.
      for (let i = 0; i < 8; i++) built.push(plan.build('random'));
      const padded = plan.openEnd ? built.map((text) => padTo(text, min)) : [];
      return [...built, ...padded, plan.build('random')];
    }
  }
  const casualMax = Math.min(max ?? min + CASUAL_MAX, Math.max(min, CASUAL_MAX) + CASUAL_MAX);
  const lengths = new Set([min, ctx.random.int(min, casualMax), min + 1]);
  if (max !== undefined && max <= min + 4096) lengths.add(max);
  const out = [randomText(ctx, ctx.random.int(min, casualMax))];
  for (const length of lengths)
    if (max === undefined || length <= max) out.push(...textsOfLength(ctx, length));
  out.push('hello world', 'ünïcödé ✓', 'line\nbreak', '__proto__');
  return out;
}
