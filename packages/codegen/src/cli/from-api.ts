import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OutputError, systemErrorCode } from '../errors/codegen-error.js';
import { loadDefinitionsFromApi } from '../load/from-api.js';
import { assignNames } from '../naming/assign-names.js';
import type { GenerateCommandOptions } from './args.js';
import { UsageError } from './args.js';
import type { CliIo, Loaded } from './run-once.js';

/** The environment variable the CLI reads the API token from; the token is never printed. */
export const TOKEN_VARIABLE = 'FLUID_API_TOKEN';

/** Index of a pulled definition in the API's list, from its source label (`...#/definitions/3`). */
function indexOf(source: string): number | undefined {
  const match = /#\/definitions\/(\d+)$/.exec(source);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Safe file stem for a saved definition: its own name when that is plain, else nothing (not saved). */
function savedName(name: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && !name.includes('..') ? `${name}.json` : undefined;
}

async function save(dir: string, loaded: Loaded, pulled: readonly unknown[]): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new OutputError('cannot create the --save-definitions folder', dir, systemErrorCode(error), {
      cause: error,
    });
  }
  for (const item of loaded.definitions) {
    const index = indexOf(item.source);
    const file = savedName(item.definition.name);
    if (index === undefined || file === undefined) continue;
    const path = join(dir, file);
    try {
      await writeFile(path, `${JSON.stringify(pulled[index], null, 2)}\n`);
    } catch (error) {
      throw new OutputError('cannot save a definition', path, systemErrorCode(error), { cause: error });
    }
  }
}

/**
 * Loads definitions for `--from-api`: the token from `FLUID_API_TOKEN`, the API's list read like a
 * definitions file, and with `--save-definitions` each valid definition saved as `<dir>/<name>.json`
 * exactly as the API sent it (only when every name is valid, so nothing lands outside that folder).
 */
export async function loadFromApi(options: GenerateCommandOptions, io: CliIo, cwd: string): Promise<Loaded> {
  const token = (io.env ?? process.env)[TOKEN_VARIABLE];
  if (token === undefined || token.trim() === '') {
    throw new UsageError(`--from-api needs an API token in the ${TOKEN_VARIABLE} environment variable`);
  }
  const result = await loadDefinitionsFromApi({
    token,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    limits: {
      ...(options.maxDefinitions === undefined ? {} : { maxDefinitions: options.maxDefinitions }),
    },
  });
  const loaded: Loaded = { definitions: result.definitions, diagnostics: result.diagnostics };
  const failed = result.diagnostics.some((item) => item.severity === 'error');
  const names = assignNames(result.definitions);
  if (options.saveDefinitions !== undefined && !failed && names.diagnostics.length === 0) {
    await save(resolve(cwd, options.saveDefinitions), loaded, result.pulled);
  }
  return loaded;
}
