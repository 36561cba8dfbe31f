// The @fluid-droplet/sdk/node entry point: the adapter from the SDK's Web-standard handlers to node:http and
// Express. Kept apart from /receive, which stays free of node: builtins and @types/node.

export type { NodeHandler, NodeHandlerOptions, NodeRequest } from './receive/adapters/node.js';
export { toNodeHandler } from './receive/adapters/node.js';
