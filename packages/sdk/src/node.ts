// The @fluid-droplet/sdk/node entry point: the adapter from Web-standard handlers to `node:http` and Express.
// Kept apart from /receive so that code running on edge runtimes never meets Node's types.

export type { NodeHandler, NodeHandlerOptions, NodeRequest } from './receive/adapters/index.js';
export { toNodeHandler } from './receive/adapters/index.js';
