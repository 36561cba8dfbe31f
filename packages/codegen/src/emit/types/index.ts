// The types emitter: TypeScript types for prepared schemas, made by json-schema-to-typescript.
export { type EmitTypesOptions, emitTypes } from './emit-types.js';
export type { TypeMemo } from './jstt.js';
