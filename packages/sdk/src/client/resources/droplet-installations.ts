import type { FluidPromise } from '../api-promise.js';
import type { RequestOptions } from '../core/config.js';
import type { DropletInstallationExchangeResult } from '../types.js';
import { ApiResource } from './api-resource.js';

/** Droplet installations (`/api/droplet_installations`). */
export class DropletInstallations extends ApiResource {
  /**
   * Trades the one-time `dex_…` token from a v2 install webhook for the installation's credentials. Sent
   * without `Authorization`. A used or expired token fails with `GoneError`, an unknown one with `NotFoundError`.
   *
   * @example
   * const { credentials } = await client.dropletInstallations.exchange(company.credentials.exchange_token);
   */
  exchange(exchangeToken: string, options?: RequestOptions): FluidPromise<DropletInstallationExchangeResult> {
    return this.call(
      {
        method: 'POST',
        path: '/api/droplet_installations/exchange',
        body: { exchange_token: exchangeToken },
        authenticated: false,
      },
      { body: 'without-meta' },
      options,
    );
  }
}
