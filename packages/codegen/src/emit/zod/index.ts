// The Zod emitter: validators for prepared schemas and the shared runtime module they import.
export { type EmitZodOptions, type EmitZodResult, emitZod } from './emit-zod.js';
export { emitZodRuntime } from './runtime-source.js';
