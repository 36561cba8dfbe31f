export type { FluidApi, Registration } from './fluid-api.js';
export { createFluidApi, FluidApiError } from './fluid-api.js';
export type { Installation } from './installations.js';
export { InstallationStore } from './installations.js';
export type { DropletService, DropletServiceOptions } from './service.js';
export { servedCallbacks, startDropletService } from './service.js';
export { quoteShipping } from './shipping.js';
