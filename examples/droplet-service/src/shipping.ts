import type { CallbackRequest, CallbackResponse } from '@fluid-droplet/sdk';

interface CartItem {
  readonly quantity: number;
}

/**
 * Quotes shipping for a cart: a flat ground rate plus a per-item charge, and an express option. The request
 * schema of update_cart_shipping is open, so the cart is read defensively.
 */
export function quoteShipping(
  request: CallbackRequest<'update_cart_shipping'>,
): CallbackResponse<'update_cart_shipping'> {
  const items = cartItems(request.cart);
  if (items.length === 0) return { shipping_options: [] };
  const units = items.reduce((sum, item) => sum + item.quantity, 0);
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

function cartItems(cart: unknown): CartItem[] {
  if (typeof cart !== 'object' || cart === null || !('items' in cart) || !Array.isArray(cart.items))
    return [];
  const items: CartItem[] = [];
  for (const item of cart.items as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const quantity = 'quantity' in item ? Number(item.quantity) : 1;
    if (Number.isFinite(quantity) && quantity > 0) items.push({ quantity });
  }
  return items;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
