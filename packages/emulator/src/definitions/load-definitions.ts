import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DefinitionLoadError } from '../errors/emulator-error.js';
import type { CallbackDefinition, JsonSchemaObject } from './types.js';

/**
 * Reads every `*.json` file in `dir` (sorted by name) as callback definitions: one definition per file, an array,
 * or the API's list response `{ "definitions": [...] }`.
 *
 * @example
 * const definitions = await loadDefinitionsDir('definitions/callbacks')
 */
export async function loadDefinitionsDir(dir: string): Promise<CallbackDefinition[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (cause) {
    throw new DefinitionLoadError(`cannot read definitions folder ${dir}`, { file: dir, cause });
  }
  const out: CallbackDefinition[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (cause) {
      throw new DefinitionLoadError(`${file} is not valid JSON`, { file, cause });
    }
    out.push(...toDefinitions(parsed, file));
  }
  return checkUnique(out);
}

/**
 * Normalizes definitions given as data (one, an array, or `{ definitions: [...] }`) and rejects malformed ones.
 *
 * @example
 * const definitions = toDefinitions(await (await fetch(url)).json())
 */
export function toDefinitions(input: unknown, file?: string): CallbackDefinition[] {
  const context = file === undefined ? {} : { file };
  if (isRecord(input) && Array.isArray(input.definitions)) {
    return checkUnique(input.definitions.map((item, i) => toDefinition(item, `/definitions/${i}`, context)));
  }
  if (Array.isArray(input)) return checkUnique(input.map((item, i) => toDefinition(item, `/${i}`, context)));
  return [toDefinition(input, '', context)];
}

function toDefinition(value: unknown, pointer: string, context: { file?: string }): CallbackDefinition {
  const where = context.file === undefined ? '' : `${context.file}: `;
  if (!isRecord(value)) {
    throw new DefinitionLoadError(`${where}expected a callback definition object at ${pointer || '/'}`, {
      ...context,
      pointer,
    });
  }
  const { name, description = null, example_response = null } = value;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new DefinitionLoadError(`${where}definition name must be a non-empty string at ${pointer}/name`, {
      ...context,
      pointer: `${pointer}/name`,
    });
  }
  if (description !== null && typeof description !== 'string') {
    throw new DefinitionLoadError(`${where}description must be a string or null at ${pointer}/description`, {
      ...context,
      pointer: `${pointer}/description`,
    });
  }
  return {
    name,
    description,
    example_response,
    request_schema: schemaField(value, 'request_schema', pointer, where, context),
    response_schema: schemaField(value, 'response_schema', pointer, where, context),
  };
}

function schemaField(
  value: Record<string, unknown>,
  key: 'request_schema' | 'response_schema',
  pointer: string,
  where: string,
  context: { file?: string },
): JsonSchemaObject | null {
  const schema = value[key] ?? null;
  if (schema === null || isRecord(schema)) return schema;
  // Boolean schemas are valid JSON Schema, but Fluid serves schemas as objects: `{}` accepts all, `{ not: {} }` none.
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  throw new DefinitionLoadError(
    `${where}${key} must be a JSON Schema (object or boolean) or null at ${pointer}/${key}`,
    {
      ...context,
      pointer: `${pointer}/${key}`,
    },
  );
}

function checkUnique(definitions: CallbackDefinition[]): CallbackDefinition[] {
  const seen = new Set<string>();
  for (const definition of definitions) {
    if (seen.has(definition.name)) {
      throw new DefinitionLoadError(`callback definition "${definition.name}" is defined twice`);
    }
    seen.add(definition.name);
  }
  return definitions;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
