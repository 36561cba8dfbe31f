import type { FluidLogger } from '../logger.js';
import type { CallbackRegistry } from '../registry/types.js';
import type { BackoffOptions } from './core/backoff.js';
import type { ResolvedConfig } from './core/config.js';
import { createHttp } from './core/http.js';
import { checkBaseUrl, checkToken, numberOption } from './core/options.js';
import { createRedactor } from './core/redact.js';
import { CallbackDefinitions } from './resources/callback-definitions.js';
import { CallbackRegistrations } from './resources/callback-registrations.js';
import { CallbackSchemas } from './resources/callback-schemas.js';
import { Callbacks } from './resources/callbacks.js';
import { DropletInstallations } from './resources/droplet-installations.js';
import { Webhooks } from './resources/webhooks.js';
import type { DefinitionNameOf } from './types.js';
import type { ResponseValidator } from './validation/response-validator.js';

/** Settings of a {@link FluidClient}. */
export interface FluidClientOptions<Registry extends CallbackRegistry = CallbackRegistry> {
  /**
   * A company token (`C-…`) or a droplet installation token (`dit_…`), sent as `Authorization: Bearer`. Visible
   * ASCII only (a token read with its trailing newline is refused with a `TypeError`). Leave it out only for
   * calls Fluid takes without one (`dropletInstallations.exchange`); any other call then fails with
   * `AuthenticationError`.
   * @example process.env.FLUID_API_TOKEN
   */
  readonly token?: string | undefined;
  /**
   * The API base URL. A path prefix is kept: `https://proxy.example/fluid` sends to
   * `https://proxy.example/fluid/api/...`.
   * @default 'https://api.fluid.app'
   */
  readonly baseUrl?: string;
  /**
   * Total time for one call in ms, every attempt and wait included.
   * @default 60000
   */
  readonly timeout?: number;
  /**
   * Retries after the first attempt: GET, PUT and DELETE on 408, 429, 500, 502, 503, 504 and connection
   * failures; POST only on 429 or a connection that never opened (see `idempotencyKey` on a call).
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
  /** Receives retry (`debug`) and fail-fast (`warn`) notes; never the token or a body. */
  readonly logger?: FluidLogger;
  /**
   * Checks every 2xx body; a body that drifted from the documented envelope fails with
   * `ResponseValidationError` (with a JSON pointer). Pass `validateResponses` from
   * `@fluid-droplet/sdk/client/validation`, which checks every field, or a function of your own. Without one,
   * only the key the result is taken from is checked (and the `cvt_` token of a created registration).
   * @example
   * // import { validateResponses } from '@fluid-droplet/sdk/client/validation';
   * new FluidClient({ token, validateResponses })
   */
  readonly validateResponses?: ResponseValidator | false;
  /**
   * The most pages `for await` reads before it stops with `PaginationError`.
   * @default 1000
   */
  readonly maxPages?: number;
  /**
   * The largest response body the client reads, in bytes; a larger one fails with `ResponseTooLargeError`
   * as soon as the limit is passed (or at once, when `Content-Length` says so).
   * @default 10485760 (10 MB)
   */
  readonly maxResponseBytes?: number;
  /**
   * Your service's generated callback registry (the `callbacks` export of a module `fluid-codegen` wrote).
   * It types the client, so a `definition_name` your service does not have fails to compile, and the client
   * also refuses such a name at run time (a `TypeError`, nothing sent).
   * @example new FluidClient({ token, registry: callbacks })
   */
  readonly registry?: Registry;
}

/**
 * A typed client for Fluid's webhook, callback and droplet installation APIs, with typed errors, safe
 * retries, timeouts and auto-pagination. Give it your service's generated registry (the `registry` option, or
 * the type argument alone: `new FluidClient<typeof callbacks>(...)`) and definition names are checked against it.
 *
 * @example
 * const client = new FluidClient({ token: process.env.FLUID_API_TOKEN });
 * for await (const registration of client.callbackRegistrations.list()) console.log(registration.definition_name);
 */
export class FluidClient<Registry extends CallbackRegistry = CallbackRegistry> {
  declare readonly webhooks: Webhooks;
  declare readonly callbackDefinitions: CallbackDefinitions;
  declare readonly callbackSchemas: CallbackSchemas<DefinitionNameOf<Registry>>;
  declare readonly callbackRegistrations: CallbackRegistrations<DefinitionNameOf<Registry>>;
  declare readonly callbacks: Callbacks;
  declare readonly dropletInstallations: DropletInstallations;
  /** The API base URL this client talks to, without a trailing slash. */
  declare readonly baseUrl: string;

  constructor(options: FluidClientOptions<Registry> = {}) {
    const { logger, registry, retryBackoff = {}, validateResponses } = options;
    const token = checkToken(options.token);
    if (options.fetch && typeof options.fetch !== 'function') {
      throw new TypeError('FluidClient: `fetch` must be a function');
    }
    if (validateResponses && typeof validateResponses !== 'function') {
      throw new TypeError(
        'FluidClient: `validateResponses` must be a function (see @fluid-droplet/sdk/client/validation)',
      );
    }
    if (logger && (typeof logger.warn !== 'function' || typeof logger.error !== 'function')) {
      throw new TypeError('FluidClient: `logger` needs `warn` and `error` methods');
    }
    this.baseUrl = checkBaseUrl(options.baseUrl ?? 'https://api.fluid.app');
    const config: ResolvedConfig = {
      baseUrl: this.baseUrl,
      timeout: numberOption('timeout', options.timeout, 60_000),
      maxRetries: numberOption('maxRetries', options.maxRetries, 2),
      maxRetryAfter: numberOption('maxRetryAfter', options.maxRetryAfter, 60_000),
      retryBackoff: {
        initialDelayMs: numberOption('retryBackoff.initialDelayMs', retryBackoff.initialDelayMs, 500),
        maxDelayMs: numberOption('retryBackoff.maxDelayMs', retryBackoff.maxDelayMs, 8000),
      },
      logger,
      validateResponses: validateResponses || undefined,
      maxPages: numberOption('maxPages', options.maxPages, 1000),
      maxResponseBytes: numberOption('maxResponseBytes', options.maxResponseBytes, 10_485_760),
      http: createHttp(options.fetch),
      // A closure, not a field: the token never shows up in util.inspect, JSON.stringify or a debugger dump.
      authorization: () => (token ? `Bearer ${token}` : undefined),
      redactor: createRedactor(token ?? ''),
      registry,
    };
    this.webhooks = new Webhooks(config);
    this.callbackDefinitions = new CallbackDefinitions(config);
    this.callbackSchemas = new CallbackSchemas(config);
    this.callbackRegistrations = new CallbackRegistrations(config);
    this.callbacks = new Callbacks(config);
    this.dropletInstallations = new DropletInstallations(config);
  }
}
