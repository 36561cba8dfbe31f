import { FluidPromise } from '../api-promise.js';
import type { DeleteOptions, RequestOptions, ResolvedConfig } from '../core/config.js';
import { type RawResponse, type RequestSpec, request } from '../core/request.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PagePromise, pageOf } from '../pagination.js';
import { driftError, envelopeField, verificationTokenIssues } from '../validation/envelope-field.js';
import type { FluidEndpoint } from '../validation/response-validator.js';

/** The shared plumbing of every resource: send, optionally validate, unwrap. */
export abstract class ApiResource {
  readonly #config: ResolvedConfig;

  constructor(config: ResolvedConfig) {
    this.#config = config;
  }

  async #send(spec: RequestSpec, options?: DeleteOptions): Promise<RawResponse> {
    let response: RawResponse;
    try {
      response = await request(this.#config, spec, options);
    } catch (error) {
      // With `ignoreNotFound` (deletes only), a 404 resolves as if the delete had just happened.
      if (!options?.ignoreNotFound || !NotFoundError.is(error)) throw error;
      return { ...error, endpoint: '', operation: '', data: undefined };
    }
    const { endpoint, data, status } = response;
    if (status === 204) return response;
    // The endpoints are the resources' own, so each one is a FluidEndpoint.
    let issues = this.#config.validateResponses?.(endpoint as FluidEndpoint, data) ?? [];
    // A create without its `cvt_` token leaves the service unable to verify callbacks ever: always check it.
    if (issues.length === 0 && endpoint === 'POST /api/callback/registrations') {
      issues = verificationTokenIssues(data);
    }
    if (issues.length > 0) throw driftError(response, issues);
    return response;
  }

  /**
   * Sends a call and unwraps its result: the value under `key` in the envelope, the body without `meta` (`{
   * body: 'without-meta' }`) or the body as sent (`{ body: 'as-is' }`); a delete without a body (204, or a
   * 404 with `ignoreNotFound`) resolves to `deleted`. Every failure, bad arguments included, rejects the
   * returned promise; nothing throws synchronously.
   */
  protected call<T>(
    spec: RequestSpec,
    key: string | { readonly body: 'as-is' | 'without-meta' },
    options?: DeleteOptions,
    deleted?: T,
  ): FluidPromise<T> {
    return new FluidPromise(this.#send(spec, options), (response) => {
      if (response.data === undefined && deleted !== undefined) return deleted;
      if (typeof key === 'string') return envelopeField<T>(response, key);
      if (key.body === 'as-is') return response.data as T;
      const { meta: _meta, ...rest } = envelopeField<Record<string, unknown>>(response, '');
      return rest as T;
    });
  }

  /** Sends a paginated list call. */
  protected paginate<Item>(spec: RequestSpec, key: string, options?: RequestOptions): PagePromise<Item> {
    const first = typeof spec.query?.page === 'number' ? spec.query.page : 1;
    // The first page goes out exactly as asked: endpoints that do not paginate never see a `page` param.
    const fetchPage = (page: number): Promise<RawResponse> =>
      this.#send(page === first ? spec : { ...spec, query: { ...spec.query, page } }, options);
    return new PagePromise(fetchPage, first, pageOf<Item>(key), this.#config.maxPages);
  }
}
