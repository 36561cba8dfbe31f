import { defaultDefinitions } from '../defaults.js';
import { loadDefinitionsDir, mergeDefinitions } from '../definitions/read-definitions.js';
import type { CallbackDefinition } from '../definitions/types.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** Fluid's built-in definitions plus those of `--definitions <dir>` (read as fluid-codegen reads them). */
export async function readDefinitions(
  dir: string | undefined,
  io: CliIo,
): Promise<readonly CallbackDefinition[]> {
  if (dir === undefined) return defaultDefinitions();
  const extra = await loadDefinitionsDir(dir, { onWarning: (line) => io.err(line) });
  return mergeDefinitions(defaultDefinitions(), extra);
}

/** Finds a definition by name or fails with a usage error listing what is known. */
export function pickDefinition(definitions: readonly CallbackDefinition[], name: string): CallbackDefinition {
  const definition = definitions.find((candidate) => candidate.name === name);
  if (definition === undefined) {
    const known =
      definitions.map((candidate) => candidate.name).join(', ') || 'none; pass --definitions <dir>';
    throw new UsageError(`unknown callback definition "${name}" (known: ${known})`);
  }
  return definition;
}

/** Parses a whole-number option within bounds. */
export function readInteger(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  }
  return parsed;
}

/** Parses a JSON option value. */
export function readJson(value: string | undefined, flag: string): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new UsageError(`${flag} must be valid JSON`);
  }
}

/** Parses a JSON option that must be an object. */
export function readJsonObject(value: string | undefined, flag: string): Record<string, unknown> | undefined {
  const parsed = readJson(value, flag);
  if (parsed === undefined) return undefined;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`${flag} must be a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/** Requires an option. */
export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

/** Checks a service URL. */
export function readUrl(value: string | undefined): string {
  const url = required(value, '--url');
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new UsageError(`--url must be an http(s) URL, got "${url}"`);
}
