/**
 * Splits a definition name into ASCII words: on any character that is not a letter or digit, and
 * between a lower-case letter or digit and an upper-case letter (`cartItem` -> `cart`, `item`).
 */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function identifier(joined: string): string {
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** `update_cart_shipping` -> `UpdateCartShipping`; a leading digit gets a `_` so it stays an identifier. */
export function pascalCase(name: string): string {
  return caseForms(name).pascal;
}

/** `update_cart_shipping` -> `updateCartShipping`; a leading digit gets a `_` so it stays an identifier. */
export function camelCase(name: string): string {
  return caseForms(name).camel;
}

/** `update_cart_shipping` -> `update-cart-shipping`: lower case only, so safe on case-insensitive file systems. */
export function kebabCase(name: string): string {
  return caseForms(name).kebab;
}

/** {@link pascalCase}, {@link camelCase} and {@link kebabCase} of one name, splitting it into words once. */
export function caseForms(name: string): { pascal: string; camel: string; kebab: string } {
  const parts = words(name);
  const [first = '', ...rest] = parts;
  return {
    pascal: identifier(parts.map(capitalize).join('')),
    camel: identifier(first.toLowerCase() + rest.map(capitalize).join('')),
    kebab: parts.map((word) => word.toLowerCase()).join('-'),
  };
}
