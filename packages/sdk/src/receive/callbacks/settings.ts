import type { FluidLogger } from '../../logger.js';
import type { CallbackRegistry } from '../../registry/types.js';
import type { RegistrationLookup } from '../../stores/types.js';
import { consoleLogger } from '../http/logger.js';
import { DEFAULT_MAX_BODY_BYTES } from '../http/read-body.js';
import { DEFAULT_TOLERANCE_SECONDS } from '../signature/verify.js';
import type { CallbackHandlerSettings } from './types.js';
import { type ResolvedValidation, resolveValidation } from './validation-mode.js';

/** The default deadline: under Fluid's 20 s ceiling, leaving room for the network. */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 18_000;

/** The settings of a callback handler, defaults applied. */
export interface Settings {
  readonly registrations: RegistrationLookup;
  readonly validation: ResolvedValidation;
  readonly timeoutMs: number;
  readonly bodyTimeoutMs: number | undefined;
  readonly maxBodyBytes: number;
  readonly toleranceSeconds: number;
  readonly logger: FluidLogger;
  readonly nowMs: () => number;
}

/** Resolves the shared settings with their defaults, refusing nonsense at creation. */
export function resolveSettings<R extends CallbackRegistry>(options: CallbackHandlerSettings<R>): Settings {
  const registrations = options.registrations as RegistrationLookup | undefined;
  if (typeof registrations?.findByTokenDigest !== 'function')
    throw new TypeError('createCallbackHandler: registrations must have findByTokenDigest(digest)');
  const timeoutMs = positive('timeoutMs', options.timeoutMs, DEFAULT_CALLBACK_TIMEOUT_MS);
  const bodyTimeoutMs = positive('bodyTimeoutMs', options.bodyTimeoutMs, timeoutMs);
  return {
    registrations,
    validation: resolveValidation(options.validate),
    timeoutMs,
    // The deadline already bounds the body; a second timer is armed only for a shorter body limit.
    bodyTimeoutMs: bodyTimeoutMs < timeoutMs ? bodyTimeoutMs : undefined,
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    toleranceSeconds: positive('toleranceSeconds', options.toleranceSeconds, DEFAULT_TOLERANCE_SECONDS),
    logger: options.logger ?? consoleLogger,
    nowMs: options.now === undefined ? Date.now : nowMsOf(options.now),
  };
}

function nowMsOf(now: () => Date): () => number {
  return () => now().getTime();
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`createCallbackHandler: ${name} must be a positive number`);
  return value;
}
