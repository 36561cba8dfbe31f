// The public API of @fluid-droplet/codegen: an explicit list, one section per role.

// --- command line ---
export type { CliIo } from './cli/main.js';
export { main } from './cli/main.js';
// --- diagnostics and errors ---
export type { Diagnostic, Severity } from './diagnostics.js';
export { formatDiagnostic } from './diagnostics.js';
// --- comparing definition snapshots ---
export type {
  DefinitionChange,
  DefinitionDiff,
  DefinitionsInput,
  DiffFinding,
  DiffFormat,
  DiffOptions,
  DiffReport,
  DiffSide,
  DiffVerdict,
} from './diff/index.js';
export {
  DiffInputError,
  diffDefinitions,
  formatJson,
  formatMarkdown,
  formatReport,
  formatText,
} from './diff/index.js';
export { CodegenError, LockTimeoutError, OutputError } from './errors/codegen-error.js';
// --- the pure core ---
export type {
  DefinitionOutput,
  DefinitionRecord,
  GenerateCache,
  GeneratedFile,
  GenerateOptions,
  GenerateResult,
} from './generate.js';
export { cacheKey, generate, PARALLEL_THRESHOLD } from './generate.js';
// --- loading definitions ---
export type { CallbackDefinition, JsonSchemaInput, SourcedDefinition } from './load/definition.js';
export type { ApiLoadOptions, ApiLoadResult } from './load/from-api.js';
export { API_SOURCE, loadDefinitionsFromApi } from './load/from-api.js';
export type { LoadLimits } from './load/limits.js';
export { DEFAULT_LIMITS } from './load/limits.js';
export type { DefinitionFiles } from './load/load-definition-files.js';
export { loadDefinitionFiles } from './load/load-definition-files.js';
export type { LoadOptions, LoadResult } from './load/load-definitions.js';
export { loadDefinitions } from './load/load-definitions.js';
export type { ReadResult } from './load/read-definitions.js';
export { readDefinitions } from './load/read-definitions.js';
// --- naming ---
export type { DefinitionNames } from './naming/assign-names.js';
export { camelCase, kebabCase, pascalCase } from './naming/case.js';
export { VERSION } from './version.js';
// --- writing ---
export type { TreeDiff } from './write/diff-tree.js';
export { diffTree, isCurrent } from './write/diff-tree.js';
export { MANIFEST_NAME, withManifest } from './write/manifest.js';
export { loadManifestCache } from './write/manifest-cache.js';
export type { WriteOptions, WriteStage, WriteSummary } from './write/write-tree.js';
export { writeTree } from './write/write-tree.js';
