export { createCallbackHandler } from './create-callback-handler.js';
export type { NeutralReplyPolicy } from './failure-policy.js';
export { knownNeutralReplies, neutralReply } from './failure-policy.js';
export type { ValidationIssue } from './issues.js';
export { toPointer } from './issues.js';
export { DEFAULT_CALLBACK_TIMEOUT_MS } from './settings.js';
export type {
  CallbackContext,
  CallbackFailure,
  CallbackFailurePolicies,
  CallbackFailurePolicy,
  CallbackFunction,
  CallbackHandlerOptions,
  CallbackHandlerSettings,
  CallbackHandlers,
  CallbackSchemaStamp,
  DefaultRegistry,
  SingleCallbackOptions,
} from './types.js';
export type { ResolvedValidation, ValidationMode, ValidationOptions } from './validation-mode.js';
