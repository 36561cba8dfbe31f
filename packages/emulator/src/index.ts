// The public API of @fluid-droplet/emulator: an explicit list.

export { loadDefinitionsDir, toDefinitions } from './definitions/load-definitions.js';
export type { CallbackDefinition, JsonSchemaObject } from './definitions/types.js';
export type { WebhookTimeouts } from './delivery/deliver-webhook.js';
export type { RequestSampler } from './delivery/request-sampler.js';
export type {
  CallbackTriggerOptions,
  InstallResult,
  Trigger,
  WebhookTriggerResult,
} from './delivery/trigger.js';
export type {
  CallbackReport,
  DeliveryFailure,
  DeliveryLogEntry,
  ValidationIssue,
  WebhookDelivery,
} from './delivery/types.js';
export {
  DataFileError,
  DefinitionLoadError,
  EmulatorError,
  isEmulatorError,
  NoRegistrationError,
  SamplingError,
  UnknownDefinitionError,
  UnknownEventError,
  UnknownInstallationError,
} from './errors/emulator-error.js';
export { type Emulator, type EmulatorOptions, startEmulator } from './start-emulator.js';
export type { EmulatorTokens } from './state/initial-data.js';
export { EmulatorState, EXCHANGE_TOKEN_TTL_MS, MAX_CALLBACK_TIMEOUT_SECONDS } from './state/store.js';
export { DEFAULT_TOPICS, type TopicCatalog } from './state/topics.js';
export type {
  CompanyRecord,
  DropletRecord,
  InstallationRecord,
  RegistrationRecord,
  WebhookEnvelope,
  WebhookRecord,
} from './state/types.js';
export type { EmulatorLogger } from './util/logger.js';
