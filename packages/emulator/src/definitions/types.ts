/** A JSON Schema object as it appears in a callback definition. */
export type JsonSchemaObject = { readonly [keyword: string]: unknown };

/** A callback definition as Fluid serves it from `GET /api/callback/definitions`. */
export interface CallbackDefinition {
  readonly name: string;
  readonly description: string | null;
  readonly example_response: unknown;
  readonly request_schema: JsonSchemaObject | null;
  readonly response_schema: JsonSchemaObject | null;
}
