import { describe, expect, it } from 'vitest';
import { matches, sampleInvalid, sampleValid } from '../src/index.js';

const hasKey = (value: unknown, key: string): boolean =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key);

describe('valid edge values', () => {
  it('counts string lengths in code points and reaches both bounds with astral characters', () => {
    const valid = sampleValid({ type: 'string', minLength: 2, maxLength: 4 }) as string[];
    expect(valid).toContain('😀😀');
    expect(valid).toContain('😀😀😀😀');
    const invalid = sampleInvalid({ type: 'string', minLength: 2, maxLength: 4 });
    expect(invalid).toContain('😀');
    expect(invalid).toContain('😀😀😀😀😀');
  });

  it('returns every enum member and boundary numbers', () => {
    expect(sampleValid({ enum: ['a', 2, null] })).toEqual(expect.arrayContaining(['a', 2, null]));
    const numbers = sampleValid({ type: 'integer', minimum: -3, maximum: 7 });
    expect(numbers).toEqual(expect.arrayContaining([-3, 7]));
    expect(sampleInvalid({ type: 'integer', minimum: -3, maximum: 7 })).toEqual(
      expect.arrayContaining([-4, 8, 2.5]),
    );
    expect(sampleValid({ type: 'number', multipleOf: 0.01, minimum: 0.05, maximum: 1 })).toEqual(
      expect.arrayContaining([0.05, 1]),
    );
  });

  it('treats draft-04 boolean exclusiveMinimum as exclusive', () => {
    const schema = { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10 };
    const valid = sampleValid(schema) as number[];
    expect(valid.every((value) => value > 0 && value <= 10)).toBe(true);
    expect(sampleInvalid(schema)).toContain(0);
  });

  it('has optional keys present and absent, empty containers, and unusual keys where allowed', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, list: { type: 'array' } } };
    const valid = sampleValid(schema);
    expect(valid).toContainEqual({});
    expect(valid.some((value) => hasKey(value, 'a') && hasKey(value, 'list'))).toBe(true);
    expect(valid.some((value) => hasKey(value, '__proto__'))).toBe(true);
    expect(valid.some((value) => hasKey(value, 'ключ'))).toBe(true);
    expect(valid.some((value) => hasKey(value, 'list') && JSON.stringify(value).includes('"list":[]'))).toBe(
      true,
    );
    const proto = valid.find((value) => hasKey(value, '__proto__'));
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });
});

describe('near misses', () => {
  const closed = {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: {
      id: { type: 'integer' },
      tags: { type: 'array', uniqueItems: true, items: { type: 'string' } },
    },
  };

  it('drops a required key, adds an unexpected key and duplicates unique items', () => {
    const invalid = sampleInvalid(closed);
    expect(invalid.some((value) => typeof value === 'object' && value !== null && !hasKey(value, 'id'))).toBe(
      true,
    );
    expect(invalid.some((value) => hasKey(value, 'unexpected'))).toBe(true);
    expect(invalid.some((value) => hasKey(value, '__proto__'))).toBe(true);
    const tagLists = invalid.flatMap((value) =>
      hasKey(value, 'tags') ? [(value as { tags: unknown }).tags] : [],
    );
    expect(
      tagLists.some((tags) => Array.isArray(tags) && tags.length > 1 && new Set(tags).size < tags.length),
    ).toBe(true);
  });

  it('includes values that match two oneOf branches', () => {
    const invalid = sampleInvalid({
      oneOf: [
        { type: 'integer', maximum: 10 },
        { type: 'integer', minimum: 5 },
      ],
    });
    expect(invalid.some((value) => typeof value === 'number' && value >= 5 && value <= 10)).toBe(true);
  });

  it('breaks formats and patterns', () => {
    expect(sampleInvalid({ type: 'string', format: 'date' })).toContain('2023-02-29');
    const invalid = sampleInvalid({ type: 'string', pattern: '^[a-z]+$' });
    expect(invalid).toContain('');
    expect(invalid.every((value) => typeof value !== 'string' || !/^[a-z]+$/.test(value))).toBe(true);
  });
});

describe('robustness', () => {
  it.each([
    [
      'a $ref cycle without progress',
      { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' },
    ],
    [
      'a required self-reference',
      { type: 'object', required: ['next'], properties: { next: { $ref: '#' } } },
    ],
    ['a dangling $ref', { $ref: '#/$defs/missing' }],
    ['a remote $ref', { $ref: 'https://example.com/schema.json' }],
    ['unknown keywords', { type: 'string', 'x-vendor': { deep: true }, unevaluatedProperties: false }],
    ['not a schema', 42],
    ['null', null],
    ['an invalid regex', { type: 'string', pattern: '([' }],
    ['contradictions', { type: 'integer', minimum: 5, maximum: 1 }],
  ])('terminates without throwing on %s', (_, schema) => {
    expect(() => sampleValid(schema, { count: 20 })).not.toThrow();
    expect(() => sampleInvalid(schema, { count: 20 })).not.toThrow();
  });

  it('bounds recursion by maxDepth', () => {
    const tree = { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#' } } } };
    const depthOf = (value: unknown): number =>
      hasKey(value, 'kids') ? 1 + Math.max(0, ...(value as { kids: unknown[] }).kids.map(depthOf)) : 0;
    const valid = sampleValid(tree, { maxDepth: 2 });
    expect(valid.length).toBeGreaterThan(0);
    expect(Math.max(...valid.map(depthOf))).toBeLessThanOrEqual(2 + 1);
  });

  it('exposes its checker, which agrees with the schema on simple cases', () => {
    expect(matches({ type: 'string', minLength: 2 }, '😀😀')).toBe(true);
    expect(matches({ type: 'string', minLength: 2 }, '😀')).toBe(false);
    expect(matches({ $defs: { 'a/b': { const: 1 } }, $ref: '#/$defs/a~1b' }, 1)).toBe(true);
  });
});
