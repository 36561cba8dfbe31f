import {
  DEFAULT_LIMITS,
  formatDiagnostic,
  generate,
  loadDefinitions,
  readDefinitions,
} from '@fluid-droplet/codegen';
import { DefinitionLoadError } from '../errors/emulator-error.js';
import type { CallbackDefinition } from './types.js';

/** Options for {@link loadDefinitionsDir}. */
export interface LoadDefinitionsOptions {
  /** Receives each of the generator's warnings as one line (`file: definition: /pointer: warning[code]: …`). */
  readonly onWarning?: (line: string) => void;
}

/**
 * Reads callback definitions from a folder of `.json` files (or one file) with fluid-codegen's own reader, then runs
 * the generator over them, so a definition `fluid-codegen` rejects is rejected here with the same message.
 * Throws {@link DefinitionLoadError} listing every error, one line each.
 *
 * @example
 * const definitions = await loadDefinitionsDir('definitions/callbacks')
 */
export async function loadDefinitionsDir(
  input: string,
  options: LoadDefinitionsOptions = {},
): Promise<CallbackDefinition[]> {
  const loaded = await loadDefinitions(input);
  const checked = loaded.diagnostics.some((item) => item.severity === 'error')
    ? { diagnostics: [] }
    : await generate(loaded.definitions);
  const diagnostics = [...loaded.diagnostics, ...checked.diagnostics];
  const errors = diagnostics.filter((item) => item.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0];
    throw new DefinitionLoadError(errors.map(formatDiagnostic).join('\n'), {
      ...(first?.file === undefined ? {} : { file: first.file }),
      ...(first === undefined ? {} : { pointer: first.pointer }),
    });
  }
  for (const warning of diagnostics.filter((item) => item.severity === 'warning')) {
    options.onWarning?.(formatDiagnostic(warning));
  }
  return loaded.definitions.map((item) => item.definition);
}

/**
 * Reads definitions given as data (one, an array, or the API's `{ definitions: [...] }`) with fluid-codegen's
 * reader; `source` names the data in messages.
 */
export function readDefinitionData(value: unknown, source: string): CallbackDefinition[] {
  const read = readDefinitions(value, source, DEFAULT_LIMITS.maxJsonDepth);
  const errors = read.diagnostics.filter((item) => item.severity === 'error');
  if (errors.length > 0)
    throw new DefinitionLoadError(errors.map(formatDiagnostic).join('\n'), { file: source });
  return read.definitions.map((item) => item.definition);
}

/** Fluid's definitions with `extra` added; an extra definition replaces the built-in one of the same name. */
export function mergeDefinitions(
  builtIn: readonly CallbackDefinition[],
  extra: readonly CallbackDefinition[],
): CallbackDefinition[] {
  const byName = new Map(builtIn.map((definition) => [definition.name, definition]));
  for (const definition of extra) byName.set(definition.name, definition);
  return [...byName.values()];
}
