import type { CallbackRegistrationRecord } from '../../stores/types.js';
import { DeadlineQueue } from '../http/deadline-queue.js';
import { createFetchHandler, type Incoming } from '../http/incoming.js';
import { LazyAbort } from '../http/lazy-abort.js';
import { describeError } from '../http/logger.js';
import {
  checkRequestLine,
  checkSignature,
  parseJsonObject,
  readRequestBody,
} from '../http/opening-checks.js';
import { defaultReply, defaultStatus, type FailureReason, type Outcome, stageOf } from '../http/outcome.js';
import { fromWebResponse, jsonTextReply, type Reply } from '../http/reply.js';
import { hmacVerify, sha256Hex, signedMessage } from '../signature/crypto.js';
import { readSingleHeader } from '../signature/header-input.js';
import { FluidHeader } from '../signature/header-names.js';
import { CallbackHandlerContext } from './context.js';
import { toValidationIssues, type ValidationIssue } from './issues.js';
import type { Route, RouteTable } from './routes.js';
import { SchemaWatch, schemaStampOf } from './schema-watch.js';
import { serializeResponse } from './serialize.js';
import type { Settings } from './settings.js';
import type { CallbackFailure } from './types.js';

/** What one request has established so far, for the failure policy and the log. */
class RequestState {
  definition: string | null;
  registration: CallbackRegistrationRecord | null = null;
  route: Route | undefined;
  error: unknown;
  issues: readonly ValidationIssue[] | undefined;
  /** Set once an answer is chosen: the deadline's or the pipeline's, whichever came first. */
  settled = false;

  constructor(fixed: Route | undefined) {
    this.route = fixed;
    this.definition = fixed?.name ?? null;
  }
}

const refused = (reason: FailureReason): Outcome => ({ kind: 'refused', reason });

/** Builds the Web-standard handler around a route table: the whole callback pipeline. */
export function serveCallbacks(
  table: RouteTable,
  settings: Settings,
): (request: Request) => Promise<Response> {
  const { logger, timeoutMs } = settings;
  const watch = new SchemaWatch(logger);

  async function decide(
    incoming: Incoming,
    state: RequestState,
    abort: LazyAbort,
    arrivalMs: number,
  ): Promise<Outcome> {
    const line = checkRequestLine(incoming);
    if (line !== undefined) return refused(line);
    const token = readSingleHeader(incoming.headers, FluidHeader.callbackToken);
    if (token.kind !== 'value')
      return refused(token.kind === 'missing' ? 'missing_token' : 'duplicate_token');
    const signature = checkSignature(incoming, settings.toleranceSeconds, arrivalMs);
    if (!signature.ok) return refused(signature.reason);

    let registration: CallbackRegistrationRecord | null;
    try {
      const digest = sha256Hex(token.value);
      registration = await settings.registrations.findByTokenDigest(
        typeof digest === 'string' ? digest : await digest,
      );
    } catch (error) {
      state.error = error;
      return refused('store_unavailable');
    }
    if (registration === null || registration === undefined) return refused('unknown_registration');
    state.registration = registration;
    state.definition ??= registration.definitionName;
    // Routed by the registration, never by the body: a token opens only the definition it was registered for.
    const route = table.routes.get(registration.definitionName);
    if (route === undefined || (table.fixed !== undefined && route !== table.fixed))
      return refused('definition_mismatch');
    state.route = route;

    const body = await readRequestBody(incoming, settings.maxBodyBytes, settings.bodyTimeoutMs);
    if (!body.ok) return refused(body.reason);
    const message = signedMessage(signature.value.timestampText, body.value);
    const verified = hmacVerify(token.value, signature.value.mac, message);
    if (!(verified === true || (verified !== false && (await verified))))
      return refused('signature_mismatch');
    const parsed = parseJsonObject(body.value);
    if (!parsed.ok) return refused(parsed.reason);
    const named = parsed.value.callback_name;
    if (named !== undefined && named !== route.name) return refused('definition_mismatch');

    const schema = schemaStampOf(parsed.value);
    watch.observe(route.name, schema);
    let input: unknown = parsed.value;
    if (settings.validation.request !== 'off') {
      const checked = route.entry.request.safeParse(parsed.value);
      if (checked.success) input = checked.data;
      else if (settings.validation.request === 'strict') {
        state.issues = toValidationIssues(checked.error);
        return refused('invalid_request');
      } else {
        logger.warn('callback request does not match its schema', {
          callback: route.name,
          issues: toValidationIssues(checked.error),
        });
      }
    }

    // The deadline may have passed while the body arrived or the store answered: then nothing more runs.
    if (state.settled) return refused('deadline');
    const context = new CallbackHandlerContext(
      registration,
      schema,
      signature.value.timestamp,
      abort,
      incoming,
      arrivalMs + timeoutMs,
    );
    let value: unknown;
    try {
      value = route.run(input, context);
      if (isThenable(value)) value = await value;
    } catch (error) {
      state.error = error;
      return refused('handler_error');
    }
    if (state.settled) return refused('deadline');

    if (settings.validation.response !== 'off') {
      const checked = route.entry.response.safeParse(value);
      if (!checked.success) {
        const issues = toValidationIssues(checked.error);
        if (settings.validation.response === 'strict') {
          state.issues = issues;
          return refused('invalid_reply');
        }
        logger.warn('callback response does not match its schema; sent anyway', {
          callback: route.name,
          issues,
        });
      }
    }
    const serialized = serializeResponse(value);
    if (!serialized.ok) {
      state.error = new TypeError(serialized.problem);
      return refused('unserializable_reply');
    }
    return { kind: 'reply', text: serialized.text };
  }

  async function finish(outcome: Outcome, state: RequestState): Promise<Reply> {
    if (outcome.kind !== 'refused') return defaultReply(outcome);
    const { reason } = outcome;
    report(reason, state);
    const route =
      state.route !== undefined && state.route.name === state.definition ? state.route : undefined;
    const policy = route === undefined ? table.unroutedPolicy : route.onFailure;
    const fallback = defaultReply(
      state.issues === undefined || reason !== 'invalid_request'
        ? outcome
        : { ...outcome, detail: state.issues },
    );
    if (policy === undefined) return fallback;
    if (route?.neutralText !== undefined) return jsonTextReply(200, route.neutralText);
    const failure: CallbackFailure = {
      stage: stageOf[reason],
      reason,
      status: defaultStatus[reason],
      definition: state.definition,
      registration: state.registration,
      ...(state.error === undefined ? {} : { error: state.error }),
      ...(state.issues === undefined ? {} : { issues: state.issues }),
    };
    let decided: unknown;
    try {
      decided = await policy(failure);
    } catch (error) {
      logger.error('callback failure policy threw; sent the default reply', {
        callback: state.definition,
        error: describeError(error),
      });
      return fallback;
    }
    if (decided === undefined) return fallback;
    if (decided instanceof Response) return fromWebResponse(decided);
    const serialized = serializeResponse(decided);
    if (serialized.ok) return jsonTextReply(200, serialized.text);
    logger.error('callback failure policy returned a value that is not JSON; sent the default reply', {
      callback: state.definition,
      problem: serialized.problem,
    });
    return fallback;
  }

  function safeFinish(outcome: Outcome, state: RequestState): Promise<Reply> {
    return finish(outcome, state).catch((error: unknown) => {
      logger.error('callback reply could not be built', { error: describeError(error) });
      return defaultReply(refused('handler_error'));
    });
  }

  function report(reason: FailureReason, state: RequestState): void {
    const fields: Record<string, unknown> = { reason, callback: state.definition };
    if (state.registration !== null) fields.registration = state.registration.uuid;
    switch (stageOf[reason]) {
      case 'auth':
        if (state.error !== undefined) fields.error = describeError(state.error);
        logger.warn('callback refused', fields);
        return;
      case 'body':
      case 'request':
        if (state.issues !== undefined) fields.issues = state.issues;
        logger.warn('callback request refused', fields);
        return;
      case 'timeout':
        logger.warn('callback ran past its deadline', { ...fields, timeoutMs });
        return;
      case 'handler':
        logger.error('callback handler failed', { ...fields, error: describeError(state.error) });
        return;
      case 'reply':
        if (state.issues !== undefined) fields.issues = state.issues;
        if (state.error !== undefined) fields.problem = (state.error as Error).message;
        logger.error('callback reply refused: it does not match its schema or is not serializable', fields);
        return;
    }
  }

  // Per request, only anonymous callbacks and one object: this runs for every request, and a dev loader that keeps
  // function names (tsx) wraps every named closure in a helper call.
  const deadlines = new DeadlineQueue(timeoutMs);
  return createFetchHandler((incoming) => {
    const arrivalMs = settings.nowMs();
    const state = new RequestState(table.fixed);
    const abort = new LazyAbort(() => incoming.signal);
    return new Promise<Reply>((resolve) => {
      // Armed at arrival: everything from here on counts against the deadline.
      const deadline = deadlines.add(() => {
        if (state.settled) return;
        state.settled = true;
        abort.abort(new DOMException('The callback ran past its deadline', 'TimeoutError'));
        resolve(safeFinish(refused('deadline'), state));
      });
      decide(incoming, state, abort, arrivalMs).then(
        (outcome) => {
          if (state.settled) return;
          state.settled = true;
          deadline.cancel();
          abort.release();
          resolve(outcome.kind === 'reply' ? defaultReply(outcome) : safeFinish(outcome, state));
        },
        (error: unknown) => {
          if (state.settled) return;
          state.settled = true;
          deadline.cancel();
          abort.release();
          state.error = error;
          resolve(safeFinish(refused('handler_error'), state));
        },
      );
    });
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
