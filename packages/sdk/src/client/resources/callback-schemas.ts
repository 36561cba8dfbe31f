import type { FluidPromise } from '../api-promise.js';
import type { RequestOptions } from '../core/config.js';
import type { CallbackDefinitionName, CallbackSchema } from '../types.js';
import { ApiResource, segment } from './api-resource.js';

/** Versioned callback schemas (`/api/callback/schemas`). */
export class CallbackSchemas extends ApiResource {
  /** The schemas of every callback definition. */
  list(options?: RequestOptions): FluidPromise<CallbackSchema[]> {
    return this.call({ method: 'GET', path: '/api/callback/schemas' }, 'schemaList', 'schemas', options);
  }

  /** The latest schema of one definition; `NotFoundError` for an unknown name. */
  get(name: CallbackDefinitionName, options?: RequestOptions): FluidPromise<CallbackSchema> {
    return this.call(
      { method: 'GET', path: `/api/callback/schemas/${segment(name)}` },
      'schema',
      'schema',
      options,
    );
  }
}
