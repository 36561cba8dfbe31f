import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchemaInput } from '../definitions/types.js';
import type { ValidationIssue } from './types.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object in some toolchains.
const addFormats = ('default' in addFormatsModule
  ? addFormatsModule.default
  : addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** Validates JSON values against JSON Schemas with ajv, compiling each schema once. */
export interface SchemaValidator {
  /** The issues of `value` against `schema`, as JSON pointers and messages; empty when valid. */
  issues(schema: JsonSchemaInput, value: unknown): ValidationIssue[];
}

/**
 * Creates a {@link SchemaValidator}: all errors, standard formats, unknown keywords tolerated (definitions come
 * from Fluid and may carry annotations ajv does not know).
 *
 * @example
 * const issues = createSchemaValidator().issues(definition.response_schema, reply)
 */
export function createSchemaValidator(): SchemaValidator {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  const cache = new WeakMap<object, ValidateFunction | Error>();
  const compile = (input: JsonSchemaInput): ValidateFunction | Error => {
    // Boolean schemas are valid JSON Schema; an equivalent object keeps one cache keyed by schema identity.
    const schema = input === true ? ACCEPT_ALL : input === false ? REJECT_ALL : input;
    let compiled = cache.get(schema);
    if (compiled === undefined) {
      try {
        compiled = ajv.compile(schema);
      } catch (error) {
        compiled = error instanceof Error ? error : new Error(String(error));
      }
      cache.set(schema, compiled);
    }
    return compiled;
  };
  return {
    issues(schema, value) {
      const validate = compile(schema);
      if (validate instanceof Error)
        return [{ pointer: '', message: `schema cannot be compiled: ${validate.message}` }];
      return validate(value) ? [] : (validate.errors ?? []).map(toIssue);
    },
  };
}

const ACCEPT_ALL = {};
const REJECT_ALL = { not: {} };

function toIssue(error: ErrorObject): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return {
      pointer: `${error.instancePath}/${escapePointer(params.missingProperty)}`,
      message: 'is required',
    };
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return {
      pointer: `${error.instancePath}/${escapePointer(params.additionalProperty)}`,
      message: 'is not allowed (additionalProperties)',
    };
  }
  return { pointer: error.instancePath, message: error.message ?? error.keyword };
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
