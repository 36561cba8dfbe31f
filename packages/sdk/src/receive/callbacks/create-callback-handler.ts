import { callbacks } from '../../registry/index.js';
import type { CallbackDefinitionEntry, CallbackRegistry } from '../../registry/types.js';
import type { FetchHandler } from '../http/fetch-handler.js';
import { makeRoute, type Route } from './routes.js';
import { serveCallbacks } from './serve.js';
import { resolveSettings } from './settings.js';
import type {
  CallbackContext,
  CallbackFailurePolicy,
  CallbackFunction,
  CallbackHandlerOptions,
  DefaultRegistry,
  SingleCallbackOptions,
} from './types.js';

type AnyRun = (request: unknown, context: CallbackContext) => unknown;

function entryOf(registry: CallbackRegistry, name: string): CallbackDefinitionEntry {
  const entry = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (entry === undefined)
    throw new TypeError(`no callback definition named ${JSON.stringify(name)} in the registry`);
  return entry;
}

/**
 * Creates a Web-standard handler that serves Fluid callbacks. In order: the cheap header checks, the registration
 * found by the SHA-256 digest of `X-Fluid-Callback-Token`, the HMAC keyed by that token over the raw body, then
 * JSON, the definition check (the registration's, and the body's `callback_name` if present), request validation,
 * the handler, reply validation. All of it runs under one deadline counted from arrival, and every refusal or
 * failure goes through `onFailure`.
 *
 * @example
 * const handler = createCallbackHandler({
 *   registrations, // createMemoryRegistrations() or a shared store
 *   handlers: {
 *     test_callback_system: (request, { installationUuid }) => ({ message: `hello ${installationUuid}` }),
 *   },
 * })
 */
function createCallbackHandlerImpl<R extends CallbackRegistry = DefaultRegistry>(
  options: CallbackHandlerOptions<R>,
): FetchHandler {
  const registry: CallbackRegistry = options.registry ?? callbacks;
  const onFailure = options.onFailure as
    | CallbackFailurePolicy
    | Partial<Record<string, CallbackFailurePolicy>>
    | undefined;
  const policyFor = (name: string): CallbackFailurePolicy | undefined =>
    typeof onFailure === 'function'
      ? onFailure
      : onFailure !== undefined && Object.hasOwn(onFailure, name)
        ? onFailure[name]
        : undefined;
  const routes = new Map<string, Route>();
  for (const [name, run] of Object.entries(options.handlers as Partial<Record<string, AnyRun>>)) {
    if (run === undefined) continue;
    routes.set(name, makeRoute(name, entryOf(registry, name), run, policyFor(name)));
  }
  const settings = resolveSettings(options);
  return serveCallbacks(
    { routes, fixed: undefined, unroutedPolicy: typeof onFailure === 'function' ? onFailure : undefined },
    settings,
  );
}

/**
 * Serves one definition at its own URL. Only a registration for this definition opens it, a body naming another
 * definition is refused (`definition_mismatch`), and `onFailure` decides every failure, an unknown token included:
 * the shape for checkout-path callbacks.
 *
 * @example
 * app.post('/callbacks/shipping', toNodeHandler(createCallbackHandler.for('update_cart_shipping',
 *   async (request, { installationUuid }) => quote(installationUuid, request.cart),
 *   { registrations, onFailure: neutralReply({}) })))
 */
function forDefinition<N extends keyof R & string, R extends CallbackRegistry = DefaultRegistry>(
  name: N,
  handler: NoInfer<CallbackFunction<R, N>>,
  options: SingleCallbackOptions<R, N>,
): FetchHandler {
  const registry: CallbackRegistry = options.registry ?? callbacks;
  const route = makeRoute(
    name,
    entryOf(registry, name),
    handler as unknown as AnyRun,
    options.onFailure as CallbackFailurePolicy | undefined,
  );
  const settings = resolveSettings(options);
  return serveCallbacks(
    { routes: new Map([[name, route]]), fixed: route, unroutedPolicy: undefined },
    settings,
  );
}

/** Creates a callback handler; `createCallbackHandler.for(name, fn, options)` serves a single definition. */
export const createCallbackHandler: typeof createCallbackHandlerImpl & { for: typeof forDefinition } =
  Object.assign(createCallbackHandlerImpl, { for: forDefinition });
