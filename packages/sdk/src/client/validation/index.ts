// `@fluid-droplet/sdk/client/validation`: the shape check of every response the client reads, for its
// `validateResponses` option. An explicit list.

export type { FluidEndpoint, ResponseValidator } from './response-validator.js';
export { validateResponses } from './validate.js';
