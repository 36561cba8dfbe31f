import type { callbacks } from '../../registry/index.js';
import type { CallbackRegistry, RegistryRequest, RegistryResponse } from '../../registry/types.js';
import type { ReceiveLogger } from '../http/logger.js';
import type { SigningKeys } from '../signature/keys.js';
import type { ValidationOptions } from './validation-mode.js';

/** The SDK's own registry: every callback definition known at release. */
export type DefaultRegistry = typeof callbacks;

/** What a callback handler receives beside the validated request. */
export interface CallbackContext<N extends string = string> {
  /** The definition being served. */
  readonly name: N;
  /** Aborts shortly before the deadline, so the handler can stop work nobody will read. */
  readonly signal: AbortSignal;
  /** When the reply is due. */
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

/** Fallback responses keyed by definition name, sent when a handler runs past its deadline. */
export type CallbackFallbacks<R extends CallbackRegistry> = {
  readonly [N in keyof R & string]?: RegistryResponse<R, N>;
};

/**
 * Looks up the registration's `cvt_` key from the token Fluid presents in `X-Fluid-Callback-Token`.
 * Store a SHA-256 digest of the token and compare digests; return null for an unknown token (401).
 */
export type ResolveCallbackKey = (
  token: string,
) => SigningKeys | null | undefined | Promise<SigningKeys | null | undefined>;

/** Options shared by {@link createCallbackHandler} and `createCallbackHandler.for`. */
export interface CallbackHandlerSettings<R extends CallbackRegistry> {
  /** Finds the key for the presented callback token. */
  readonly resolveKey: ResolveCallbackKey;
  /**
   * The registry the handlers are typed and validated by: a service's own generated `callbacks`.
   * @default the SDK's registry
   */
  readonly registry?: R;
  /**
   * Validation per direction. @default requests `strict`; responses `strict`, or `warn` when NODE_ENV is production
   */
  readonly validate?: ValidationOptions;
  /**
   * The deadline for a reply, in ms. Fluid waits at most 20 s (less if the registration says so).
   * @default 18_000
   */
  readonly timeoutMs?: number;
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
  /** Where problems are reported. @default the console */
  readonly logger?: ReceiveLogger;
  /** The clock, for tests. @default () => new Date() */
  readonly now?: () => Date;
}

/** Options for {@link createCallbackHandler}. */
export interface CallbackHandlerOptions<R extends CallbackRegistry> extends CallbackHandlerSettings<R> {
  /** Handlers keyed by definition name; the body's `callback_name` picks one. */
  // NoInfer: the registry alone decides R, so handlers are checked against it rather than widening it.
  readonly handlers: NoInfer<CallbackHandlers<R>>;
  /** Replies to send instead of 504 when a handler is too slow; each is validated when the handler is created. */
  readonly fallback?: NoInfer<CallbackFallbacks<R>>;
}

/** Options for `createCallbackHandler.for`. */
export interface SingleCallbackOptions<R extends CallbackRegistry, N extends keyof R & string>
  extends CallbackHandlerSettings<R> {
  /** The reply to send instead of 504 when the handler is too slow; validated when the handler is created. */
  readonly fallback?: NoInfer<RegistryResponse<R, N>>;
}
