// The public API of @fluid-droplet/sdk: an explicit list, one section per area.

// --- registry (generated callback definitions) ---
export type {
  CallbackDefinitionEntry,
  CallbackName,
  CallbackRegistry,
  CallbackRequest,
  CallbackResponse,
  CallbackTypes,
  RegistryRequest,
  RegistryResponse,
} from './registry/index.js';
export { callbackNames, callbacks } from './registry/index.js';

// --- client (REST API) ---

// --- receive (signatures, webhooks, callbacks, adapters) ---
