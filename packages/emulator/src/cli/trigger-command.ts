import { callCallback } from '../delivery/call-callback.js';
import { deliverWebhook } from '../delivery/deliver-webhook.js';
import { buildEnvelope } from '../delivery/envelope.js';
import { lifecyclePayload } from '../delivery/lifecycle-payload.js';
import type { RequestSampler } from '../delivery/request-sampler.js';
import { sampleRequests } from '../delivery/request-sampler.js';
import { createSchemaValidator } from '../delivery/schema-validator.js';
import type { CallbackReport } from '../delivery/types.js';
import { SamplingError } from '../errors/emulator-error.js';
import { DEFAULT_TOPICS, findTopic } from '../state/topics.js';
import { createIdSource } from '../util/random.js';
import { callControl } from './control-client.js';
import type { CliIo } from './io.js';
import {
  pickDefinition,
  readDefinitions,
  readInteger,
  readJson,
  readJsonObject,
  readUrl,
  required,
} from './shared-options.js';
import { UsageError } from './usage-error.js';

/** Options shared by the trigger verbs. */
export interface TriggerOptions {
  readonly url?: string;
  readonly key?: string;
  readonly shop?: string;
  readonly payload?: string;
  readonly request?: string;
  readonly definitions?: string;
  readonly seed?: string;
  readonly timeout?: string;
}

/**
 * `trigger webhook <event>`. Through a running emulator: delivered to every webhook subscribed to the event, signed
 * as Fluid signs. Standalone: an envelope signed with `--key` sent to `--url`. Exit 0 when every delivery got a 2xx.
 */
export async function triggerWebhook(
  event: string,
  options: TriggerOptions,
  emulator: string | undefined,
  io: CliIo,
): Promise<number> {
  const payload = readJsonObject(options.payload, '--payload');
  if (emulator !== undefined) {
    const result = await callControl(emulator, '/_emulator/webhooks/trigger', {
      event,
      ...(payload === undefined ? {} : { payload }),
      ...(options.shop === undefined ? {} : { shop: options.shop }),
    });
    const deliveries = (result.deliveries as { ok: boolean }[] | undefined) ?? [];
    io.out(JSON.stringify({ envelope: result.envelope, deliveries }, null, 2));
    if (deliveries.length === 0) {
      io.err(`fluid-emulator: no active webhook is subscribed to ${event}; nothing was delivered`);
      return 1;
    }
    return deliveries.every((delivery) => delivery.ok) ? 0 : 1;
  }
  const url = readUrl(options.url);
  const key = required(options.key, '--key');
  const topic = findTopic(DEFAULT_TOPICS, event) ?? splitEvent(event);
  const ids = createIdSource();
  const shop = options.shop ?? 'emulated';
  // Without an emulator there is no installation to describe or exchange: lifecycle events carry a made-up one,
  // with v1 credentials inline for droplet_installed, so a handler still gets the shape Fluid sends.
  const lifecycle =
    topic.resource === 'droplet'
      ? lifecyclePayload(
          {
            installationUuid: `dri_${ids.token(24)}`,
            dropletUuid: `drp_${ids.token(24)}`,
            companyId: 1,
            shop,
            companyName: shop,
          },
          topic.event === 'installed'
            ? {
                version: 'v1',
                authenticationToken: `dit_${ids.token(32)}`,
                webhookVerificationToken: `wvt_${ids.token(32)}`,
              }
            : undefined,
        )
      : undefined;
  const merged = lifecycle === undefined && payload === undefined ? undefined : { ...lifecycle, ...payload };
  const envelope = buildEnvelope({
    id: ids.next() % 1_000_000,
    token: ids.token(20),
    resource: topic.resource,
    event: topic.event,
    companyId: 1,
    timestamp: new Date(),
    ...(merged === undefined ? {} : { payload: merged }),
  });
  const delivery = await deliverWebhook({
    url,
    method: 'post',
    envelope,
    key,
    shop,
    lifecycle: topic.resource === 'droplet',
    webhookId: null,
  });
  io.out(JSON.stringify({ event, envelope_id: envelope.id, ...delivery }, null, 2));
  return delivery.ok ? 0 : 1;
}

/**
 * `trigger callback <name>`. Through a running emulator: the registrations of `name` are called and the replies
 * checked. Standalone: one call signed with `--key` to `--url`. `--request` or a sampled request; exit 0 when every
 * reply is valid.
 */
export async function triggerCallback(
  name: string,
  options: TriggerOptions,
  sampler: RequestSampler,
  emulator: string | undefined,
  io: CliIo,
): Promise<number> {
  let request = readJson(options.request, '--request');
  if (emulator !== undefined) {
    const result = await callControl(emulator, '/_emulator/callbacks/trigger', {
      name,
      ...(request === undefined ? {} : { request }),
      ...(options.shop === undefined ? {} : { shop: options.shop }),
    });
    const reports = (result.reports as CallbackReport[] | undefined) ?? [];
    io.out(JSON.stringify(reports, null, 2));
    return reports.length > 0 && reports.every((report) => report.ok) ? 0 : 1;
  }
  const url = readUrl(options.url);
  const key = required(options.key, '--key');
  const definition = pickDefinition(await readDefinitions(options.definitions, io), name);
  const timeoutSeconds = readInteger(options.timeout, '--timeout', 1, 20) ?? 20;
  const validator = createSchemaValidator();
  if (request === undefined) {
    const seed = readInteger(options.seed, '--seed', 0, 2 ** 31) ?? 1;
    [request] = sampleRequests(definition, { seed, count: 1, sampler, validator });
    if (request === undefined) throw new SamplingError(name);
  }
  const report = await callCallback({ definition, url, token: key, timeoutSeconds, request, validator });
  io.out(JSON.stringify(report, null, 2));
  return report.ok ? 0 : 1;
}

/** One line describing a failed callback reply, for trigger and fuzz output. */
export function describeFailure(report: CallbackReport): string {
  const head = report.error ?? `HTTP ${report.status}`;
  const issues = report.issues.map((issue) => `${issue.pointer || '/'} ${issue.message}`).join('; ');
  return issues === '' ? head : `${head}: ${issues}`;
}

function splitEvent(event: string): { resource: string; event: string } {
  const cut = event.indexOf('_');
  if (cut <= 0 || cut === event.length - 1) {
    throw new UsageError(`event "${event}" must look like <resource>_<event>, e.g. order_created`);
  }
  return { resource: event.slice(0, cut), event: event.slice(cut + 1) };
}
