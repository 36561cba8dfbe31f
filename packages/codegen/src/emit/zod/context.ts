import { childPointer, type Diagnostic } from '../../diagnostics.js';
import type { JsonSchema, SchemaObject } from '../../schema/prepared.js';
import { commentLines, jsonLiteral } from '../escape.js';

/** State shared while one prepared schema is turned into Zod source. */
export interface EmitContext {
  /** Runtime helpers the module must import from `./_runtime.js`. */
  readonly runtime: Set<string>;
  readonly diagnostics: Diagnostic[];
  /** The Zod expression for a `$ref` value (`'#'` or `'#/$defs/<suffix>'`). */
  readonly reference: (ref: string) => string;
  /** The name of the `Tracker` const of a `$ref` target (declared after the validators). */
  readonly tracker: (ref: string) => string;
  /** Set when a Zod object schema was emitted (its output can lose an own `__proto__` key). */
  usesZodObject: boolean;
}

/** Where an expression is emitted: the JSON pointer of its schema and the indentation of its first line. */
export interface Site {
  readonly pointer: string;
  readonly indent: string;
  /**
   * The JSON types the enclosing node allows, for a branch of allOf/anyOf/oneOf/if/then/else: a branch
   * without `type` is narrowed to them (other types fail the enclosing node anyway), as the types are.
   */
  readonly allowed?: readonly string[];
}

/** The site of a sub-schema reached through `tokens` (e.g. `'properties', 'id'`), one level deeper. */
export function child(site: Site, ...tokens: Array<string | number>): Site {
  return { pointer: tokens.reduce<string>(childPointer, site.pointer), indent: `${site.indent}  ` };
}

/** The site of a sub-schema written inline, on the same line as its parent's code (pointer deeper only). */
export function inline(site: Site, ...tokens: Array<string | number>): Site {
  return { pointer: tokens.reduce<string>(childPointer, site.pointer), indent: site.indent };
}

/** Marks a runtime helper as used and returns its name. */
export function helper(context: EmitContext, name: string): string {
  context.runtime.add(name);
  return name;
}

/** Reports validation that is not exactly JSON Schema's and returns a comment to put before the code. */
export function approximate(context: EmitContext, site: Site, message: string): string {
  context.diagnostics.push({
    severity: 'warning',
    code: 'approximate-validation',
    pointer: site.pointer,
    message,
  });
  return commentLines(`approximate: ${message}`)
    .map((line) => `/* ${line} */ `)
    .join('');
}

/** `schema` as a keyword object; `undefined` for boolean schemas. */
export function objectOf(schema: JsonSchema): SchemaObject | undefined {
  return typeof schema === 'boolean' ? undefined : schema;
}

/** A finite number keyword, or `undefined`. */
export function numberOf(schema: SchemaObject, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A sub-schema keyword (`items`, `not`, …), or `undefined` when absent or not a schema. */
export function schemaOf(schema: SchemaObject, keyword: string): JsonSchema | undefined {
  const value = schema[keyword];
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value))
    ? (value as JsonSchema)
    : undefined;
}

/** A schema-array keyword (`allOf`, `prefixItems`, …), or `undefined`. */
export function schemasOf(schema: SchemaObject, keyword: string): JsonSchema[] | undefined {
  const value = schema[keyword];
  return Array.isArray(value) ? (value as JsonSchema[]) : undefined;
}

/** `items` joined by commas on their own lines at `indent + 2`, closed at `indent`: the body of a call or array. */
export function multiline(items: readonly string[], indent: string): string {
  return `\n${items.map((item) => `${indent}  ${item},`).join('\n')}\n${indent}`;
}

/** Appends `.check(a, b, …)` when there are checks. */
export function withChecks(code: string, checks: readonly string[]): string {
  return checks.length === 0 ? code : `${code}.check(${checks.join(', ')})`;
}

/** A JSON array literal: on one line when it holds only a few primitives, else one item per line. */
export function arrayLiteral(values: readonly unknown[], indent: string): string {
  const primitive = values.every((value) => value === null || typeof value !== 'object');
  const oneLine = `[${values.map((value) => jsonLiteral(value)).join(', ')}]`;
  return primitive && oneLine.length <= 60 ? oneLine : jsonLiteral(values, indent);
}
