import { describe, expect, test } from 'vitest';
import { describePath, EXTRA_KEY, valueAt, withValueAt } from '../../src/diff/instance-path.js';

describe('instance paths', () => {
  test('reads and replaces a value without touching the original', () => {
    const instance = { cart: { items: [{ sku: 'A' }] } };
    const path = [
      { kind: 'key', key: 'cart' },
      { kind: 'key', key: 'items' },
      { kind: 'index', index: 0 },
      { kind: 'key', key: 'sku' },
    ] as const;
    expect(valueAt(instance, path)).toBe('A');
    expect(withValueAt(instance, path, 7)).toEqual({ cart: { items: [{ sku: 7 }] } });
    expect(instance.cart.items[0]?.sku).toBe('A');
    expect(describePath(path)).toBe('/cart/items/0/sku');
  });

  test('creates missing objects, grows an array by one element, and gives up otherwise', () => {
    expect(
      withValueAt(
        {},
        [
          { kind: 'key', key: 'a' },
          { kind: 'index', index: 0 },
        ],
        1,
      ),
    ).toEqual({ a: [1] });
    expect(
      withValueAt(
        { a: [] },
        [
          { kind: 'key', key: 'a' },
          { kind: 'index', index: 2 },
        ],
        1,
      ),
    ).toBeUndefined();
    expect(withValueAt('text', [{ kind: 'key', key: 'a' }], 1)).toBeUndefined();
    expect(withValueAt({ a: 1 }, [{ kind: 'extra' }], true)).toEqual({ a: 1, [EXTRA_KEY]: true });
  });

  test('a __proto__ key stays an own property', () => {
    const result = withValueAt({}, [{ kind: 'key', key: '__proto__' }], { polluted: true }) as object;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(result)).toBe('{"__proto__":{"polluted":true}}');
  });
});
