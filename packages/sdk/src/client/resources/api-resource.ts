import { FluidPromise } from '../api-promise.js';
import type { DeleteOptions, RequestOptions, ResolvedConfig } from '../core/config.js';
import { type RawResponse, type RequestSpec, request, resolvePath } from '../core/request.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PagePromise, pageOf } from '../pagination.js';
import { envelopeField } from '../validation/envelope-field.js';
import { type EnvelopeName, envelopes } from '../validation/envelopes.js';
import { validateEnvelope } from '../validation/validate.js';

/** `METHOD /path` of a spec whose parameters already passed `request` (so they encode). */
function operationOf(spec: RequestSpec): string {
  return `${spec.method} ${resolvePath(spec)}`;
}

/** The shared plumbing of every resource: send, optionally validate, unwrap. */
export abstract class ApiResource {
  readonly #config: ResolvedConfig;

  constructor(config: ResolvedConfig) {
    this.#config = config;
  }

  async #send(
    spec: RequestSpec,
    envelope: EnvelopeName,
    options: RequestOptions | undefined,
  ): Promise<RawResponse> {
    const response = await request(this.#config, spec, options);
    if (response.status === 204) return response;
    // A create without its `cvt_` token leaves the service unable to verify callbacks ever: always check it.
    if (this.#config.validateResponses || envelope === 'registrationCreated')
      validateEnvelope(operationOf(spec), envelopes[envelope], response);
    return response;
  }

  /**
   * Sends a call and unwraps its result: the value under `key` in the envelope, the body without `meta`
   * (`{ body: 'without-meta' }`) or the body as sent (`{ body: 'as-is' }`). Every failure, bad arguments
   * included, rejects the returned promise; nothing throws synchronously.
   */
  protected call<T>(
    spec: RequestSpec,
    envelope: EnvelopeName,
    key: string | { readonly body: 'as-is' | 'without-meta' },
    options?: RequestOptions,
  ): FluidPromise<T> {
    return new FluidPromise(this.#send(spec, envelope, options), (response) => {
      const operation = operationOf(spec);
      if (typeof key === 'string') return envelopeField<T>(operation, response, key);
      if (key.body === 'as-is') return response.data as T;
      const { meta: _meta, ...rest } = envelopeField<Record<string, unknown>>(
        operation,
        { ...response, data: { body: response.data } },
        'body',
      );
      return rest as T;
    });
  }

  /** A call refused before sending: the promise rejects with `error`, as every other failure does. */
  protected refuse<T>(error: Error): FluidPromise<T> {
    return new FluidPromise<T>(Promise.reject(error), () => {
      throw error;
    });
  }

  /** Sends a delete; with `ignoreNotFound`, a 404 resolves to `deleted` as if the delete had just happened. */
  protected remove<T>(
    spec: RequestSpec,
    envelope: EnvelopeName,
    key: string,
    deleted: T,
    options?: DeleteOptions,
  ): FluidPromise<T> {
    const sent = this.#send(spec, envelope, options).catch((error: unknown) => {
      if (options?.ignoreNotFound === true && NotFoundError.is(error)) {
        return { data: undefined, status: error.status, headers: error.headers, requestId: error.requestId };
      }
      throw error;
    });
    return new FluidPromise(sent, (response) =>
      response.data === undefined ? deleted : envelopeField<T>(operationOf(spec), response, key),
    );
  }

  /** Sends a paginated list call. */
  protected paginate<Item>(
    spec: RequestSpec & { readonly query: Readonly<Record<string, string | number | boolean | undefined>> },
    envelope: EnvelopeName,
    key: string,
    itemKey: (item: Item) => unknown,
    options?: RequestOptions,
  ): PagePromise<Item> {
    const first = typeof spec.query.page === 'number' ? spec.query.page : 1;
    // The first page goes out exactly as asked: endpoints that do not paginate never see a `page` param.
    const fetchPage = (page: number): Promise<RawResponse> =>
      this.#send(page === first ? spec : { ...spec, query: { ...spec.query, page } }, envelope, options);
    return new PagePromise(fetchPage, first, pageOf<Item>(`GET ${spec.path}`, key), {
      maxPages: this.#config.maxPages,
      itemKey,
    });
  }
}
