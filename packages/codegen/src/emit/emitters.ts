// The three emitters the pipeline assembles, behind one import so the pipeline does not care where they live.
export type { JsonSchema, PreparedSchema } from './stand-in.js';
export { emitTypes, emitZod, emitZodRuntime, prepareSchema } from './stand-in.js';
