import type { FluidLogger } from '../../logger.js';
import type { callbacks } from '../../registry/index.js';
import type { CallbackRegistry, RegistryRequest, RegistryResponse } from '../../registry/types.js';
import type { CallbackRegistrationRecord, RegistrationLookup } from '../../stores/types.js';
import type { FailureReason, FailureStage } from '../http/outcome.js';
import type { ValidationIssue } from './issues.js';
import type { ValidationOptions } from './validation-mode.js';

/** The SDK's own registry: every callback definition known at release. */
export type DefaultRegistry = typeof callbacks;

/** The definition version a request says it was built from (`schema_version`, `schema_hash`), null when absent. */
export interface CallbackSchemaStamp {
  readonly version: string | number | null;
  readonly hash: string | null;
}

/** What a callback handler receives beside the validated request. */
export interface CallbackContext<N extends string = string> {
  /** The definition being served: the verified registration's definition. */
  readonly name: N;
  /**
   * The registration whose `cvt_` token signed this request, found by the token's digest and verified by the HMAC.
   * Trust it, and the tenant it names, rather than anything in the body.
   */
  readonly registration: CallbackRegistrationRecord;
  /** The tenant: the registration's installation (`dri`). Never take it from `cart.company` in the body. */
  readonly installationUuid: string;
  /** The request's `schema_version` and `schema_hash`. */
  readonly schema: CallbackSchemaStamp;
  /** Aborts at the deadline (or when the client goes away), so the handler can stop work nobody will read. */
  readonly signal: AbortSignal;
  /** When the reply is due: the request's arrival plus `timeoutMs`. */
  readonly deadline: Date;
  /** The verified `X-Fluid-Timestamp`, Unix seconds. */
  readonly timestamp: number;
  /** The original request (its body is already consumed). */
  readonly request: Request;
}

/** A handler for callback `N` of registry `R`: its return type is the definition's response type. */
export type CallbackFunction<R extends CallbackRegistry, N extends keyof R & string> = (
  request: RegistryRequest<R, N>,
  context: CallbackContext<N>,
) => RegistryResponse<R, N> | Promise<RegistryResponse<R, N>>;

/** Handlers keyed by definition name. */
export type CallbackHandlers<R extends CallbackRegistry> = {
  readonly [N in keyof R & string]?: CallbackFunction<R, N>;
};

/** A refusal or failure of a callback request, as the failure policy sees it. */
export interface CallbackFailure {
  /** Where it happened: `auth` (401), `body` (400, 405, 408, 413, 415), `request` (400), `handler` (500), `timeout` (504), `reply` (500). */
  readonly stage: FailureStage;
  /** The machine-readable reason, e.g. `unknown_registration`, `store_unavailable`, `deadline`. */
  readonly reason: FailureReason;
  /** What was thrown, for `handler` failures and `store_unavailable`. Never sent to Fluid. */
  readonly error?: unknown;
  /** Validation problems, for `request` (and `reply`) failures. */
  readonly issues?: readonly ValidationIssue[];
  /** The status the SDK answers with unless the policy decides otherwise. */
  readonly status: number;
  /** The definition, when known: the route's for `createCallbackHandler.for`, else the registration's. */
  readonly definition: string | null;
  /** The verified registration, once the token's digest matched one (it may still fail the HMAC). */
  readonly registration: CallbackRegistrationRecord | null;
}

/**
 * Decides the answer to a refused or failed callback request: a `Response` sent as is, a reply value sent as JSON
 * with 200, or `undefined` for the SDK's fail-closed default. A policy that throws gets the default too.
 */
export type CallbackFailurePolicy<Reply = unknown> = (
  failure: CallbackFailure,
) => Response | Reply | undefined | Promise<Response | Reply | undefined>;

/** Failure policies keyed by definition name; a failure whose definition is not known yet gets the default. */
export type CallbackFailurePolicies<R extends CallbackRegistry> = {
  readonly [N in keyof R & string]?: CallbackFailurePolicy<RegistryResponse<R, N>>;
};

/** Options shared by {@link createCallbackHandler} and `createCallbackHandler.for`. */
export interface CallbackHandlerSettings<R extends CallbackRegistry> {
  /**
   * Finds the registration a presented `cvt_` token belongs to, by the token's lowercase hex SHA-256 digest:
   * `createMemoryRegistrations()` or a shared store. A lookup that throws is refused as `store_unavailable`.
   */
  readonly registrations: RegistrationLookup;
  /**
   * The registry the handlers are typed and validated by: a service's own generated `callbacks`.
   * @default the SDK's registry
   */
  readonly registry?: R;
  /**
   * Validation per direction. In production, `{ response: 'warn' }` reports a drifted reply instead of failing it.
   * @default 'strict' (both directions)
   */
  readonly validate?: ValidationOptions;
  /**
   * The deadline for a reply, in ms, counted from the request's arrival: body read, registration lookup,
   * verification, validation and the handler all count. Fluid waits at most 20 s (less if the registration says so).
   * @default 18_000
   */
  readonly timeoutMs?: number;
  /**
   * How long the body may take to arrive, in ms; a slower body is refused with 408.
   * @default the deadline (`timeoutMs`)
   */
  readonly bodyTimeoutMs?: number;
  /**
   * The largest body accepted, in bytes.
   * @default 1_048_576
   */
  readonly maxBodyBytes?: number;
  /**
   * Signature timestamp tolerance, in seconds, past and future.
   * @default 300
   */
  readonly toleranceSeconds?: number;
  /** Where problems are reported; never given a token, a key or a body. @default the console */
  readonly logger?: FluidLogger;
  /** The clock, for tests. @default () => new Date() */
  readonly now?: () => Date;
}

/** Options for {@link createCallbackHandler}. */
export interface CallbackHandlerOptions<R extends CallbackRegistry> extends CallbackHandlerSettings<R> {
  /** Handlers keyed by definition name; the verified registration's definition picks one. */
  // NoInfer: the registry alone decides R, so handlers are checked against it rather than widening it.
  readonly handlers: NoInfer<CallbackHandlers<R>>;
  /**
   * What to answer on a refusal or failure: one policy, or one per definition (used once the registration names
   * the definition). Serve checkout callbacks with `createCallbackHandler.for` so that every failure, an unknown
   * token included, goes through their policy.
   * @default fail closed: 401, 400/405/408/413/415, 400, 500, 504, 500 by stage
   */
  readonly onFailure?: CallbackFailurePolicy | NoInfer<CallbackFailurePolicies<R>>;
}

/** Options for `createCallbackHandler.for`. */
export interface SingleCallbackOptions<R extends CallbackRegistry, N extends keyof R & string>
  extends CallbackHandlerSettings<R> {
  /**
   * What to answer on every refusal or failure of this route, e.g. `neutralReply({})` for a checkout callback.
   * @default fail closed: 401, 400/405/408/413/415, 400, 500, 504, 500 by stage
   */
  readonly onFailure?: CallbackFailurePolicy<NoInfer<RegistryResponse<R, N>>>;
}
