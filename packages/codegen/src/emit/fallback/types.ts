// TEMPORARY fallback for the types emitter (contract: src/emit/types/), used only until it lands.
import type { Diagnostic } from '../../diagnostics.js';
import { jsDoc, propertyKey, stringLiteral } from '../escape.js';
import type { JsonSchema, PreparedSchema } from './prepare.js';
import {
  isPrimitive,
  isRecord,
  propertiesOf,
  requiredOf,
  type SchemaObject,
  subschemas,
  typesOf,
} from './shared.js';

function literalType(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (isPrimitive(value)) return String(value);
  return 'unknown';
}

function objectType(schema: SchemaObject, indent: string): string {
  const inner = `${indent}  `;
  const required = new Set(requiredOf(schema));
  const lines: string[] = [];
  for (const [name, sub] of propertiesOf(schema)) {
    const description = isRecord(sub) && typeof sub.description === 'string' ? sub.description : undefined;
    lines.push(
      `${jsDoc(description, inner)}${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${typeOf(sub, inner)};`,
    );
  }
  for (const name of required) {
    if (!propertiesOf(schema).some(([key]) => key === name))
      lines.push(`${inner}${propertyKey(name)}: unknown;`);
  }
  if (schema.additionalProperties !== false) lines.push(`${inner}[k: string]: unknown;`);
  return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
}

function singleType(type: string, schema: SchemaObject, indent: string): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `Array<${schema.items === undefined ? 'unknown' : typeOf(schema.items as JsonSchema, indent)}>`;
    default:
      return objectType(schema, indent);
  }
}

function typeOf(schema: JsonSchema, indent: string): string {
  if (schema === true) return 'unknown';
  if (schema === false) return 'never';
  const parts: string[] = [];
  const types = typesOf(schema);
  if (types !== undefined) parts.push(types.map((type) => singleType(type, schema, indent)).join(' | '));
  if (Array.isArray(schema.enum))
    parts.push(schema.enum.length === 0 ? 'never' : schema.enum.map(literalType).join(' | '));
  if ('const' in schema) parts.push(literalType(schema.const));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = subschemas(schema, keyword);
    if (branches !== undefined)
      parts.push(branches.map((branch) => `(${typeOf(branch, indent)})`).join(' | '));
  }
  for (const branch of subschemas(schema, 'allOf') ?? []) parts.push(typeOf(branch, indent));
  if (parts.length === 0) return 'unknown';
  return parts.length === 1 ? (parts[0] ?? 'unknown') : parts.map((part) => `(${part})`).join(' & ');
}

export async function emitTypes(
  prepared: PreparedSchema,
  options: { typeName: string; pointer: string; description?: string | null; example?: unknown },
): Promise<{ code: string; diagnostics: Diagnostic[] }> {
  const schemaDescription =
    isRecord(prepared.schema) && typeof prepared.schema.description === 'string'
      ? prepared.schema.description
      : undefined;
  let doc = [options.description ?? undefined, schemaDescription]
    .filter((part) => part !== undefined)
    .join('\n\n');
  if (options.example !== undefined) doc += `\n@example\n${JSON.stringify(options.example, null, 2)}`;
  const code = `${jsDoc(doc)}export type ${options.typeName} = ${typeOf(prepared.schema, '')};\n`;
  return { code, diagnostics: [] };
}
