import { callbacks } from '../../registry/index.js';
import type { CallbackDefinitionEntry, CallbackRegistry } from '../../registry/types.js';
import type { FetchHandler } from '../webhooks/create-webhook-handler.js';
import { prepareFallback, type Route, resolveSettings, serveCallbacks } from './serve.js';
import type {
  CallbackContext,
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
 * Creates a Web-standard handler that serves Fluid callbacks: verifies `X-Fluid-Callback-Token` and the signature,
 * picks the definition by the body's `callback_name`, validates the request, runs the typed handler under a
 * deadline, validates the reply and sends it.
 *
 * @example
 * const handler = createCallbackHandler({
 *   resolveKey: (token) => registrations.keyFor(token),
 *   handlers: {
 *     update_cart_shipping: async (request, { signal }) => ({ shipping_options: await quote(request.cart, signal) }),
 *   },
 * })
 */
function createCallbackHandlerImpl<R extends CallbackRegistry = DefaultRegistry>(
  options: CallbackHandlerOptions<R>,
): FetchHandler {
  const registry: CallbackRegistry = options.registry ?? callbacks;
  const routes = new Map<string, Route>();
  const fallbacks: Partial<Record<string, unknown>> = options.fallback ?? {};
  for (const [name, run] of Object.entries(options.handlers as Partial<Record<string, AnyRun>>)) {
    if (run === undefined) continue;
    const entry = entryOf(registry, name);
    routes.set(name, { name, entry, run, fallbackText: prepareFallback(name, entry, fallbacks[name]) });
  }
  return serveCallbacks((callbackName) => {
    if (callbackName === null) return { unknown: null };
    return routes.get(callbackName) ?? { unknown: callbackName };
  }, resolveSettings(options));
}

/**
 * Serves one definition at its own URL: a body without `callback_name` is taken as this definition, and one
 * naming another definition is refused with 400.
 *
 * @example
 * app.post('/callbacks/shipping', toNodeHandler(createCallbackHandler.for('update_cart_shipping',
 *   async (request) => ({ shipping_options: [] }), { resolveKey })))
 */
function forDefinition<N extends keyof R & string, R extends CallbackRegistry = DefaultRegistry>(
  name: N,
  handler: NoInfer<CallbackFunction<R, N>>,
  options: SingleCallbackOptions<R, N>,
): FetchHandler {
  const registry: CallbackRegistry = options.registry ?? callbacks;
  const entry = entryOf(registry, name);
  const route: Route = {
    name,
    entry,
    run: handler as unknown as AnyRun,
    fallbackText: prepareFallback(name, entry, options.fallback),
  };
  return serveCallbacks(
    (callbackName) => (callbackName === null || callbackName === name ? route : { unknown: callbackName }),
    resolveSettings(options),
  );
}

/** Creates a callback handler; `createCallbackHandler.for(name, fn, options)` serves a single definition. */
export const createCallbackHandler: typeof createCallbackHandlerImpl & { for: typeof forDefinition } =
  Object.assign(createCallbackHandlerImpl, { for: forDefinition });
