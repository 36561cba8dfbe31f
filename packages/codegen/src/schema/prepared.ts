import type { Diagnostic } from '../diagnostics.js';
import { APPLICATORS } from './keyword-kinds.js';

/** A JSON Schema: `true`, `false` or an object of keywords. */
export type JsonSchema = boolean | SchemaObject;

/** A JSON Schema object, keyword by keyword. */
export interface SchemaObject {
  readonly [keyword: string]: unknown;
}

/** One named sub-schema of a {@link PreparedSchema}: a `$ref` target that gets its own type and validator. */
export interface SchemaDefinition {
  /**
   * PascalCase suffix, unique within its prepared schema, made of `[A-Za-z0-9]` and starting with a letter.
   * Also the definition's key under the normal form's root `$defs`.
   * The type is `<TypeName><suffix>` and the validator `<constPrefix><suffix>Schema`.
   */
  readonly suffix: string;
  /** The definition reaches itself again through `$ref` (the validator needs `z.lazy`, the type a name). */
  readonly recursive: boolean;
  /** Where the definition was written, as a JSON pointer inside the callback definition (for messages). */
  readonly pointer: string;
}

/**
 * A definition's schema after the schema step: checked, with every `$ref` resolved locally, and rewritten
 * into the normal form both emitters read. The normal form is itself a valid JSON Schema 2020-12 document
 * (ajv's `Ajv2020` compiles it as is), so tests can compare an emitter against ajv on exactly what it read.
 *
 * Normal form guarantees:
 * - Only the keywords in `SUPPORTED_KEYWORDS` and `ANNOTATION_KEYWORDS` appear; unsupported ones were
 *   reported (warning, or error under strict) and dropped; vendor keywords (`tsType`, `x-*`, …) dropped.
 * - `type` is absent or a non-empty array of distinct JSON Schema type names.
 * - `$ref` is either `'#'` (the root) or `'#/$defs/<suffix>'` with `<suffix>` a key of `definitions`, and
 *   a node holding `$ref` holds no other assertion keyword (siblings moved into `allOf`; `unevaluated*`
 *   stays on the node holding that `allOf`, so it still sees what the `$ref` evaluated). `$anchor`, `$id`
 *   and `$dynamicRef` are resolved away: a target reached under two dynamic scopes is two definitions.
 * - `$defs` appears only on the root and holds exactly the definitions in `definitions`.
 * - Draft-04/07 and OpenAPI spellings are rewritten to 2020-12: `definitions` → `$defs`, array `items` →
 *   `prefixItems` (+ `additionalItems` → `items`), boolean `exclusiveMinimum`/`exclusiveMaximum` → numbers,
 *   `nullable: true` → `'null'` added to `type` (or `anyOf` with `{ type: ['null'] }`), draft-07
 *   `dependencies` → `dependentRequired` and `dependentSchemas`.
 * - `format` appears only with a value of `SUPPORTED_FORMATS`, and not at all under `formats: 'annotate'`.
 */
export interface PreparedSchema {
  /** The normal-form root schema (a boolean, or an object whose `$defs` holds the definitions). */
  readonly schema: JsonSchema;
  /** Named sub-schemas by suffix, in a deterministic order (sorted by suffix). */
  readonly definitions: ReadonlyMap<string, SchemaDefinition>;
  /** The root refers to itself through `$ref: '#'`. */
  readonly rootRecursive: boolean;
  /** JSON pointer of the root inside the callback definition, e.g. `/response_schema`. */
  readonly pointer: string;
  /** Everything found while preparing; when any is an error the emitters are not run. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options for `prepareSchema`. */
export interface PrepareOptions {
  /** JSON pointer of the schema inside its callback definition, prefixed to every diagnostic's pointer. */
  readonly pointer: string;
  /** Report unsupported keywords as errors instead of warnings. @default false */
  readonly strict?: boolean;
  /** Deepest nesting of sub-schemas accepted before a `too-deep` error. @default 100 */
  readonly maxDepth?: number;
  /**
   * `assert` checks every known `format` (the default); `annotate` treats `format` as draft 2020-12 does by
   * default, as an annotation that never fails validation. @default 'assert'
   */
  readonly formats?: FormatMode;
}

/** How `format` is treated: checked (`assert`) or only an annotation (`annotate`). */
export type FormatMode = 'assert' | 'annotate';

/** The six types a JSON value can have (`integer` is a kind of `number`): what a schema without `type` admits. */
export const VALUE_TYPES: readonly string[] = ['string', 'number', 'boolean', 'null', 'array', 'object'];

/** The assertion keywords that apply only to values of one JSON type (`number` covers `integer`). */
export const TYPE_KEYWORDS: Readonly<Record<'string' | 'number' | 'array' | 'object', readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'format'],
  array: [
    'items',
    'prefixItems',
    'minItems',
    'maxItems',
    'uniqueItems',
    'contains',
    'minContains',
    'maxContains',
  ],
  object: [
    'properties',
    'required',
    'additionalProperties',
    'patternProperties',
    'propertyNames',
    'minProperties',
    'maxProperties',
    'dependentRequired',
    'dependentSchemas',
  ],
};

/** Assertion keywords of the normal form (each can fail a value): the emitters implement every one of them exactly. */
export const ASSERTION_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  ...Object.values(TYPE_KEYWORDS).flat(),
  ...APPLICATORS.keys(),
]);

/** The keywords of the normal form besides annotations: the assertions and `$defs`. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([...ASSERTION_KEYWORDS, '$defs']);

/** Annotation keywords kept in the normal form (they change no verdict; emitters may print them). */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
]);

/**
 * `format` values the validators check when formats assert (the default): every format of ajv-formats,
 * plus the internationalized and pointer formats of 2020-12. Others are reported and not checked.
 */
export const SUPPORTED_FORMATS: ReadonlySet<string> = new Set([
  'date-time',
  'date',
  'time',
  'iso-date-time',
  'iso-time',
  'duration',
  'email',
  'idn-email',
  'hostname',
  'idn-hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'iri',
  'iri-reference',
  'uri-template',
  'url',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
  'regex',
  'byte',
  'binary',
  'password',
  'int32',
  'int64',
  'float',
  'double',
]);

/** Formats that apply to numbers (as ajv-formats has them); every other format applies to strings. */
export const NUMBER_FORMATS: ReadonlySet<string> = new Set(['int32', 'int64', 'float', 'double']);
