import ky from 'ky';
import type { BackoffOptions } from './core/backoff.js';
import type { FluidClientLogger, ResolvedConfig } from './core/config.js';
import { CallbackDefinitions } from './resources/callback-definitions.js';
import { CallbackRegistrations } from './resources/callback-registrations.js';
import { CallbackSchemas } from './resources/callback-schemas.js';
import { Callbacks } from './resources/callbacks.js';
import { DropletInstallations } from './resources/droplet-installations.js';
import { Webhooks } from './resources/webhooks.js';

/** Settings of a {@link FluidClient}. */
export interface FluidClientOptions {
  /**
   * A company token (`C-…`) or a droplet installation token (`dit_…`), sent as `Authorization: Bearer`.
   * Leave it out only for calls Fluid takes without one (`dropletInstallations.exchange`); any other call
   * then fails with `AuthenticationError`.
   */
  readonly token?: string | undefined;
  /**
   * The API host.
   * @default 'https://api.fluid.app'
   */
  readonly baseUrl?: string;
  /**
   * Total time for one call in ms, every attempt and wait included.
   * @default 60000
   */
  readonly timeout?: number;
  /**
   * Retries after the first attempt (GET/PUT/DELETE on 408, 429, 5xx and connection errors; POST only on 429
   * or a refused connection).
   * @default 2
   */
  readonly maxRetries?: number;
  /**
   * The longest `Retry-After` the client waits for, in ms; a longer one fails at once with `RateLimitError`.
   * @default 60000
   */
  readonly maxRetryAfter?: number;
  /** Backoff between retries when the server sends no `Retry-After`. */
  readonly retryBackoff?: BackoffOptions;
  /** A `fetch` implementation (e.g. an instrumented one). @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Receives retry and fail-fast notes; never the token. */
  readonly logger?: FluidClientLogger;
  /**
   * Check every 2xx body against the documented envelope and throw `ResponseValidationError` (with a JSON
   * pointer) on drift.
   * @default false
   */
  readonly validateResponses?: boolean;
  /**
   * The most pages `for await` reads before it stops with `PaginationError`.
   * @default 1000
   */
  readonly maxPages?: number;
}

/**
 * A typed client for Fluid's webhook, callback and droplet installation APIs, with typed errors, safe
 * retries, timeouts and auto-pagination.
 *
 * @example
 * const client = new FluidClient({ token: process.env.FLUID_API_TOKEN ?? '' });
 * for await (const registration of client.callbackRegistrations.list()) console.log(registration.definition_name);
 */
export class FluidClient {
  readonly webhooks: Webhooks;
  readonly callbackDefinitions: CallbackDefinitions;
  readonly callbackSchemas: CallbackSchemas;
  readonly callbackRegistrations: CallbackRegistrations;
  readonly callbacks: Callbacks;
  readonly dropletInstallations: DropletInstallations;
  /** The API host this client talks to. */
  readonly baseUrl: string;

  constructor(options: FluidClientOptions = {}) {
    const token = options.token;
    if (token !== undefined && typeof token !== 'string') {
      throw new TypeError('FluidClient: `token` must be a string');
    }
    this.baseUrl = options.baseUrl ?? 'https://api.fluid.app';
    const config: ResolvedConfig = {
      baseUrl: this.baseUrl,
      timeout: options.timeout ?? 60_000,
      maxRetries: options.maxRetries ?? 2,
      maxRetryAfterMs: options.maxRetryAfter ?? 60_000,
      backoff: options.retryBackoff ?? {},
      logger: options.logger,
      validateResponses: options.validateResponses ?? false,
      maxPages: options.maxPages ?? 1000,
      http: ky.create({
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        redirect: 'manual',
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      }),
      // A closure, not a field: the token never shows up in util.inspect, JSON.stringify or a debugger dump.
      authorization: () => (token === undefined || token === '' ? undefined : `Bearer ${token}`),
    };
    this.webhooks = new Webhooks(config);
    this.callbackDefinitions = new CallbackDefinitions(config);
    this.callbackSchemas = new CallbackSchemas(config);
    this.callbackRegistrations = new CallbackRegistrations(config);
    this.callbacks = new Callbacks(config);
    this.dropletInstallations = new DropletInstallations(config);
  }
}
