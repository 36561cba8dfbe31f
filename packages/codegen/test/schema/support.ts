import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Diagnostic } from '../../src/diagnostics.js';
import { type PreparedSchema, prepareSchema } from '../../src/schema/index.js';

type AddFormats = (ajv: Ajv | Ajv2020) => void;
const addFormats = ('default' in addFormatsModule
  ? addFormatsModule.default
  : addFormatsModule) as unknown as AddFormats;

/** Prepares a schema as the pipeline does for a request schema. */
export function prepare(
  schema: unknown,
  options: { strict?: boolean; maxDepth?: number } = {},
): PreparedSchema {
  return prepareSchema(schema, { pointer: '/request_schema', ...options });
}

/** `severity code pointer` of each diagnostic, for compact assertions. */
export function findings(prepared: PreparedSchema): string[] {
  return prepared.diagnostics.map((d: Diagnostic) => `${d.severity} ${d.code} ${d.pointer}`);
}

const validators = {
  '2020-12': new Ajv2020({ strict: false, logger: false, allErrors: true }),
  'draft-07': new Ajv({ strict: false, logger: false, allErrors: true }),
};
addFormats(validators['2020-12']);
addFormats(validators['draft-07']);

/** A validator from ajv: 2020-12 (the normal form's dialect) or draft-07, with ajv-formats. */
export function compile(
  schema: unknown,
  draft: '2020-12' | 'draft-07' = '2020-12',
): (value: unknown) => boolean {
  const validate = validators[draft].compile(schema as object);
  return (value) => validate(value) === true;
}
