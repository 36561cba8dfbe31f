import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/hash.js';

describe('canonicalJson', () => {
  it.each([
    [
      'keys sorted at every level',
      { b: 1, a: { d: [true, null], c: 'x' } },
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    ],
    ['key order never matters', { a: 1, b: 2 }, '{"a":1,"b":2}'],
    ['numbers as JSON writes them', [1.5, -0, 1e21, 0.1], '[1.5,0,1e+21,0.1]'],
    ['strings and keys escaped', { 'q"\n': '\u2028"' }, '{"q\\"\\n":"\u2028\\""}'],
    ['an own __proto__ key kept', JSON.parse('{"__proto__": 1, "a": 2}'), '{"__proto__":1,"a":2}'],
    ['what JSON cannot hold as null', [undefined, Number.NaN], '[null,null]'],
  ])('%s', (_, value, want) => {
    expect(canonicalJson(value)).toBe(want);
  });

  it('matches JSON.stringify of a copy with sorted keys', () => {
    const value = { z: [{ y: 1, x: [{ b: 2, a: 1 }] }], m: 'n', a: { c: null, b: false } };
    const sorted = (item: unknown): unknown =>
      Array.isArray(item)
        ? item.map(sorted)
        : typeof item === 'object' && item !== null
          ? Object.fromEntries(
              Object.keys(item)
                .sort()
                .map((key) => [key, sorted((item as Record<string, unknown>)[key])]),
            )
          : item;
    expect(canonicalJson(value)).toBe(JSON.stringify(sorted(value)));
  });
});
