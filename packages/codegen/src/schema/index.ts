// The schema step: checks, resolves and normalizes one definition schema for the emitters.
export { prepareSchema } from './prepare-schema.js';
export type {
  FormatMode,
  JsonSchema,
  PreparedSchema,
  PrepareOptions,
  SchemaDefinition,
  SchemaObject,
} from './prepared.js';
export { ANNOTATION_KEYWORDS, SUPPORTED_FORMATS, SUPPORTED_KEYWORDS } from './prepared.js';
