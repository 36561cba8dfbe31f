// Values a counterexample search tries at one place in an instance: built from the change itself.
import { isRecord } from '../schema/json.js';

/** One value of each JSON type (two numbers: an integer and a fraction). */
export const ANY_VALUES: readonly unknown[] = ['text', 1, 0.5, true, null, [], {}];

/** A value of each of the given type atoms (`integer`, `fraction`, `string`, ...). */
export function valuesOfAtoms(atoms: readonly string[]): unknown[] {
  const values: Record<string, unknown[]> = {
    string: ['text', ''],
    integer: [1, 0, -1],
    fraction: [0.5, -1.5],
    boolean: [true, false],
    null: [null],
    array: [[]],
    object: [{}],
  };
  return atoms.flatMap((atom) => values[atom] ?? []);
}

/** Numbers around and between the given bounds, for a bound that moved. */
export function numbersNear(bounds: ReadonlyArray<number | undefined>): number[] {
  const finite = bounds.filter((value): value is number => value !== undefined && Number.isFinite(value));
  const out = new Set<number>();
  for (const value of finite) {
    for (const delta of [0, 1, -1, 0.5, -0.5, 0.001, -0.001, 1000, -1000]) out.add(value + delta);
    out.add(Math.floor(value));
    out.add(Math.ceil(value));
  }
  for (const a of finite) for (const b of finite) out.add((a + b) / 2);
  if (finite.length === 0) for (const value of [0, 1, -1, 0.5]) out.add(value);
  return [...out].filter(Number.isFinite);
}

/** Counts around the given bounds (non-negative integers), for a moved length, item or property count bound. */
export function countsNear(bounds: ReadonlyArray<number | undefined>): number[] {
  const out = new Set<number>([0, 1]);
  for (const value of bounds) {
    if (value === undefined) continue;
    for (const delta of [0, 1, -1, 2])
      if (value + delta >= 0 && value + delta <= 10_000) out.add(value + delta);
  }
  return [...out].sort((a, b) => a - b);
}

/** `current` resized to `count` elements, characters or properties, when it is a string, array or object. */
export function resized(current: unknown, count: number): unknown {
  if (typeof current === 'string' || current === undefined) {
    const chars = [...(typeof current === 'string' && current !== '' ? current : 'a')];
    const out: string[] = [];
    for (let index = 0; out.length < count; index++) out.push(chars[index % chars.length] as string);
    return out.join('');
  }
  if (Array.isArray(current)) {
    if (count > current.length && current.length === 0) return undefined;
    const out: unknown[] = [];
    for (let index = 0; out.length < count; index++) out.push(current[index % current.length]);
    return out;
  }
  if (isRecord(current)) {
    const entries = Object.entries(current).slice(0, count);
    for (let index = 0; entries.length < count; index++) entries.push([`extra_${index}`, 'text']);
    return Object.fromEntries(entries);
  }
  return undefined;
}
