import type { RequestOptions } from '../core/config.js';
import type { PagePromise } from '../pagination.js';
import type { CallbackDefinition } from '../types.js';
import { ApiResource } from './api-resource.js';

const PATH = '/api/callback/definitions';

/** The catalogue of callback definitions (`/api/callback/definitions`). */
export class CallbackDefinitions extends ApiResource {
  /**
   * Every callback definition with its JSON Schemas. Fluid sends them in one page today; should it ever
   * paginate, `for await` follows the pages.
   *
   * @example
   * for await (const definition of client.callbackDefinitions.list()) console.log(definition.name);
   */
  list(options?: RequestOptions): PagePromise<CallbackDefinition> {
    return this.paginate({ method: 'GET', path: PATH }, 'definitions', options);
  }
}
