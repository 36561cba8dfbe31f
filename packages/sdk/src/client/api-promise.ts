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
 * The promise every client method returns: a real `Promise` (assignable to `Promise<T>`, `instanceof Promise`)
 * that resolves to the unwrapped resource, plus `withResponse()` for the status, headers and request id. The
 * request starts at once.
 *
 * @example
 * const { data, requestId } = await client.webhooks.get(12).withResponse();
 */
export class FluidPromise<T> extends Promise<T> {
  readonly #response: Promise<WithResponse<T>>;

  // `then`, `catch` and `finally` of the base class would otherwise build FluidPromises through this
  // constructor, which takes a response, not an executor: derived promises are plain ones. (`catch` and
  // `finally` call `then` below, as the language defines them, so they read the real result too.)
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  constructor(raw: Promise<RawResponse>, unwrap: (response: RawResponse) => T) {
    // The base promise is a placeholder that never settles with the result: every method below reads #response.
    super((resolve) => resolve(undefined as T));
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

  // biome-ignore lint/suspicious/noThenProperty: this class is a Promise; `then` reads the real result.
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#response.then((response) => response.data).then(onFulfilled, onRejected);
  }
}
