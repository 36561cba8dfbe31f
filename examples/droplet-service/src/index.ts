export { forwardOrder } from './fulfilment.js';
export type { OpenedStores, OpenStoresOptions } from './open-stores.js';
export { openStores, parseEncryptionKeys } from './open-stores.js';
export type { DropletService, DropletServiceOptions } from './service.js';
export { servedCallbacks, startDropletService } from './service.js';
export { quoteShipping } from './shipping.js';
