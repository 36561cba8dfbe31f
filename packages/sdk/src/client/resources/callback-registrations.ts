import type { FluidPromise } from '../api-promise.js';
import type { DeleteOptions, RequestOptions } from '../core/config.js';
import type { PagePromise } from '../pagination.js';
import type {
  CallbackDefinitionName,
  CallbackRegistration,
  CallbackRegistrationCreateParams,
  CallbackRegistrationListParams,
  CallbackRegistrationUpdateParams,
  CreatedCallbackRegistration,
  DeletedCallbackRegistration,
} from '../types.js';
import { ApiResource } from './api-resource.js';

const PATH = '/api/callback/registrations';

/**
 * Callback registrations (`/api/callback/registrations`); create them with the installation's `dit_` token.
 * `Name` is the definition names the client's registry allows (any string without one).
 */
export class CallbackRegistrations<Name extends string = CallbackDefinitionName> extends ApiResource {
  /** Lists registrations a page at a time; `for await` walks every page. Filters are sent as flat query params. */
  list(
    params: CallbackRegistrationListParams<Name> = {},
    options?: RequestOptions,
  ): PagePromise<CallbackRegistration> {
    return this.paginate(
      { method: 'GET', path: PATH, query: params, definitionName: params.definition_name },
      'callback_registrations',
      options,
    );
  }

  /** Fetches one registration by its `cbr_…` uuid. */
  get(uuid: string, options?: RequestOptions): FluidPromise<CallbackRegistration> {
    return this.call({ method: 'GET', path: PATH, params: [uuid] }, 'callback_registration', options);
  }

  /**
   * Registers your URL for a definition. The result's `verification_token` (`cvt_…`) is the key Fluid signs
   * these calls with: store it now. A second registration for the same definition fails with `ConflictError`;
   * a 5xx is not retried, since the registration may exist.
   *
   * @example
   * const { uuid, verification_token } = await client.callbackRegistrations.create({
   *   definition_name: 'update_cart_shipping',
   *   url: 'https://example.com/callbacks/update_cart_shipping',
   *   timeout_in_seconds: 10,
   * });
   */
  create(
    body: CallbackRegistrationCreateParams<Name>,
    options?: RequestOptions,
  ): FluidPromise<CreatedCallbackRegistration> {
    return this.call(
      {
        method: 'POST',
        path: PATH,
        body: { callback_registration: body },
        definitionName: body.definition_name,
      },
      'callback_registration',
      options,
    );
  }

  /** Changes a registration's url, active flag, countries or timeout. */
  update(
    uuid: string,
    body: CallbackRegistrationUpdateParams,
    options?: RequestOptions,
  ): FluidPromise<CallbackRegistration> {
    return this.call(
      { method: 'PUT', path: PATH, params: [uuid], body: { callback_registration: body } },
      'callback_registration',
      options,
    );
  }

  /**
   * Deletes a registration; resolves to its uuid (also on a 204 without a body). With `ignoreNotFound`, an
   * already-deleted registration resolves too.
   *
   * @example
   * await client.callbackRegistrations.delete(uuid, { ignoreNotFound: true });
   */
  delete(uuid: string, options?: DeleteOptions): FluidPromise<DeletedCallbackRegistration> {
    return this.call({ method: 'DELETE', path: PATH, params: [uuid] }, 'callback_registration', options, {
      uuid,
    });
  }
}
