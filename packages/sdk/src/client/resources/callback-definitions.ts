import type { FluidPromise } from '../api-promise.js';
import type { RequestOptions } from '../core/config.js';
import type { CallbackDefinition } from '../types.js';
import { ApiResource } from './api-resource.js';

/** The catalogue of callback definitions (`/api/callback/definitions`). */
export class CallbackDefinitions extends ApiResource {
  /**
   * Every callback definition with its JSON Schemas (the list is not paginated).
   *
   * @example
   * const names = (await client.callbackDefinitions.list()).map((definition) => definition.name);
   */
  list(options?: RequestOptions): FluidPromise<CallbackDefinition[]> {
    return this.call(
      { method: 'GET', path: '/api/callback/definitions' },
      'definitionList',
      'definitions',
      options,
    );
  }
}
