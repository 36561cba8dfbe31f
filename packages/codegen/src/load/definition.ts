/** A JSON Schema as it appears in a definition: an object schema or a boolean schema. */
export type JsonSchemaInput = boolean | { readonly [keyword: string]: unknown };

/**
 * One callback definition, as Fluid publishes it (`GET /api/callback/definitions`), after loading:
 * a missing or null schema has already been replaced by `{ "type": "object" }` (any JSON object).
 */
export interface CallbackDefinition {
  readonly name: string;
  readonly description: string | null;
  readonly example_response: unknown;
  readonly request_schema: JsonSchemaInput;
  readonly response_schema: JsonSchemaInput;
}

/**
 * A definition plus where it came from: a file path relative to the input (`callbacks/foo.json`), a
 * list entry (`list.json#/definitions/3`) or an API label (`GET /api/callback/definitions#/definitions/3`).
 */
export interface SourcedDefinition {
  readonly definition: CallbackDefinition;
  readonly source: string;
  /**
   * SHA-256 of the bytes of the file it was read from, when it was read from a file: a later run that reads
   * the same bytes knows the definition is unchanged without hashing it again.
   */
  readonly sourceSha256?: string;
}

/** The fields a definition may carry; anything else is reported as unknown and ignored. */
export const DEFINITION_FIELDS: readonly string[] = [
  'name',
  'description',
  'example_response',
  'request_schema',
  'response_schema',
];
