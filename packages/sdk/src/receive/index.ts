// The @fluid-droplet/sdk/receive entry point: verify Fluid's deliveries, route webhooks, serve callbacks.

export type { SignatureFailureReason } from './errors/signature-verification-error.js';
export {
  isSignatureVerificationError,
  SignatureVerificationError,
} from './errors/signature-verification-error.js';
export type {
  FluidSignedHeaders,
  HeadersInput,
  LegacyTokenResult,
  RawBody,
  SignatureVerificationResult,
  SignFluidRequestOptions,
  SigningKeys,
  VerificationFailure,
  VerifyFluidSignatureOptions,
  VerifyLegacyTokenOptions,
} from './signature/index.js';
export {
  assertFluidSignature,
  DEFAULT_TOLERANCE_SECONDS,
  FluidHeader,
  signFluidRequest,
  verifyFluidSignature,
  verifyLegacyToken,
} from './signature/index.js';
