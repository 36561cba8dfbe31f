export type { NodeHandler, NodeHandlerOptions, NodeRequest } from './node.js';
export { toNodeHandler } from './node.js';
