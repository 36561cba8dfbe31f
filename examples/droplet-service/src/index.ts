export type { Installation } from './installations.js';
export { InstallationStore } from './installations.js';
export { registerCallback } from './register-callback.js';
export type { DropletService, DropletServiceOptions } from './service.js';
export { servedCallbacks, startDropletService } from './service.js';
export { quoteShipping } from './shipping.js';
