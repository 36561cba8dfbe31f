// TEMPORARY fallback for the Zod emitter (contract: src/emit/zod/), used only until it lands.
import { childPointer, type Diagnostic } from '../../diagnostics.js';
import { propertyKey, regExpExpression, stringLiteral } from '../escape.js';
import type { JsonSchema, PreparedSchema } from './prepare.js';
import {
  isPrimitive,
  numberOf,
  propertiesOf,
  requiredOf,
  type SchemaObject,
  subschemas,
  typesOf,
} from './shared.js';

type Report = (pointer: string, message: string) => void;

function literal(value: unknown, pointer: string, report: Report): string {
  if (typeof value === 'string') return `z.literal(${stringLiteral(value)})`;
  if (isPrimitive(value)) return `z.literal(${String(value)})`;
  report(
    pointer,
    'object and array enum/const members are not supported by the fallback emitter: accepted as any value',
  );
  return 'z.unknown()';
}

function union(members: string[]): string {
  return members.length === 1 ? (members[0] ?? 'z.never()') : `z.union([${members.join(', ')}])`;
}

function objectSchema(schema: SchemaObject, indent: string, pointer: string, report: Report): string {
  const inner = `${indent}  `;
  const required = new Set(requiredOf(schema));
  const mustBePresent: string[] = [...required].filter(
    (name) => !propertiesOf(schema).some(([key]) => key === name),
  );
  const lines = propertiesOf(schema).map(([name, sub]) => {
    const code = zodOf(sub, inner, childPointer(childPointer(pointer, 'properties'), name), report);
    if (required.has(name) && (sub === true || code === 'z.unknown()')) mustBePresent.push(name);
    return `${inner}${propertyKey(name)}: ${required.has(name) ? code : `z.exactOptional(${code})`},`;
  });
  const shape = lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
  const extra = schema.additionalProperties;
  let code =
    extra === false
      ? `z.strictObject(${shape})`
      : extra === undefined || extra === true
        ? `z.looseObject(${shape})`
        : `z.object(${shape}).catchall(${zodOf(extra as JsonSchema, indent, childPointer(pointer, 'additionalProperties'), report)})`;
  for (const name of mustBePresent) {
    code += `.refine((value) => Object.hasOwn(value, ${stringLiteral(name)}), { message: ${stringLiteral(`missing required property ${name}`)} })`;
  }
  const min = numberOf(schema, 'minProperties');
  const max = numberOf(schema, 'maxProperties');
  if (min !== undefined) code += `.refine((value) => Object.keys(value).length >= ${min})`;
  if (max !== undefined) code += `.refine((value) => Object.keys(value).length <= ${max})`;
  return code;
}

function stringSchema(schema: SchemaObject): string {
  let code = 'z.string()';
  const min = numberOf(schema, 'minLength');
  const max = numberOf(schema, 'maxLength');
  // JSON Schema counts code points, not UTF-16 units.
  if (min !== undefined) code += `.refine((value) => [...value].length >= ${min})`;
  if (max !== undefined) code += `.refine((value) => [...value].length <= ${max})`;
  if (typeof schema.pattern === 'string') code += `.regex(${regExpExpression(schema.pattern)})`;
  return code;
}

function numberSchema(schema: SchemaObject, integer: boolean): string {
  let code = 'z.number()';
  if (integer) code += '.refine(Number.isInteger)';
  for (const [keyword, method] of [
    ['minimum', 'gte'],
    ['maximum', 'lte'],
    ['exclusiveMinimum', 'gt'],
    ['exclusiveMaximum', 'lt'],
  ] as const) {
    const bound = numberOf(schema, keyword);
    if (bound !== undefined) code += `.${method}(${bound})`;
  }
  return code;
}

function singleType(
  type: string,
  schema: SchemaObject,
  indent: string,
  pointer: string,
  report: Report,
): string {
  switch (type) {
    case 'string':
      return stringSchema(schema);
    case 'number':
    case 'integer':
      return numberSchema(schema, type === 'integer');
    case 'boolean':
      return 'z.boolean()';
    case 'null':
      return 'z.null()';
    case 'array': {
      const items =
        schema.items === undefined
          ? 'z.unknown()'
          : zodOf(schema.items as JsonSchema, indent, childPointer(pointer, 'items'), report);
      let code = `z.array(${items})`;
      const min = numberOf(schema, 'minItems');
      const max = numberOf(schema, 'maxItems');
      if (min !== undefined) code += `.min(${min})`;
      if (max !== undefined) code += `.max(${max})`;
      return code;
    }
    default:
      return objectSchema(schema, indent, pointer, report);
  }
}

function zodOf(schema: JsonSchema, indent: string, pointer: string, report: Report): string {
  if (schema === true) return 'z.unknown()';
  if (schema === false) return 'z.never()';
  const parts: string[] = [];
  const types = typesOf(schema);
  if (types !== undefined)
    parts.push(union(types.map((type) => singleType(type, schema, indent, pointer, report))));
  else if (['properties', 'items', 'minLength', 'pattern', 'minimum'].some((keyword) => keyword in schema)) {
    report(
      pointer,
      'type-specific keywords without "type" are not supported by the fallback emitter: ignored',
    );
  }
  if (Array.isArray(schema.enum)) {
    parts.push(
      schema.enum.length === 0
        ? 'z.never()'
        : union(schema.enum.map((value) => literal(value, childPointer(pointer, 'enum'), report))),
    );
  }
  if ('const' in schema) parts.push(literal(schema.const, childPointer(pointer, 'const'), report));
  const oneOf = subschemas(schema, 'oneOf');
  if (oneOf !== undefined) {
    const branches = oneOf.map((branch, index) =>
      zodOf(branch, `${indent}  `, childPointer(childPointer(pointer, 'oneOf'), index), report),
    );
    parts.push(
      `(() => {\n${indent}  const branches = [${branches.join(', ')}] as const;\n${indent}  return z.union(branches).refine((value) => branches.filter((branch) => branch.safeParse(value).success).length === 1, { message: 'must match exactly one schema in oneOf' });\n${indent}})()`,
    );
  }
  const anyOf = subschemas(schema, 'anyOf');
  if (anyOf !== undefined) {
    parts.push(
      union(
        anyOf.map((branch, index) =>
          zodOf(branch, indent, childPointer(childPointer(pointer, 'anyOf'), index), report),
        ),
      ),
    );
  }
  for (const [index, branch] of (subschemas(schema, 'allOf') ?? []).entries()) {
    parts.push(zodOf(branch, indent, childPointer(childPointer(pointer, 'allOf'), index), report));
  }
  if (parts.length === 0) return 'z.unknown()';
  return parts.reduce((left, right) => `z.intersection(${left}, ${right})`);
}

export function emitZod(
  prepared: PreparedSchema,
  options: { constName: string; typeName: string; pointer: string },
): { code: string; diagnostics: Diagnostic[]; runtime: ReadonlySet<string> } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (pointer, message) => {
    diagnostics.push({ severity: 'warning', code: 'unsupported-keyword', pointer, message });
  };
  const body = zodOf(prepared.schema, '', options.pointer, report);
  return {
    code: `export const ${options.constName}: z.ZodType<${options.typeName}> = ${body};\n`,
    diagnostics,
    runtime: new Set(),
  };
}

export function emitZodRuntime(): string {
  return 'export {};\n';
}
