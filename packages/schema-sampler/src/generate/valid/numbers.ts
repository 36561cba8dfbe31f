import { bounds } from '../../check/matches.js';
import { num, type SchemaObject } from '../../schema/json.js';
import type { GenerateContext } from '../context.js';
import { decimals, nextDown, nextUp, roundTo } from '../float.js';

/** Snaps a value to the nearest multiple of `divisor` at or above (`up`) or below it, in the divisor's precision. */
export function snap(value: number, divisor: number, up: boolean): number {
  const steps = up ? Math.ceil(value / divisor - 1e-9) : Math.floor(value / divisor + 1e-9);
  return roundTo(steps * divisor, decimals(divisor));
}

/** The inclusive numeric range a schema allows, after exclusivity, integrality and multipleOf. */
export function numberRange(
  schema: SchemaObject,
  integer: boolean,
): { low: number | undefined; high: number | undefined } {
  const lower = bounds.lower(schema);
  const upper = bounds.upper(schema);
  let low = lower === undefined ? undefined : lower.exclusive ? nextUp(lower.value) : lower.value;
  let high = upper === undefined ? undefined : upper.exclusive ? nextDown(upper.value) : upper.value;
  if (integer) {
    if (low !== undefined) low = Math.ceil(low);
    if (high !== undefined) high = Math.floor(high);
  }
  const divisor = num(schema, 'multipleOf');
  if (divisor !== undefined && divisor > 0) {
    if (low !== undefined) low = snap(low, divisor, true);
    if (high !== undefined) high = snap(high, divisor, false);
  }
  return { low, high };
}

/**
 * Valid number candidates: both bounds, their neighbours, zero and small values, a value just past an exclusive
 * bound, multiples of `multipleOf`, and seeded random picks inside the range.
 */
export function numberValues(schema: SchemaObject, ctx: GenerateContext, integer: boolean): number[] {
  const { low, high } = numberRange(schema, integer);
  const divisor = num(schema, 'multipleOf');
  const step = divisor ?? (integer ? 1 : 0.5);
  const from = low ?? (high === undefined ? -1000 : Math.min(high, 0) - 1000);
  const to = high ?? Math.max(from, 0) + 1000;
  const randomIn = (): number => {
    const raw = from + ctx.random.next() * (to - from);
    if (divisor !== undefined) return snap(raw, divisor, true);
    return integer ? Math.round(raw) : roundTo(raw, ctx.random.int(0, 3));
  };
  const out: number[] = [randomIn()];
  if (low !== undefined) out.push(low, roundTo(low + step, decimals(step)));
  if (high !== undefined) out.push(high, roundTo(high - step, decimals(step)));
  out.push(0, 1, -1, divisor ?? (integer ? 2 : 0.5), randomIn(), randomIn());
  if (!integer && divisor === undefined) out.push(-2.5, 2.75, 1e-7);
  if (low === undefined) out.push(integer ? -Number.MAX_SAFE_INTEGER : -1e15);
  if (high === undefined) out.push(integer ? Number.MAX_SAFE_INTEGER : 1e15);
  const lower = bounds.lower(schema);
  if (lower?.exclusive && !integer && divisor === undefined) {
    out.push(lower.value + Math.max(1e-6, Math.abs(lower.value) * 1e-9));
  }
  return out
    .filter((value) => Number.isFinite(value) && (!integer || Number.isInteger(value)))
    .map((value) => (Object.is(value, -0) ? 0 : value));
}
