/** Realistic response bodies for client tests, shaped as fluid/API.md documents them. */
export const meta = { request_id: 'req_123', timestamp: '2026-01-01T00:00:00Z' };

/** A webhook as Fluid returns it. */
export function webhook(id: number): Record<string, unknown> {
  return {
    id,
    company_id: 7,
    droplet_installation_uuid: null,
    url: `https://hooks.example.com/${id}`,
    active: true,
    resource: 'order',
    event: 'created',
    event_identifier: 'order_created',
    http_method: 'post',
    auth_token: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

/** A callback registration as Fluid returns it. */
export function registration(uuid: string): Record<string, unknown> {
  return {
    uuid,
    company_id: 7,
    company_name: 'Acme',
    definition_name: 'update_cart_shipping',
    url: 'https://service.example.com/callbacks/update_cart_shipping',
    verification_token: 'cvt_secret',
    active: true,
    country_codes: [],
    timeout_in_seconds: 10,
    created_at: '2026-01-01T00:00:00Z',
    owner_type: 'DropletInstallation',
    owner_id: 3,
    owner_name: 'Shipping droplet',
  };
}

/** A page of a paginated list envelope. */
export function pageBody(
  key: string,
  items: unknown[],
  current: number,
  total: number,
): Record<string, unknown> {
  return {
    [key]: items,
    meta: {
      ...meta,
      pagination: {
        current_page: current,
        total_pages: total,
        total_count: total * items.length,
        per_page: items.length,
      },
    },
  };
}

/** The error `promise` rejects with; throws when it resolves instead. */
export async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
