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
export type {
  FluidSignedHeaders,
  HeadersInput,
  LegacyTokenResult,
  RawBody,
  SignatureFailureReason,
  SignatureVerificationResult,
  SignFluidRequestOptions,
  SigningKeys,
  VerificationFailure,
  VerifyFluidSignatureOptions,
  VerifyLegacyTokenOptions,
} from './receive/index.js';
export {
  assertFluidSignature,
  DEFAULT_TOLERANCE_SECONDS,
  FluidHeader,
  isSignatureVerificationError,
  SignatureVerificationError,
  signFluidRequest,
  verifyFluidSignature,
  verifyLegacyToken,
} from './receive/index.js';
