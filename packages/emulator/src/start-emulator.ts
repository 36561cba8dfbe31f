import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultDefinitions, defaultSampler } from './defaults.js';
import { loadDefinitionsDir, mergeDefinitions } from './definitions/read-definitions.js';
import type { CallbackDefinition } from './definitions/types.js';
import type { WebhookTimeouts } from './delivery/deliver-webhook.js';
import type { RequestSampler } from './delivery/request-sampler.js';
import { createSchemaValidator } from './delivery/schema-validator.js';
import { createTrigger, type Trigger } from './delivery/trigger.js';
import { ListenError, PortInUseError } from './errors/emulator-error.js';
import { routes } from './routes/index.js';
import { checkAllowedHost, controlHostPolicy } from './server/control-hosts.js';
import { createRequestListener } from './server/request-listener.js';
import { applyTokens, createInitialData, type EmulatorTokens } from './state/initial-data.js';
import { createPersister, loadDataFile, type Persister } from './state/persistence.js';
import { EmulatorState } from './state/store.js';
import { DEFAULT_TOPICS, type TopicCatalog } from './state/topics.js';
import { type EmulatorLogger, silentLogger } from './util/logger.js';
import { createIdSource } from './util/random.js';

/** Options for {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port to listen on; `0` picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Host names the control API (`/_emulator/`) answers besides this emulator's own address and loopback, such as
   * the service name other containers use (`emulator` in `http://emulator:4000`). Listening on `0.0.0.0` or `::`
   * also admits this machine's IP addresses. Any other `Host` is refused, which defeats DNS rebinding.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Callback definitions to serve besides Fluid's built-in ones (those bundled with `@fluid-droplet/sdk`), or a
   * folder of definition files read as `fluid-codegen` reads it; one with a built-in name replaces the built-in.
   */
  readonly definitions?: readonly CallbackDefinition[] | string;
  /** Makes ids, tokens and sampled callback requests reproducible. */
  readonly seed?: number;
  /** Bearer tokens to accept; unset ones are generated. */
  readonly tokens?: EmulatorTokens;
  /** Persist state to this JSON file (written atomically) and resume from it on start. */
  readonly dataFile?: string;
  /** Receives one line per delivery and request failure. @default silent */
  readonly logger?: EmulatorLogger;
  /** Webhook resources and events to accept. @default {@link DEFAULT_TOPICS} */
  readonly topics?: TopicCatalog;
  /** Webhook delivery timeouts and lifecycle retries; the defaults are Fluid's. */
  readonly delivery?: WebhookTimeouts;
  /** How callback requests are sampled from a `request_schema`. @default `sampleValid` from the schema sampler */
  readonly sampler?: RequestSampler;
  /** The clock, for tests of expiry. @default () => new Date() */
  readonly now?: () => Date;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL of the API, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** The tokens the API accepts. */
  readonly tokens: { readonly company: string; readonly installation: string };
  /** The in-memory state, to inspect or seed (e.g. `state.createInstallation()`). */
  readonly state: EmulatorState;
  /** Deliver webhooks, call callbacks, install the droplet. */
  readonly trigger: Trigger;
  /** Stops listening, drops open connections, and writes the data file one last time. */
  close(): Promise<void>;
}

/**
 * Starts a local Fluid on loopback: the REST API with Fluid's envelopes and errors, and signed delivery of webhooks
 * and callbacks to your service.
 *
 * @example
 * const fluid = await startEmulator({ tokens: { company: 'C-test' } })
 * const client = new FluidClient({ baseUrl: fluid.url, token: fluid.tokens.company })
 * await fluid.trigger.callback('update_cart_shipping')
 * await fluid.close()
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const allowedHosts = (options.allowedHosts ?? []).map((host, index) =>
    checkAllowedHost(host, `allowedHosts[${index}]`),
  );
  const now = options.now ?? (() => new Date());
  const ids = createIdSource(options.seed);
  const tokens = options.tokens ?? {};
  const logger = options.logger ?? silentLogger;
  const extra =
    typeof options.definitions === 'string'
      ? await loadDefinitionsDir(options.definitions, {
          onWarning: (line) => logger.warn('emulator: definition warning', { diagnostic: line }),
        })
      : (options.definitions ?? []);
  const definitions = mergeDefinitions(defaultDefinitions(), extra);
  const loaded = options.dataFile === undefined ? undefined : await loadDataFile(options.dataFile);
  const data = loaded === undefined ? createInitialData(ids, tokens, now()) : applyTokens(loaded, tokens);

  let persister: Persister | undefined;
  const state = new EmulatorState({
    data,
    ids,
    topics: options.topics ?? DEFAULT_TOPICS,
    definitions,
    now,
    onChange: () => persister?.schedule(),
  });
  if (options.dataFile !== undefined) {
    persister = createPersister(options.dataFile, () => state.snapshot());
    persister.schedule();
    await persister.flush();
  }

  let url = '';
  const trigger = createTrigger({
    state,
    ids,
    validator: createSchemaValidator(),
    sampler: options.sampler ?? defaultSampler,
    seed: options.seed ?? ids.next(),
    logger,
    now,
    baseUrl: () => url,
    ...(options.delivery === undefined ? {} : { timeouts: options.delivery }),
  });

  const server = createServer(
    createRequestListener(routes, {
      state,
      trigger,
      logger,
      now,
      baseUrl: () => url,
      controlHost: controlHostPolicy(allowedHosts),
    }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(host, options.port ?? 0, error)
          : new ListenError(host, options.port ?? 0, error),
      );
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const listening = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${listening}:${address.port}`;

  const installation = state.installations()[0]?.authentication_token ?? '';
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await persister?.flush();
  };
  return {
    url,
    tokens: { company: state.companyToken, installation },
    state,
    trigger,
    close() {
      closing ??= close();
      return closing;
    },
  };
}
