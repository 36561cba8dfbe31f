import type { Diagnostic } from '../diagnostics.js';
import { assignNames } from '../naming/assign-names.js';
import type { SourcedDefinition } from './definition.js';
import { type LoadOptions, loadDefinitions } from './load-definitions.js';

/** What {@link loadDefinitionFiles} read: the definitions, every diagnostic, and whether any is an error. */
export interface DefinitionFiles {
  /** The definitions that loaded, sorted as read (file name, then position in the file). */
  readonly definitions: SourcedDefinition[];
  /** Every finding, as `fluid-codegen` prints it (see `formatDiagnostic`). */
  readonly diagnostics: Diagnostic[];
  /** Absolute paths of the files read. */
  readonly files: string[];
  /** `false` when any diagnostic is an error (warnings, such as unknown fields, keep it `true`). */
  readonly ok: boolean;
}

/**
 * Reads callback definition files the way `fluid-codegen` does, with the same diagnostics: a folder of
 * `.json` files (symlinks followed, a broken one reported; names starting with `.` or `_` skipped) or one
 * file holding a definition, an array of them or the API's list response; then the name checks
 * (`invalid-name`, `duplicate-name`, `name-collision`). For tools that serve definitions, such as the emulator, so both report alike.
 *
 * @example
 * const { ok, definitions, diagnostics } = await loadDefinitionFiles('definitions/callbacks');
 * for (const diagnostic of diagnostics) console.error(formatDiagnostic(diagnostic));
 */
export async function loadDefinitionFiles(
  input: string,
  options: LoadOptions = {},
): Promise<DefinitionFiles> {
  const loaded = await loadDefinitions(input, options);
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    diagnostics.push(...assignNames(loaded.definitions).diagnostics);
  }
  return {
    definitions: loaded.definitions,
    diagnostics,
    files: loaded.files,
    ok: !diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
  };
}
