import type { InstallationStore } from './types.js';

/**
 * The webhook handler's `resolveKeys` from an {@link InstallationStore}: the `wvt_` keys of the shop's active
 * installation (several during a rotation), or null when the shop has none, so the delivery is refused.
 *
 * @example
 * createWebhookHandler({ dropletSecret, resolveKeys: webhookKeysByShop(stores.installations), on: { ... } });
 */
export function webhookKeysByShop(
  installations: Pick<InstallationStore, 'byShop'>,
): (lookup: { readonly shop: string | null }) => Promise<string[] | null> {
  return async ({ shop }) => {
    if (shop === null || shop.trim() === '') return null;
    const keys = (await installations.byShop(shop))?.webhookKeys ?? [];
    return keys.length === 0 ? null : [...keys];
  };
}
