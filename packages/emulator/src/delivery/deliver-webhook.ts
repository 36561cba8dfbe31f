import { signFluidRequest } from '@fluid-droplet/sdk';
import type { WebhookEnvelope, WebhookHttpMethod } from '../state/types.js';
import { type HttpSendResult, sendHttp } from './send-http.js';
import type { WebhookDelivery } from './types.js';

/** Timeouts and retries for webhook delivery; the defaults are Fluid's. */
export interface WebhookTimeouts {
  /** @default 5000 */
  readonly connectTimeoutMs?: number;
  /** Total time for a business webhook. @default 15000 */
  readonly webhookTimeoutMs?: number;
  /** Total time for an install/uninstall webhook. @default 30000 */
  readonly lifecycleTimeoutMs?: number;
  /**
   * Extra attempts for lifecycle webhooks after a connection error, timeout, 5xx or 429 (Fluid retries them through
   * Sidekiq; business webhooks are never retried). @default 2
   */
  readonly lifecycleRetries?: number;
  /** Delay before the first retry, doubled for each further one. @default 250 */
  readonly retryDelayMs?: number;
}

/** One webhook delivery. */
export interface DeliverWebhookOptions {
  readonly url: string;
  readonly method: WebhookHttpMethod;
  readonly envelope: WebhookEnvelope;
  /** The signing key (`wvt_`, webhook `auth_token` or `dws_`); `null` sends the delivery unsigned. */
  readonly key: string | null;
  /** The company's `fluid_shop`, sent as `X-Fluid-Shop`. */
  readonly shop: string;
  readonly lifecycle: boolean;
  readonly webhookId: number | null;
  readonly timeouts?: WebhookTimeouts;
}

/**
 * Delivers an envelope once (business webhooks) or with retries (lifecycle webhooks), re-signing each attempt with a
 * fresh timestamp, and reports the last attempt. Never throws for anything the receiver does.
 */
export async function deliverWebhook(options: DeliverWebhookOptions): Promise<WebhookDelivery> {
  const timeouts = options.timeouts ?? {};
  const body = JSON.stringify(options.envelope);
  const attempts = options.lifecycle ? 1 + (timeouts.lifecycleRetries ?? 2) : 1;
  const timeoutMs = options.lifecycle
    ? (timeouts.lifecycleTimeoutMs ?? 30_000)
    : (timeouts.webhookTimeoutMs ?? 15_000);
  let result: HttpSendResult | undefined;
  let attempt = 0;
  while (attempt < attempts) {
    if (attempt > 0) await sleep((timeouts.retryDelayMs ?? 250) * 2 ** (attempt - 1));
    attempt++;
    const headers =
      options.key === null
        ? { 'Content-Type': 'application/json', 'X-Fluid-Shop': options.shop }
        : await signFluidRequest({ body, key: options.key, shop: options.shop, kind: 'webhook' });
    result = await sendHttp({
      url: options.url,
      method: options.method === 'get' ? 'GET' : options.method === 'put' ? 'PUT' : 'POST',
      headers,
      body,
      connectTimeoutMs: Math.min(timeouts.connectTimeoutMs ?? 5_000, timeoutMs),
      timeoutMs,
    });
    if (!retryable(result)) break;
  }
  const base = { webhookId: options.webhookId, url: options.url, attempts: attempt };
  if (result === undefined || result.kind === 'failure') {
    return {
      ...base,
      status: null,
      ok: false,
      latencyMs: result?.latencyMs ?? 0,
      error: result?.error ?? 'connection',
    };
  }
  return {
    ...base,
    status: result.status,
    ok: result.status >= 200 && result.status < 300,
    latencyMs: result.latencyMs,
    body: replyBody(result.text),
  };
}

/** A reply body as JSON when it parses, else its text (`undefined` when empty). */
function replyBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

function retryable(result: HttpSendResult): boolean {
  return result.kind === 'failure' || result.status >= 500 || result.status === 429;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
