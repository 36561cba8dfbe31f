// The public API of @fluid-droplet/emulator: an explicit list.

export {
  type LoadDefinitionsOptions,
  loadDefinitionsDir,
  mergeDefinitions,
} from './definitions/read-definitions.js';
export type { CallbackDefinition, JsonSchemaInput } from './definitions/types.js';
export type { WebhookTimeouts } from './delivery/deliver-webhook.js';
export type { FuzzCase, FuzzReport } from './delivery/fuzz-callback.js';
export type { RequestSampler } from './delivery/request-sampler.js';
export type {
  CallbackTriggerOptions,
  FuzzTriggerOptions,
  InstallOptions,
  InstallResult,
  Trigger,
  WebhookTriggerOptions,
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
  ListenError,
  NoInstallationError,
  NoRegistrationError,
  PortInUseError,
  SamplingError,
  UnknownDefinitionError,
  UnknownEventError,
  UnknownInstallationError,
  UnknownShopError,
} from './errors/emulator-error.js';
export type { EmulatorEvent, EventHub } from './events/event-hub.js';
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
