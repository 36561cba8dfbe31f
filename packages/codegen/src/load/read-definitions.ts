import { childPointer, type Diagnostic } from '../diagnostics.js';
import { isRecord } from '../schema/json.js';
import {
  type CallbackDefinition,
  DEFINITION_FIELDS,
  type JsonSchemaInput,
  type SourcedDefinition,
} from './definition.js';

/** Definitions read from one JSON value, and what was wrong with it. */
export interface ReadResult {
  readonly definitions: SourcedDefinition[];
  readonly diagnostics: Diagnostic[];
}

const LIST_RESPONSE_FIELDS = new Set(['definitions', 'meta']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Deepest nesting of a JSON value, computed without recursion so hostile inputs cannot overflow the stack. */
function exceedsDepth(value: unknown, limit: number): boolean {
  // Two parallel stacks of plain values: every definition of every run passes through here.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const item = values.pop();
    const depth = depths.pop() ?? 0;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    if (Array.isArray(item)) {
      for (const child of item) {
        values.push(child);
        depths.push(depth + 1);
      }
    } else {
      for (const key in item) {
        values.push((item as Record<string, unknown>)[key]);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

function readSchema(
  raw: Record<string, unknown>,
  field: 'request_schema' | 'response_schema',
  report: (severity: 'error' | 'warning', code: string, pointer: string, message: string) => void,
): JsonSchemaInput | undefined {
  const value = raw[field];
  if (value === undefined || value === null) {
    report(
      'warning',
      'missing-schema',
      `/${field}`,
      `${field} is ${value === null ? 'null' : 'missing'}: treated as { "type": "object" } (any JSON object)`,
    );
    return { type: 'object' };
  }
  if (typeof value === 'boolean' || isRecord(value)) return value;
  report(
    'error',
    'invalid-field',
    `/${field}`,
    `${field} must be a JSON Schema (an object or a boolean), got ${describe(value)}`,
  );
  return undefined;
}

/** Checks one raw value against the definition shape; `undefined` (with errors reported) when it does not fit. */
function readDefinition(
  raw: unknown,
  source: string,
  maxJsonDepth: number,
  diagnostics: Diagnostic[],
): SourcedDefinition | undefined {
  const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name : undefined;
  const report = (severity: 'error' | 'warning', code: string, pointer: string, message: string): void => {
    diagnostics.push({
      severity,
      code,
      message,
      pointer,
      file: source,
      ...(name === undefined ? {} : { definition: name }),
    });
  };
  if (!isRecord(raw)) {
    report('error', 'invalid-definition', '', `expected a callback definition object, got ${describe(raw)}`);
    return undefined;
  }
  if (exceedsDepth(raw, maxJsonDepth)) {
    report(
      'error',
      'too-deep',
      '',
      `definition nests deeper than ${maxJsonDepth} levels (limit: maxJsonDepth)`,
    );
    return undefined;
  }
  const errorsBefore = diagnostics.filter((item) => item.severity === 'error').length;
  if (raw.name === undefined) report('error', 'missing-field', '/name', 'missing required field name');
  else if (typeof raw.name !== 'string')
    report('error', 'invalid-field', '/name', `name must be a string, got ${describe(raw.name)}`);
  const description = raw.description;
  if (description !== undefined && description !== null && typeof description !== 'string') {
    report(
      'error',
      'invalid-field',
      '/description',
      `description must be a string or null, got ${describe(description)}`,
    );
  }
  const request = readSchema(raw, 'request_schema', report);
  const response = readSchema(raw, 'response_schema', report);
  for (const key of Object.keys(raw).sort()) {
    if (!DEFINITION_FIELDS.includes(key)) {
      report(
        'warning',
        'unknown-field',
        childPointer('', key),
        `unknown field ${JSON.stringify(key)} ignored`,
      );
    }
  }
  const errorsAfter = diagnostics.filter((item) => item.severity === 'error').length;
  if (errorsAfter > errorsBefore || name === undefined || request === undefined || response === undefined)
    return undefined;
  const definition: CallbackDefinition = {
    name,
    description: typeof description === 'string' ? description : null,
    example_response: raw.example_response ?? null,
    request_schema: request,
    response_schema: response,
  };
  return { definition, source };
}

/**
 * Reads the definitions in one parsed input file. Accepted shapes: one definition object, an array of
 * them, or the API's list response `{ "definitions": [...], "meta": {...} }`.
 *
 * @example
 * readDefinitions({ definitions: [{ name: 'test_callback_system' }] }, 'list.json');
 * // definitions[0].source === 'list.json#/definitions/0'
 */
export function readDefinitions(value: unknown, file: string, maxJsonDepth: number): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const definitions: SourcedDefinition[] = [];
  const readAll = (items: unknown[], pointer: string): void => {
    items.forEach((item, index) => {
      const read = readDefinition(item, `${file}#${childPointer(pointer, index)}`, maxJsonDepth, diagnostics);
      if (read !== undefined) definitions.push(read);
    });
  };
  if (Array.isArray(value)) {
    readAll(value, '');
  } else if (isRecord(value) && 'definitions' in value && !('name' in value)) {
    if (!Array.isArray(value.definitions)) {
      diagnostics.push({
        severity: 'error',
        code: 'invalid-list',
        message: `definitions must be an array of callback definitions, got ${describe(value.definitions)}`,
        pointer: '/definitions',
        file,
      });
    } else {
      readAll(value.definitions, '/definitions');
    }
    for (const key of Object.keys(value).sort()) {
      if (LIST_RESPONSE_FIELDS.has(key)) continue;
      diagnostics.push({
        severity: 'warning',
        code: 'unknown-field',
        message: `unknown field ${JSON.stringify(key)} in the list response ignored`,
        pointer: childPointer('', key),
        file,
      });
    }
  } else if (isRecord(value)) {
    const read = readDefinition(value, file, maxJsonDepth, diagnostics);
    if (read !== undefined) definitions.push(read);
  } else {
    diagnostics.push({
      severity: 'error',
      code: 'invalid-top-level',
      message: `expected callback definition object or array of them at /, got ${describe(value)}`,
      pointer: '',
      file,
    });
  }
  return { definitions, diagnostics };
}
