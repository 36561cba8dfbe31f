/**
 * The canonical form of a shop: trimmed, lowercase, without the `.fluid.app` suffix, so `Acme`, `acme` and
 * `acme.fluid.app` are one shop.
 *
 * @example
 * canonicalShop('Acme.fluid.app') // 'acme'
 */
export function canonicalShop(shop: string): string {
  return shop
    .trim()
    .toLowerCase()
    .replace(/\.fluid\.app$/, '');
}
