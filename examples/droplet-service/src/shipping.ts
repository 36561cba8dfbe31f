import type { CallbackRequest, CallbackResponse } from '@fluid-droplet/sdk';

/**
 * Quotes shipping for a cart: a flat ground rate plus a per-item charge, and an express option. The request
 * schema of update_cart_shipping is an open object, so the cart is read defensively.
 *
 * @example
 * quoteShipping({ cart: { items: [{ quantity: 2 }] } }).shipping_options[0] // { shipping_title: 'Ground', shipping_total: 5.49, ... }
 */
export function quoteShipping(
  request: CallbackRequest<'update_cart_shipping'>,
): CallbackResponse<'update_cart_shipping'> {
  const quantities = itemQuantities(request.cart);
  if (quantities.length === 0) return { shipping_options: [] };
  const units = quantities.reduce((sum, quantity) => sum + quantity, 0);
  const ground = round(4.99 + 0.5 * Math.max(0, units - 1));
  return {
    shipping_options: [
      {
        shipping_title: 'Ground',
        shipping_total: ground,
        shipping_delivery_time_estimate: '3-5 business days',
      },
      {
        shipping_title: 'Express',
        shipping_total: round(ground + 10),
        shipping_delivery_time_estimate: '1-2 business days',
      },
    ],
  };
}

/** The positive quantities of `cart.items` (a missing quantity counts as 1); anything malformed is skipped. */
function itemQuantities(cart: unknown): number[] {
  if (!isRecord(cart) || !Array.isArray(cart.items)) return [];
  const items: readonly unknown[] = cart.items;
  const quantities: number[] = [];
  for (const item of items) {
    if (!isRecord(item)) continue;
    const quantity = item.quantity === undefined ? 1 : Number(item.quantity);
    if (Number.isFinite(quantity) && quantity > 0) quantities.push(quantity);
  }
  return quantities;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
