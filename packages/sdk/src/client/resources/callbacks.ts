import type { FluidPromise } from '../api-promise.js';
import type { RequestOptions } from '../core/config.js';
import type { CallbackTestBody, JsonValue } from '../types.js';
import { ApiResource } from './api-resource.js';

/** Calls that exercise callbacks (`/api/callback/test`). */
export class Callbacks extends ApiResource {
  /**
   * Asks Fluid to forward `body` to the company's `test_callback_system` registration and resolves to
   * that callback's reply.
   *
   * @example
   * const reply = await client.callbacks.test({ message: 'Hello World' });
   */
  test(body: CallbackTestBody, options?: RequestOptions): FluidPromise<JsonValue> {
    return this.call({ method: 'POST', path: '/api/callback/test', body }, { body: 'as-is' }, options);
  }
}
