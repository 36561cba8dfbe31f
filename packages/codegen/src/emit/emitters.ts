// The three emitters the pipeline assembles, behind one import so the pipeline does not care where they live.
// TEMPORARY: the fallback implementations stand in until src/schema, src/emit/zod and src/emit/types land.
export type { JsonSchema, PreparedSchema } from './fallback/prepare.js';
export { prepareSchema } from './fallback/prepare.js';
export { emitTypes } from './fallback/types.js';
export { emitZod, emitZodRuntime } from './fallback/zod.js';
