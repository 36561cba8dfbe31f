import { signFluidRequest } from '@fluid-droplet/sdk';
import type { CallbackDefinition } from '../definitions/types.js';
import type { SchemaValidator } from './schema-validator.js';
import { sendHttp } from './send-http.js';
import type { CallbackReport, ValidationIssue } from './types.js';

/** Fluid's connect timeout for outgoing calls. */
const CONNECT_TIMEOUT_MS = 5_000;

/** One callback call. */
export interface CallCallbackOptions {
  readonly definition: CallbackDefinition;
  readonly url: string;
  /** The registration's `cvt_` verification token: the HMAC key and the `X-Fluid-Callback-Token` header. */
  readonly token: string;
  /** The registration's timeout; the call is abandoned after it, as Fluid does. */
  readonly timeoutSeconds: number;
  readonly request: unknown;
  readonly validator: SchemaValidator;
}

/**
 * POSTs a callback request signed as Fluid signs it (`X-Fluid-Signature` over `"{timestamp}.{body}"` keyed by the
 * `cvt_` token, plus `X-Fluid-Callback-Token`), waits at most the registration timeout, and checks the reply against
 * the definition's `response_schema`. Never throws for anything the service does.
 *
 * @example
 * const report = await callCallback({ definition, url, token, timeoutSeconds: 5, request, validator })
 */
export async function callCallback(options: CallCallbackOptions): Promise<CallbackReport> {
  const { definition, url, token, request, validator } = options;
  const body = JSON.stringify(request);
  const headers = await signFluidRequest({ body, key: token, kind: 'callback' });
  const timeoutMs = options.timeoutSeconds * 1000;
  const result = await sendHttp({
    url,
    method: 'POST',
    headers,
    body,
    connectTimeoutMs: Math.min(CONNECT_TIMEOUT_MS, timeoutMs),
    timeoutMs,
  });
  const base = { name: definition.name, url, request, latencyMs: result.latencyMs };
  if (result.kind === 'failure') {
    const message =
      result.error === 'timeout' ? `no reply within ${options.timeoutSeconds}s` : 'connection failed';
    return {
      ...base,
      status: null,
      ok: false,
      issues: [{ pointer: '', message }],
      body: undefined,
      error: result.error,
    };
  }
  const parsed = parseJson(result.text);
  const success = result.status >= 200 && result.status < 300;
  if (parsed === NOT_JSON) {
    // Only a 2xx promises a JSON body; an error status with an empty or HTML body is reported by its status.
    if (!success) return { ...base, status: result.status, ok: false, issues: [], body: result.text };
    const issues: ValidationIssue[] = [{ pointer: '', message: 'reply is not JSON' }];
    return { ...base, status: result.status, ok: false, issues, body: result.text, error: 'invalid_json' };
  }
  const issues = success ? validator.issues(definition.response_schema, parsed) : [];
  return { ...base, status: result.status, ok: success && issues.length === 0, issues, body: parsed };
}

const NOT_JSON: unique symbol = Symbol('not json');

function parseJson(text: string): unknown {
  if (text.trim() === '') return NOT_JSON;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
