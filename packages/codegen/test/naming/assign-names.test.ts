import { describe, expect, it } from 'vitest';
import { assignNames } from '../../src/naming/assign-names.js';
import { camelCase, kebabCase, pascalCase } from '../../src/naming/case.js';
import { sourced } from '../helpers.js';

describe('case conversion', () => {
  it.each([
    ['update_cart_shipping', 'UpdateCartShipping', 'updateCartShipping', 'update-cart-shipping'],
    ['checkout.tax-quote', 'CheckoutTaxQuote', 'checkoutTaxQuote', 'checkout-tax-quote'],
    ['cartItemAdded', 'CartItemAdded', 'cartItemAdded', 'cart-item-added'],
    ['HTTPRequest', 'HttpRequest', 'httpRequest', 'http-request'],
    ['3d_secure', '_3dSecure', '_3dSecure', '3d-secure'],
  ])('%s', (name, pascal, camel, kebab) => {
    expect([pascalCase(name), camelCase(name), kebabCase(name)]).toEqual([pascal, camel, kebab]);
  });
});

describe('assignNames', () => {
  it.each([
    ['', 'name is empty'],
    ['   ', 'name is empty'],
    [' a', 'whitespace'],
    ['...', 'looks like a path'],
    ['!!!', 'no letters or digits'],
    ['../../outside/evil', 'looks like a path'],
    ['a/b', 'looks like a path'],
    ['C:\\x', 'looks like a path'],
    ['C:x', 'drive path'],
    ['a\u0000b', 'control character'],
    ['a\nb', 'control character'],
  ])('rejects the name %j (B1.6)', (name, message) => {
    const { names, diagnostics } = assignNames([sourced(name, {}, 'x.json')]);
    expect(names.size).toBe(0);
    expect(diagnostics).toMatchObject([
      {
        severity: 'error',
        code: 'invalid-name',
        pointer: '/name',
        file: 'x.json',
        message: expect.stringContaining(message),
      },
    ]);
  });

  it('rejects duplicate names, naming both locations (B1.7)', () => {
    const { diagnostics } = assignNames([sourced('a', {}, 'one.json'), sourced('a', {}, 'two.json')]);
    expect(diagnostics).toMatchObject([
      { code: 'duplicate-name', file: 'two.json', message: 'has the same name as "a" from one.json' },
    ]);
  });

  it.each([
    ['checkout.tax-quote', 'checkout_tax.quote', 'gets the same identifiers (CheckoutTaxQuote...)'],
    ['Order', 'order', 'gets the same identifiers (Order...)'],
    ['index', 'index_callback', 'gets the same file name (index-callback.ts)'],
  ])('rejects %j and %j colliding after casing, naming both (B1.8)', (first, second, message) => {
    const { diagnostics } = assignNames([sourced(first, {}, 'one.json'), sourced(second, {}, 'two.json')]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain(message);
    expect(diagnostics[0]?.message).toContain(`${JSON.stringify(first)} from one.json`);
    expect(diagnostics[0]?.definition).toBe(second);
  });

  it('never takes the registry file, Windows device names or the registry types (B2.21)', () => {
    const inputs = ['index', 'con', 'callback', 'z', 'constructor', 'class', '__proto__'].map((name) =>
      sourced(name),
    );
    const { names, diagnostics } = assignNames(inputs);
    expect(diagnostics).toEqual([]);
    const derived = inputs.map((item) => names.get(item));
    expect(derived.map((item) => item?.fileName)).toEqual([
      'index-callback.ts',
      'con-callback.ts',
      'callback.ts',
      'z.ts',
      'constructor.ts',
      'class.ts',
      'proto.ts',
    ]);
    expect(derived[2]).toMatchObject({ typePrefix: 'CallbackDefinition', constPrefix: 'callbackDefinition' });
    // Every generated identifier ends in Request/Response(Schema), so none is a reserved word, a global or `z`.
    expect(derived[3]).toMatchObject({ typePrefix: 'Z', constPrefix: 'z' });
  });
});
