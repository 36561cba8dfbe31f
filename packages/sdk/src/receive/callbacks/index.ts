export { createCallbackHandler } from './create-callback-handler.js';
export type { ValidationIssue } from './issues.js';
export { toPointer } from './issues.js';
export { DEFAULT_CALLBACK_TIMEOUT_MS } from './serve.js';
export type {
  CallbackContext,
  CallbackFallbacks,
  CallbackFunction,
  CallbackHandlerOptions,
  CallbackHandlerSettings,
  CallbackHandlers,
  DefaultRegistry,
  ResolveCallbackKey,
  SingleCallbackOptions,
} from './types.js';
export type { ResolvedValidation, ValidationMode, ValidationOptions } from './validation-mode.js';
