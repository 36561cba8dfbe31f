import type { FluidPromise } from '../api-promise.js';
import type { RequestOptions } from '../core/config.js';
import type { PagePromise } from '../pagination.js';
import type { CallbackDefinitionName, CallbackSchema } from '../types.js';
import { ApiResource } from './api-resource.js';

const PATH = '/api/callback/schemas';

/**
 * Versioned callback schemas (`/api/callback/schemas`). `Name` is the definition names the client's registry
 * allows (any string without one).
 */
export class CallbackSchemas<Name extends string = CallbackDefinitionName> extends ApiResource {
  /** The schemas of every callback definition (one page today; `for await` follows pages if Fluid adds them). */
  list(options?: RequestOptions): PagePromise<CallbackSchema> {
    return this.paginate({ method: 'GET', path: PATH }, 'schemas', options);
  }

  /** The latest schema of one definition; `NotFoundError` for an unknown name. */
  get(name: Name, options?: RequestOptions): FluidPromise<CallbackSchema> {
    return this.call({ method: 'GET', path: PATH, params: [name], definitionName: name }, 'schema', options);
  }
}
