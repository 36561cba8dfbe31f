// The schema step and the two emitters the pipeline assembles, behind one import.
export { prepareSchema } from '../schema/index.js';
export type { JsonSchema, PreparedSchema } from '../schema/prepared.js';
export { emitTypes, type TypeMemo } from './types/index.js';
export { emitZod, emitZodRuntime } from './zod/index.js';
