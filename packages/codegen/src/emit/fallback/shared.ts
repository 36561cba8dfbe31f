// TEMPORARY: helpers shared by the fallback emitters (see prepare.ts).
import type { JsonSchema } from './prepare.js';

export type SchemaObject = { readonly [keyword: string]: unknown };

export function isRecord(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The `type` keyword as a list, or `undefined` when absent. */
export function typesOf(schema: SchemaObject): string[] | undefined {
  const { type } = schema;
  if (type === undefined) return undefined;
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string');
}

export function propertiesOf(schema: SchemaObject): Array<[string, JsonSchema]> {
  return isRecord(schema.properties)
    ? (Object.entries(schema.properties) as Array<[string, JsonSchema]>)
    : [];
}

export function requiredOf(schema: SchemaObject): string[] {
  return Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === 'string')
    : [];
}

export function subschemas(
  schema: SchemaObject,
  keyword: 'oneOf' | 'anyOf' | 'allOf',
): JsonSchema[] | undefined {
  const value = schema[keyword];
  return Array.isArray(value) ? (value as JsonSchema[]) : undefined;
}

export function numberOf(schema: SchemaObject, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
