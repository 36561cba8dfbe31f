import type { FluidPromise } from '../api-promise.js';
import type { DeleteOptions, RequestOptions } from '../core/config.js';
import type { PagePromise } from '../pagination.js';
import type {
  BulkDeletedWebhooks,
  DeletedWebhook,
  Webhook,
  WebhookCreateParams,
  WebhookListParams,
  WebhookResources,
  WebhookUpdateParams,
} from '../types.js';
import { ApiResource } from './api-resource.js';

const PATH = '/api/company/webhooks';

/** Webhook subscriptions (`/api/company/webhooks`). */
export class Webhooks extends ApiResource {
  /**
   * Lists webhooks a page at a time; `for await` over the result walks every page.
   *
   * @example
   * const page = await client.webhooks.list({ resource: 'order', per_page: 100 });
   */
  list(params: WebhookListParams = {}, options?: RequestOptions): PagePromise<Webhook> {
    return this.paginate({ method: 'GET', path: PATH, query: params }, 'webhooks', options);
  }

  /** Fetches one webhook by its numeric id. */
  get(id: number | string, options?: RequestOptions): FluidPromise<Webhook> {
    return this.call({ method: 'GET', path: PATH, params: [id] }, 'webhook', options);
  }

  /**
   * Subscribes `url` to `resource`.`event`; resolves to the created webhook (201).
   *
   * @example
   * await client.webhooks.create({ resource: 'order', event: 'created', url: 'https://example.com/hooks' });
   */
  create(body: WebhookCreateParams, options?: RequestOptions): FluidPromise<Webhook> {
    return this.call({ method: 'POST', path: PATH, body: { webhook: body } }, 'webhook', options);
  }

  /** Changes a webhook's url, active flag, secret or delivery method. */
  update(id: number | string, body: WebhookUpdateParams, options?: RequestOptions): FluidPromise<Webhook> {
    return this.call(
      { method: 'PUT', path: PATH, params: [id], body: { webhook: body } },
      'webhook',
      options,
    );
  }

  /** Deletes a webhook; resolves to its id (also on a 204 without a body, or a 404 with `ignoreNotFound`). */
  delete(id: number | string, options?: DeleteOptions): FluidPromise<DeletedWebhook> {
    return this.call({ method: 'DELETE', path: PATH, params: [id] }, 'webhook', options, { id: Number(id) });
  }

  /** Deletes several webhooks in one call; every id must be a non-negative integer. */
  bulkDelete(ids: readonly number[], options?: RequestOptions): FluidPromise<BulkDeletedWebhooks> {
    const valid = Array.isArray(ids) && ids.every((id) => Number.isSafeInteger(id) && id >= 0);
    return this.call(
      {
        method: 'DELETE',
        path: `${PATH}/bulk_delete`,
        body: { webhook_ids: ids },
        problem: valid ? undefined : 'ids must be an array of non-negative integers',
      },
      'webhooks',
      options,
    );
  }

  /** The subscribable resources with their events, and the deprecated resources. */
  resources(options?: RequestOptions): FluidPromise<WebhookResources> {
    return this.call({ method: 'GET', path: `${PATH}/resources` }, { body: 'without-meta' }, options);
  }
}
