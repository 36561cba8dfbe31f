import { jsonTypesOf } from '../../check/matches.js';
import { isRecord, setOwn } from '../../schema/json.js';

/** Values close to the given one but not deep-equal to it (for `const` and `enum` near misses). */
export function nearby(value: unknown): unknown[] {
  if (typeof value === 'string') return [`${value}x`, value.slice(0, -1), value.toUpperCase(), ` ${value}`];
  if (typeof value === 'number') return [value + 1, value - 1, value + 0.5, String(value)];
  if (typeof value === 'boolean') return [!value, String(value)];
  if (value === null) return [0, 'null', false];
  if (Array.isArray(value)) return [[...value, null], value.slice(1), [...value].reverse()];
  if (isRecord(value)) {
    const extended: Record<string, unknown> = { ...value };
    setOwn(extended, 'unexpected', true);
    const keys = Object.keys(value);
    const shortened: Record<string, unknown> = {};
    for (const key of keys.slice(1)) setOwn(shortened, key, value[key]);
    return [extended, shortened];
  }
  return [];
}

/** One value of every JSON type that `types` does not allow (so `integer` still gets a fractional number). */
export function wrongTypes(types: readonly string[]): unknown[] {
  const samples: unknown[] = [null, true, 7, 2.5, 'text', [], {}, '42'];
  return samples.filter((sample) => !jsonTypesOf(sample).some((type) => types.includes(type)));
}
