import type { FluidLogger } from '@fluid-droplet/sdk';

/**
 * Hands a new order to the fulfilment system, once: the webhook handler's idempotency claim keeps a delivery from
 * running twice across instances, and the `Idempotency-Key` (the event id) lets the receiver drop the rare repeat
 * after a crash between its reply and our claim's completion.
 *
 * @example
 * await forwardOrder('https://erp.example.com/orders', { eventId: 'acme:812', shop: 'acme', order }, signal);
 */
export async function forwardOrder(
  fulfilmentUrl: string | undefined,
  order: { readonly eventId: string; readonly shop: string | null; readonly order: unknown },
  signal: AbortSignal,
  logger: FluidLogger,
): Promise<void> {
  if (fulfilmentUrl === undefined) {
    logger.info?.('order received (no FULFILMENT_URL set)', { eventId: order.eventId });
    return;
  }
  const response = await fetch(fulfilmentUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': order.eventId },
    body: JSON.stringify({ shop: order.shop, order: order.order }),
    signal,
  });
  await response.body?.cancel();
  // A failure makes the webhook answer 500, so Fluid delivers again and another instance may run it.
  if (!response.ok) throw new Error(`fulfilment answered ${response.status}`);
}
