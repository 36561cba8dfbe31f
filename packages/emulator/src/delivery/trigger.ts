import type { CallbackDefinition } from '../definitions/types.js';
import {
  NoInstallationError,
  NoRegistrationError,
  SamplingError,
  UnknownDefinitionError,
  UnknownEventError,
  UnknownInstallationError,
  UnknownShopError,
} from '../errors/emulator-error.js';
import type { EmulatorState } from '../state/store.js';
import { findTopic } from '../state/topics.js';
import type {
  CompanyRecord,
  InstallationRecord,
  RegistrationRecord,
  WebhookEnvelope,
} from '../state/types.js';
import type { EmulatorLogger } from '../util/logger.js';
import type { IdSource } from '../util/random.js';
import { callCallback } from './call-callback.js';
import { deliverWebhook, type WebhookTimeouts } from './deliver-webhook.js';
import { buildEnvelope } from './envelope.js';
import { type FuzzCase, type FuzzReport, fuzzCallback } from './fuzz-callback.js';
import { type InstallCredentials, lifecyclePayload } from './lifecycle-payload.js';
import { type RequestSampler, sampleRequests } from './request-sampler.js';
import type { SchemaValidator } from './schema-validator.js';
import type { CallbackReport, WebhookDelivery } from './types.js';

/** How many sampled requests a trigger walks through before it starts over. */
const SERIES_LENGTH = 64;

/** The path of the unauthenticated exchange endpoint, as v2 installs name it. */
const EXCHANGE_PATH = '/api/droplet_installations/exchange';

/** The result of triggering a webhook event: the envelope and one delivery per matching active webhook. */
export interface WebhookTriggerResult {
  readonly envelope: WebhookEnvelope;
  readonly deliveries: readonly WebhookDelivery[];
}

/** The result of an install: the installation, its company, its credentials, and the `droplet_installed` delivery. */
export interface InstallResult {
  readonly installation: InstallationRecord;
  readonly company: CompanyRecord;
  readonly version: 'v1' | 'v2';
  /** The one-time exchange token a v2 install carries; `null` for v1 (credentials inline). */
  readonly exchangeToken: string | null;
  readonly envelope: WebhookEnvelope;
  readonly delivery: WebhookDelivery;
}

/** Options for {@link Trigger.install}. */
export interface InstallOptions {
  /** The service's install webhook URL. */
  readonly url: string;
  /** `v2` (default): a one-time exchange token; `v1`: the `dit_`/`wvt_` credentials inline. */
  readonly version?: 'v1' | 'v2';
  /** The company's shop; a new shop creates a company. @default the emulator's first company */
  readonly shop?: string;
}

/** Options for {@link Trigger.webhook}. */
export interface WebhookTriggerOptions {
  /** Deliver the event of this shop's company (its webhooks, its `X-Fluid-Shop`). @default the first company */
  readonly shop?: string;
}

/** Options for {@link Trigger.callback}. */
export interface CallbackTriggerOptions {
  /**
   * The dispatch's country (ISO 3166 alpha-2). Without one, only registrations with empty `country_codes` are
   * called, as Fluid does.
   */
  readonly country?: string;
  /** Call the registration of this shop's company. @default the first company */
  readonly shop?: string;
}

/** Options for {@link Trigger.fuzz}. */
export interface FuzzTriggerOptions extends CallbackTriggerOptions {
  /** Requests in total, valid and near misses alternating. @default 20 */
  readonly count?: number;
  /** Seed of the sampled requests. @default the emulator's seed */
  readonly seed?: number;
  /** The reply the service's failure policy gives instead of an error; a near miss answered with it is refused. */
  readonly neutral?: unknown;
}

/** Makes the emulator act: deliver webhooks, call and fuzz callbacks, install and uninstall the droplet. */
export interface Trigger {
  /**
   * Sends event `event` (e.g. `order_created`) to every active webhook subscribed to it, signed as Fluid signs.
   * `payload` fields are merged into the envelope's inner payload; droplet events carry the `company` block of the
   * company's newest installation.
   */
  webhook(
    event: string,
    payload?: Readonly<Record<string, unknown>>,
    options?: WebhookTriggerOptions,
  ): Promise<WebhookTriggerResult>;
  /**
   * Calls the active registration of definition `name` with `request` (or one sampled from the definition's
   * `request_schema`) and reports the reply checked against `response_schema`.
   */
  callback(name: string, request?: unknown, options?: CallbackTriggerOptions): Promise<CallbackReport>;
  /**
   * Sends valid requests and near misses to the registration of `name` and judges every reply: see
   * {@link FuzzReport}. Each request is logged as a delivery.
   */
  fuzz(name: string, options?: FuzzTriggerOptions): Promise<FuzzReport>;
  /** The next request a callback trigger of `name` would send (what the page shows for editing). */
  sample(name: string): unknown;
  /**
   * Creates an installation (and a company for a new shop) and sends `droplet_installed` to `url`, signed with the
   * droplet's `dws_` secret: v2 carries a one-time exchange token, v1 the credentials inline.
   */
  install(options: InstallOptions): Promise<InstallResult>;
  /** Deactivates an installation (its `dit_` token stops working) and sends `droplet_uninstalled` to `url`. */
  uninstall(options: { readonly url: string; readonly installation: string }): Promise<WebhookDelivery>;
}

/** What {@link createTrigger} needs. */
export interface TriggerDeps {
  readonly state: EmulatorState;
  readonly ids: IdSource;
  readonly validator: SchemaValidator;
  readonly sampler: RequestSampler;
  readonly seed: number;
  readonly logger: EmulatorLogger;
  /** The emulator's base URL, for the exchange endpoint a v2 install names. */
  readonly baseUrl: () => string;
  readonly timeouts?: WebhookTimeouts;
  readonly now?: () => Date;
}

/** Creates the {@link Trigger} of an emulator. */
export function createTrigger(deps: TriggerDeps): Trigger {
  const { state, logger } = deps;
  const now = deps.now ?? (() => new Date());
  let sampleCount = 0;
  const seriesByDefinition = new WeakMap<CallbackDefinition, readonly unknown[]>();
  const timeouts = deps.timeouts === undefined ? {} : { timeouts: deps.timeouts };

  const companyFor = (shop: string | undefined): CompanyRecord => {
    if (shop === undefined) return state.company;
    const company = state.companyByShop(shop);
    if (company === undefined) throw new UnknownShopError(shop);
    return company;
  };

  const envelopeFor = (
    company: CompanyRecord,
    resource: string,
    event: string,
    payload?: Readonly<Record<string, unknown>>,
  ) =>
    buildEnvelope({
      id: state.nextEventId(),
      token: deps.ids.token(20),
      resource,
      event,
      companyId: company.id,
      timestamp: now(),
      ...(payload === undefined ? {} : { payload }),
    });

  const logWebhook = (envelope: WebhookEnvelope, shop: string, delivery: WebhookDelivery) => {
    state.logDelivery({
      kind: 'webhook',
      name: envelope.name,
      url: delivery.url,
      at: now().toISOString(),
      status: delivery.status,
      ok: delivery.ok,
      latencyMs: delivery.latencyMs,
      issues: [],
      shop,
      request: envelope,
      reply: delivery.body,
      ...(delivery.error === undefined ? {} : { error: delivery.error }),
    });
    logger.info('emulator: webhook delivered', {
      event: envelope.name,
      url: delivery.url,
      status: delivery.status,
    });
  };

  const logCallback = (report: CallbackReport, shop: string) => {
    state.logDelivery({
      kind: 'callback',
      name: report.name,
      url: report.url,
      at: now().toISOString(),
      status: report.status,
      ok: report.ok,
      latencyMs: report.latencyMs,
      issues: report.issues,
      shop,
      request: report.request,
      reply: report.body,
      ...(report.error === undefined ? {} : { error: report.error }),
    });
    logger.info('emulator: callback called', {
      name: report.name,
      url: report.url,
      status: report.status,
      ok: report.ok,
    });
  };

  // Droplet lifecycle events are signed with the droplet's dws_ secret, never a company key, and retried.
  const lifecycle = async (url: string, company: CompanyRecord, envelope: WebhookEnvelope) => {
    const delivery = await deliverWebhook({
      url,
      method: 'post',
      envelope,
      key: state.droplet.webhook_secret,
      shop: company.fluid_shop,
      lifecycle: true,
      webhookId: null,
      ...timeouts,
    });
    logWebhook(envelope, company.fluid_shop, delivery);
    return delivery;
  };

  const subject = (installation: InstallationRecord, company: CompanyRecord) => ({
    installationUuid: installation.uuid,
    dropletUuid: installation.droplet_uuid,
    companyId: company.id,
    shop: company.fluid_shop,
    companyName: company.name,
  });

  const installCredentials = (installation: InstallationRecord, version: 'v1' | 'v2'): InstallCredentials => {
    if (version === 'v1') {
      return {
        version,
        authenticationToken: installation.authentication_token,
        webhookVerificationToken: installation.webhook_verification_token,
      };
    }
    const exchange = state.issueExchangeToken(installation);
    return {
      version,
      exchangeToken: exchange.token,
      expiresAt: exchange.expires_at,
      endpoint: `${deps.baseUrl()}${EXCHANGE_PATH}`,
    };
  };

  const registrationFor = (name: string, options: CallbackTriggerOptions) => {
    const definition = state.definitions.get(name);
    if (definition === undefined) throw new UnknownDefinitionError(name);
    const company = companyFor(options.shop);
    const registration: RegistrationRecord | undefined = state.activeRegistration(
      name,
      options.country,
      company,
    );
    if (registration === undefined) throw new NoRegistrationError(name, options.country);
    return { definition, company, registration };
  };

  return {
    async webhook(event, payload, options = {}) {
      const topic = findTopic(state.topics, event);
      if (topic === undefined) throw new UnknownEventError(event);
      const company = companyFor(options.shop);
      let defaults: Record<string, unknown> | undefined;
      if (topic.resource === 'droplet') {
        const installation = state.latestInstallation(company);
        if (installation === undefined) throw new NoInstallationError(company.fluid_shop);
        defaults = lifecyclePayload(
          subject(installation, company),
          topic.event === 'installed' ? installCredentials(installation, 'v2') : undefined,
        );
      }
      const merged =
        defaults === undefined && payload === undefined ? undefined : { ...defaults, ...payload };
      const envelope = envelopeFor(company, topic.resource, topic.event, merged);
      state.recordEvent(topic.resource, envelope);
      const targets = state
        .listWebhooks({ active: true })
        .filter((webhook) => webhook.event_identifier === event && webhook.company_id === company.id);
      const lifecycleEvent = topic.resource === 'droplet';
      const deliveries = await Promise.all(
        targets.map(async (webhook) => {
          const delivery = await deliverWebhook({
            url: webhook.url,
            method: webhook.http_method,
            envelope,
            key: lifecycleEvent ? state.droplet.webhook_secret : state.webhookSigningKey(webhook),
            shop: company.fluid_shop,
            lifecycle: lifecycleEvent,
            webhookId: webhook.id,
            ...timeouts,
          });
          logWebhook(envelope, company.fluid_shop, delivery);
          return delivery;
        }),
      );
      return { envelope, deliveries };
    },

    async callback(name, request, options = {}) {
      const { definition, company, registration } = registrationFor(name, options);
      const report = await callCallback({
        definition,
        url: registration.url,
        token: registration.verification_token,
        timeoutSeconds: registration.timeout_in_seconds,
        request: request === undefined ? sampleOne(definition) : request,
        validator: deps.validator,
      });
      logCallback(report, company.fluid_shop);
      return report;
    },

    async fuzz(name, options = {}) {
      const { definition, company, registration } = registrationFor(name, options);
      return fuzzCallback({
        definition,
        url: registration.url,
        token: registration.verification_token,
        timeoutSeconds: registration.timeout_in_seconds,
        validator: deps.validator,
        sampler: deps.sampler,
        seed: options.seed ?? deps.seed,
        count: options.count ?? 20,
        ...(options.neutral === undefined ? {} : { neutral: options.neutral }),
        onCase: (fuzzCase: FuzzCase) => logCallback(fuzzCase.report, company.fluid_shop),
      });
    },

    sample(name) {
      const definition = state.definitions.get(name);
      if (definition === undefined) throw new UnknownDefinitionError(name);
      return sampleOne(definition);
    },

    async install({ url, version = 'v2', shop }) {
      const company = shop === undefined ? state.company : state.ensureCompany(shop);
      const { installation } = state.createInstallation(company);
      const credentials = installCredentials(installation, version);
      const envelope = envelopeFor(
        company,
        'droplet',
        'installed',
        lifecyclePayload(subject(installation, company), credentials),
      );
      const delivery = await lifecycle(url, company, envelope);
      return {
        installation,
        company,
        version,
        exchangeToken: credentials.version === 'v2' ? credentials.exchangeToken : null,
        envelope,
        delivery,
      };
    },

    async uninstall({ url, installation: uuid }) {
      const installation = state.installations().find((item) => item.uuid === uuid);
      if (installation === undefined) throw new UnknownInstallationError(uuid);
      state.deactivateInstallation(uuid);
      const company = state.companyById(installation.company_id);
      const envelope = envelopeFor(
        company,
        'droplet',
        'uninstalled',
        lifecyclePayload(subject(installation, company)),
      );
      return lifecycle(url, company, envelope);
    },
  };

  function sampleOne(definition: CallbackDefinition): unknown {
    // The n-th trigger takes the n-th instance of one seeded series per definition, so successive calls walk
    // through the sampler's edge and mixed instances instead of repeating the first.
    let series = seriesByDefinition.get(definition);
    if (series === undefined) {
      series = sampleRequests(definition, {
        seed: deps.seed,
        count: SERIES_LENGTH,
        sampler: deps.sampler,
        validator: deps.validator,
      });
      seriesByDefinition.set(definition, series);
    }
    const request = series[sampleCount++ % Math.max(series.length, 1)];
    if (request === undefined) throw new SamplingError(definition.name);
    return request;
  }
}
