import type { CallbackDefinition } from '../definitions/types.js';
import {
  NoRegistrationError,
  SamplingError,
  UnknownDefinitionError,
  UnknownEventError,
  UnknownInstallationError,
} from '../errors/emulator-error.js';
import type { EmulatorState } from '../state/store.js';
import { findTopic } from '../state/topics.js';
import type { InstallationRecord, WebhookEnvelope } from '../state/types.js';
import type { EmulatorLogger } from '../util/logger.js';
import type { IdSource } from '../util/random.js';
import { callCallback } from './call-callback.js';
import { deliverWebhook, type WebhookTimeouts } from './deliver-webhook.js';
import { buildEnvelope } from './envelope.js';
import { type RequestSampler, sampleRequests } from './request-sampler.js';
import type { SchemaValidator } from './schema-validator.js';
import type { CallbackReport, WebhookDelivery } from './types.js';

/** How many sampled requests a trigger walks through before it starts over. */
const SERIES_LENGTH = 64;

/** The result of triggering a webhook event: the envelope and one delivery per matching active webhook. */
export interface WebhookTriggerResult {
  readonly envelope: WebhookEnvelope;
  readonly deliveries: readonly WebhookDelivery[];
}

/** The result of an install: the new installation, its exchange token, and the `droplet_installed` delivery. */
export interface InstallResult {
  readonly installation: InstallationRecord;
  readonly exchangeToken: string;
  readonly envelope: WebhookEnvelope;
  readonly delivery: WebhookDelivery;
}

/** Options for {@link Trigger.callback}. */
export interface CallbackTriggerOptions {
  /**
   * The dispatch's country (ISO 3166 alpha-2). Without one, only registrations with empty `country_codes` are
   * called, as Fluid does.
   */
  readonly country?: string;
}

/** Makes the emulator act: deliver webhooks, call callbacks, install and uninstall the droplet. */
export interface Trigger {
  /**
   * Sends event `event` (e.g. `order_created`) to every active webhook subscribed to it, signed as Fluid signs.
   * `payload` fields are merged into the envelope's inner payload.
   */
  webhook(event: string, payload?: Readonly<Record<string, unknown>>): Promise<WebhookTriggerResult>;
  /**
   * Calls the active registration of definition `name` with `request` (or one sampled from the definition's
   * `request_schema`) and reports the reply checked against `response_schema`.
   */
  callback(name: string, request?: unknown, options?: CallbackTriggerOptions): Promise<CallbackReport>;
  /**
   * Creates an installation and sends `droplet_installed` (v2: carries a one-time exchange token, no credentials)
   * to `url`, signed with the droplet's `dws_` secret.
   */
  install(options: { readonly url: string }): Promise<InstallResult>;
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
  readonly timeouts?: WebhookTimeouts;
  readonly now?: () => Date;
}

/** Creates the {@link Trigger} of an emulator. */
export function createTrigger(deps: TriggerDeps): Trigger {
  const { state, logger } = deps;
  const now = deps.now ?? (() => new Date());
  let sampleCount = 0;
  const seriesByDefinition = new WeakMap<CallbackDefinition, readonly unknown[]>();

  const envelopeFor = (resource: string, event: string, payload?: Readonly<Record<string, unknown>>) =>
    buildEnvelope({
      id: state.nextEventId(),
      token: deps.ids.token(20),
      resource,
      event,
      companyId: state.company.id,
      timestamp: now(),
      ...(payload === undefined ? {} : { payload }),
    });

  const logWebhook = (name: string, delivery: WebhookDelivery) => {
    state.logDelivery({
      kind: 'webhook',
      name,
      url: delivery.url,
      at: now().toISOString(),
      status: delivery.status,
      ok: delivery.ok,
      latencyMs: delivery.latencyMs,
      issues: [],
      ...(delivery.error === undefined ? {} : { error: delivery.error }),
    });
    logger.info('emulator: webhook delivered', { event: name, url: delivery.url, status: delivery.status });
  };

  const lifecycle = async (url: string, envelope: WebhookEnvelope): Promise<WebhookDelivery> => {
    const delivery = await deliverWebhook({
      url,
      method: 'post',
      envelope,
      key: state.droplet.webhook_secret,
      shop: state.company.fluid_shop,
      lifecycle: true,
      webhookId: null,
      ...(deps.timeouts === undefined ? {} : { timeouts: deps.timeouts }),
    });
    logWebhook(envelope.name, delivery);
    return delivery;
  };

  const companyPayload = (installation: InstallationRecord) => ({
    droplet_installation_uuid: installation.uuid,
    droplet_uuid: installation.droplet_uuid,
    fluid_company_id: state.company.id,
    fluid_shop: state.company.fluid_shop,
    name: state.company.name,
  });

  return {
    async webhook(event, payload) {
      const topic = findTopic(state.topics, event);
      if (topic === undefined) throw new UnknownEventError(event);
      const envelope = envelopeFor(topic.resource, topic.event, payload);
      state.recordEvent(topic.resource, envelope);
      const targets = state
        .listWebhooks({ active: true })
        .filter((webhook) => webhook.event_identifier === event);
      // Droplet lifecycle events are signed with the droplet's dws_ secret and retried, whoever subscribed.
      const lifecycleEvent = topic.resource === 'droplet';
      const deliveries = await Promise.all(
        targets.map(async (webhook) => {
          const delivery = await deliverWebhook({
            url: webhook.url,
            method: webhook.http_method,
            envelope,
            key: lifecycleEvent ? state.droplet.webhook_secret : state.webhookSigningKey(webhook),
            shop: state.company.fluid_shop,
            lifecycle: lifecycleEvent,
            webhookId: webhook.id,
            ...(deps.timeouts === undefined ? {} : { timeouts: deps.timeouts }),
          });
          logWebhook(event, delivery);
          return delivery;
        }),
      );
      return { envelope, deliveries };
    },

    async callback(name, request, options = {}) {
      const definition = state.definitions.get(name);
      if (definition === undefined) throw new UnknownDefinitionError(name);
      const registration = state.activeRegistration(name, options.country);
      if (registration === undefined) throw new NoRegistrationError(name, options.country);
      const body = request === undefined ? sampleOne(definition) : request;
      const report = await callCallback({
        definition,
        url: registration.url,
        token: registration.verification_token,
        timeoutSeconds: registration.timeout_in_seconds,
        request: body,
        validator: deps.validator,
      });
      state.logDelivery({
        kind: 'callback',
        name,
        url: report.url,
        at: now().toISOString(),
        status: report.status,
        ok: report.ok,
        latencyMs: report.latencyMs,
        issues: report.issues,
        ...(report.error === undefined ? {} : { error: report.error }),
      });
      logger.info('emulator: callback called', {
        name,
        url: report.url,
        status: report.status,
        ok: report.ok,
      });
      return report;
    },

    async install({ url }) {
      const created = state.createInstallation();
      const envelope = envelopeFor('droplet', 'installed', {
        schema_version: 1,
        contract_version: 'v2',
        company: {
          ...companyPayload(created.installation),
          credentials: {
            exchange_token: created.exchangeToken,
            exchange_token_expires_at: created.exchangeTokenExpiresAt,
            exchange_endpoint: '/api/droplet_installations/exchange',
          },
        },
      });
      const delivery = await lifecycle(url, envelope);
      return { installation: created.installation, exchangeToken: created.exchangeToken, envelope, delivery };
    },

    async uninstall({ url, installation: uuid }) {
      const installation = state.installations().find((item) => item.uuid === uuid);
      if (installation === undefined) throw new UnknownInstallationError(uuid);
      state.deactivateInstallation(uuid);
      const envelope = envelopeFor('droplet', 'uninstalled', {
        schema_version: 1,
        contract_version: 'v2',
        company: companyPayload(installation),
      });
      return lifecycle(url, envelope);
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
