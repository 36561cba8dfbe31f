import type { RawResponse } from './core/request.js';

/** A result together with the HTTP response it came from. */
export interface WithResponse<T> {
  readonly data: T;
  readonly status: number;
  readonly headers: Headers;
  /** `meta.request_id` of the body, or the `x-request-id` header. */
  readonly requestId: string | undefined;
}

/**
 * The promise every client method returns: await it for the unwrapped resource, or call
 * `withResponse()` for the status, headers and request id as well. The request starts at once.
 *
 * @example
 * const { data, requestId } = await client.webhooks.get(12).withResponse();
 */
export class FluidPromise<T> implements PromiseLike<T> {
  readonly #response: Promise<WithResponse<T>>;

  constructor(raw: Promise<RawResponse>, unwrap: (response: RawResponse) => T) {
    this.#response = raw.then((response) => ({
      data: unwrap(response),
      status: response.status,
      headers: response.headers,
      requestId: response.requestId,
    }));
  }

  /** Resolves to the result plus `status`, `headers` and `requestId`. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#response;
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is deliberately awaitable, like a Promise.
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#response.then((response) => response.data).then(onFulfilled, onRejected);
  }

  /** Like `Promise.prototype.catch`. */
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  /** Like `Promise.prototype.finally`. */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }
}
