import { callCallback } from '../delivery/call-callback.js';
import { deliverWebhook } from '../delivery/deliver-webhook.js';
import { buildEnvelope } from '../delivery/envelope.js';
import type { RequestSampler } from '../delivery/request-sampler.js';
import { sampleRequests } from '../delivery/request-sampler.js';
import { createSchemaValidator } from '../delivery/schema-validator.js';
import type { CallbackReport } from '../delivery/types.js';
import { SamplingError } from '../errors/emulator-error.js';
import { DEFAULT_TOPICS, findTopic } from '../state/topics.js';
import { createIdSource } from '../util/random.js';
import type { CliIo } from './io.js';
import {
  pickDefinition,
  readDefinitions,
  readInteger,
  readJson,
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

/** `trigger webhook <event>`: signs an envelope with `--key` and sends it to `--url`; exit 0 on a 2xx reply. */
export async function triggerWebhook(event: string, options: TriggerOptions, io: CliIo): Promise<number> {
  const url = readUrl(options.url);
  const key = required(options.key, '--key');
  const payload = readJson(options.payload, '--payload');
  if (payload !== undefined && (typeof payload !== 'object' || payload === null || Array.isArray(payload))) {
    throw new UsageError('--payload must be a JSON object (fields of the envelope payload)');
  }
  const topic = findTopic(DEFAULT_TOPICS, event) ?? splitEvent(event);
  const ids = createIdSource();
  const envelope = buildEnvelope({
    id: ids.next() % 1_000_000,
    token: ids.token(20),
    resource: topic.resource,
    event: topic.event,
    companyId: 1,
    timestamp: new Date(),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  const delivery = await deliverWebhook({
    url,
    method: 'post',
    envelope,
    key,
    shop: options.shop ?? 'emulated',
    lifecycle: topic.resource === 'droplet',
    webhookId: null,
  });
  io.out(JSON.stringify({ event, envelope_id: envelope.id, ...delivery }, null, 2));
  return delivery.ok ? 0 : 1;
}

/** `trigger callback <name>`: one signed callback with `--request` or a sampled request; exit 0 when the reply is valid. */
export async function triggerCallback(
  name: string,
  options: TriggerOptions,
  sampler: RequestSampler,
  io: CliIo,
): Promise<number> {
  const url = readUrl(options.url);
  const key = required(options.key, '--key');
  const definition = pickDefinition(await readDefinitions(options.definitions), name);
  const timeoutSeconds = readInteger(options.timeout, '--timeout', 1, 20) ?? 20;
  const validator = createSchemaValidator();
  let request = readJson(options.request, '--request');
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
