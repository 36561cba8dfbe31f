// `fluid-codegen diff`: breaking-change reports between two snapshots of callback definitions.
export {
  type DefinitionsInput,
  DiffInputError,
  type DiffOptions,
  diffDefinitions,
} from './diff-definitions.js';
export { type DiffFormat, formatJson, formatMarkdown, formatReport, formatText } from './format-report.js';
export type {
  DefinitionChange,
  DefinitionDiff,
  DiffFinding,
  DiffReport,
  DiffSide,
  DiffVerdict,
} from './types.js';
