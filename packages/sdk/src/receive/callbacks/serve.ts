import type { CallbackDefinitionEntry, CallbackRegistry } from '../../registry/types.js';
import { runWithDeadline } from '../http/deadline.js';
import { createFetchHandler, type Incoming } from '../http/incoming.js';
import { consoleLogger, describeError, type ReceiveLogger } from '../http/logger.js';
import { isJsonContentType, isRecord, parseJsonBody } from '../http/parse-json.js';
import { DEFAULT_MAX_BODY_BYTES } from '../http/read-body.js';
import { readSingleHeader } from '../signature/header-input.js';
import { FluidHeader } from '../signature/header-names.js';
import { DEFAULT_TOLERANCE_SECONDS, verifyFluidSignature } from '../signature/verify.js';
import { HandlerContext } from './context.js';
import { toValidationIssues } from './issues.js';
import { type CallbackOutcome, callbackReply } from './outcome.js';
import { serializeResponse } from './serialize.js';
import type { CallbackContext, CallbackHandlerSettings, ResolveCallbackKey } from './types.js';
import { type ResolvedValidation, resolveValidation } from './validation-mode.js';

/** One servable definition after the public options are resolved. */
export interface Route {
  readonly name: string;
  readonly entry: CallbackDefinitionEntry;
  readonly run: (request: unknown, context: CallbackContext) => unknown;
  /** Already serialized and validated at creation. */
  readonly fallbackText: string | undefined;
}

/** Picks the route for a parsed body, or explains why none fits. */
export type RouteLookup = (callbackName: string | null) => Route | { readonly unknown: string | null };

/** The default deadline: under Fluid's 20 s ceiling, leaving room for the network. */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 18_000;

interface Settings {
  readonly resolveKey: ResolveCallbackKey;
  readonly validation: ResolvedValidation;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly toleranceSeconds: number;
  readonly logger: ReceiveLogger;
  readonly now: () => Date;
}

/** Resolves the shared settings with their defaults. */
export function resolveSettings<R extends CallbackRegistry>(options: CallbackHandlerSettings<R>): Settings {
  return {
    resolveKey: options.resolveKey,
    validation: resolveValidation(options.validate),
    timeoutMs: options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    logger: options.logger ?? consoleLogger,
    now: options.now ?? (() => new Date()),
  };
}

/**
 * Validates and serializes a configured fallback once, at creation, so a bad fallback is a startup error rather
 * than a surprise during an outage.
 */
export function prepareFallback(
  name: string,
  entry: CallbackDefinitionEntry,
  fallback: unknown,
): string | undefined {
  if (fallback === undefined) return undefined;
  const checked = entry.response.safeParse(fallback);
  if (!checked.success) {
    const where = toValidationIssues(checked.error).map(
      (issue) => `${issue.pointer || '/'} ${issue.message}`,
    );
    throw new TypeError(`fallback for ${name} does not match its response schema: ${where.join('; ')}`);
  }
  const serialized = serializeResponse(fallback);
  if (!serialized.ok) throw new TypeError(`fallback for ${name} is not serializable: ${serialized.problem}`);
  return serialized.text;
}

/** Builds the Web-standard handler around a route lookup: the whole callback pipeline. */
export function serveCallbacks(
  lookup: RouteLookup,
  settings: Settings,
): (request: Request) => Promise<Response> {
  const { logger } = settings;

  async function decide(incoming: Incoming): Promise<CallbackOutcome> {
    if (incoming.method !== 'POST') return { kind: 'method_not_allowed' };
    if (!isJsonContentType(incoming.contentType)) return { kind: 'unsupported_media_type' };
    const token = readSingleHeader(incoming.headers, FluidHeader.callbackToken);
    if (token.kind !== 'value') return unauthorized(`${token.kind}_token`);

    const body = await incoming.readBody(settings.maxBodyBytes);
    if (!body.ok)
      return body.reason === 'too_large'
        ? { kind: 'too_large' }
        : { kind: 'malformed', problem: 'unreadable body' };

    let keys: Awaited<ReturnType<ResolveCallbackKey>>;
    try {
      keys = await settings.resolveKey(token.value);
    } catch (error) {
      logger.error('callback key lookup failed', { error: describeError(error) });
      return { kind: 'failed' };
    }
    if (keys === null || keys === undefined) return unauthorized('unknown_token');
    const verified = await verifyFluidSignature({
      rawBody: body.bytes,
      headers: incoming.headers,
      keys,
      toleranceSeconds: settings.toleranceSeconds,
      now: settings.now(),
    });
    if (!verified.ok) return unauthorized(verified.reason);

    if (body.bytes.byteLength === 0) return { kind: 'malformed', problem: 'empty body' };
    const parsed = parseJsonBody(body.bytes);
    if (!parsed.ok) return { kind: 'malformed', problem: 'the body is not valid UTF-8 JSON' };
    if (!isRecord(parsed.value)) return { kind: 'malformed', problem: 'the body is not a JSON object' };
    const callbackName = typeof parsed.value.callback_name === 'string' ? parsed.value.callback_name : null;
    const route = lookup(callbackName);
    if ('unknown' in route) return { kind: 'unknown_callback', name: route.unknown };

    let input: unknown = parsed.value;
    if (settings.validation.request !== 'off') {
      const checked = route.entry.request.safeParse(parsed.value);
      if (checked.success) input = checked.data;
      else if (settings.validation.request === 'strict') {
        return { kind: 'invalid_request', issues: toValidationIssues(checked.error) };
      } else {
        logger.warn('callback request does not match its schema', {
          callback: route.name,
          issues: toValidationIssues(checked.error),
        });
      }
    }

    const deadlineMs = settings.now().getTime() + settings.timeoutMs;
    const result = await runWithDeadline(
      (abort) =>
        route.run(input, new HandlerContext(route.name, verified.timestamp, abort, incoming, deadlineMs)),
      settings.timeoutMs,
      () => incoming.signal,
    );
    if (result.kind === 'timeout') {
      logger.warn('callback handler ran past its deadline', {
        callback: route.name,
        timeoutMs: settings.timeoutMs,
      });
      return route.fallbackText === undefined
        ? { kind: 'timeout' }
        : { kind: 'reply', text: route.fallbackText };
    }
    if (result.kind === 'error') {
      logger.error('callback handler failed', { callback: route.name, error: describeError(result.error) });
      return { kind: 'failed' };
    }

    if (settings.validation.response !== 'off') {
      const checked = route.entry.response.safeParse(result.value);
      if (!checked.success) {
        const issues = toValidationIssues(checked.error);
        if (settings.validation.response === 'strict') {
          logger.error('callback response does not match its schema; sent 500', {
            callback: route.name,
            issues,
          });
          return { kind: 'failed' };
        }
        logger.warn('callback response does not match its schema; sent anyway', {
          callback: route.name,
          issues,
        });
      }
    }
    const serialized = serializeResponse(result.value);
    if (!serialized.ok) {
      logger.error('callback response is not serializable', {
        callback: route.name,
        problem: serialized.problem,
      });
      return { kind: 'failed' };
    }
    return { kind: 'reply', text: serialized.text };
  }

  function unauthorized(reason: string): CallbackOutcome {
    logger.warn('callback rejected', { reason });
    return { kind: 'unauthorized' };
  }

  return createFetchHandler(async (incoming) => {
    try {
      return callbackReply(await decide(incoming));
    } catch (error) {
      logger.error('callback processing failed', { error: describeError(error) });
      return callbackReply({ kind: 'failed' });
    }
  });
}
