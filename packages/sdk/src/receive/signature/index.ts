export type { RawBody } from './crypto.js';
export type { HeadersInput } from './header-input.js';
export { FluidHeader } from './header-names.js';
export type { SigningKeys } from './keys.js';
export type { LegacyTokenResult, VerifyLegacyTokenOptions } from './legacy-token.js';
export { verifyLegacyToken } from './legacy-token.js';
export type { FluidSignedHeaders, SignFluidRequestOptions } from './sign.js';
export { signFluidRequest } from './sign.js';
export type {
  SignatureVerificationResult,
  VerificationFailure,
  VerifyFluidSignatureOptions,
} from './verify.js';
export { assertFluidSignature, DEFAULT_TOLERANCE_SECONDS, verifyFluidSignature } from './verify.js';
