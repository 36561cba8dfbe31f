import {
  ASSERTION_KEYWORDS,
  type JsonSchema,
  type SchemaObject,
  TYPE_KEYWORDS,
  VALUE_TYPES,
} from '../../schema/prepared.js';
import { jsonLiteral, stringLiteral } from '../escape.js';
import { arraySchema } from './array.js';
import {
  arrayLiteral,
  child,
  type EmitContext,
  helper,
  inline,
  multiline,
  type Site,
  schemaOf,
  schemasOf,
} from './context.js';
import { discriminatorOf } from './discriminator.js';
import { objectSchema } from './object.js';
import { numberSchema, stringSchema } from './scalar.js';
import { siblingsOfUnevaluated, trackerOf } from './tracker.js';

function typeMember(type: string, schema: SchemaObject, site: Site, context: EmitContext): string {
  switch (type) {
    case 'string':
      return stringSchema(schema, site, context);
    case 'number':
    case 'integer':
      return numberSchema(schema, type === 'integer', context);
    case 'boolean':
      return 'z.boolean()';
    case 'null':
      return 'z.null()';
    case 'array':
      return arraySchema(schema, site, context, zodOf);
    default:
      return objectSchema(schema, site, context, zodOf);
  }
}

/** A union of members on their own lines, or the single member. */
function union(members: readonly string[], indent: string): string {
  if (members.length === 1) return members[0] ?? 'z.never()';
  return `z.union([${multiline(members, indent)}])`;
}

/**
 * The `type` assertion with the type-specific keywords inside each member. Without `type`, those keywords
 * still apply to values of their type only, so every JSON type is a member (`{minLength: 2}` accepts 5).
 */
function typePart(schema: SchemaObject, site: Site, context: EmitContext): string | undefined {
  let types: string[];
  if (Array.isArray(schema.type)) {
    types = schema.type.filter((type): type is string => typeof type === 'string');
    // Every integer is a number: the integer member adds nothing next to a number member.
    if (types.includes('number')) types = types.filter((type) => type !== 'integer');
  } else if (Object.values(TYPE_KEYWORDS).some((keywords) => keywords.some((keyword) => keyword in schema))) {
    types = site.allowed === undefined ? [...VALUE_TYPES] : [...site.allowed];
    if (types.includes('number')) types = types.filter((type) => type !== 'integer');
  } else {
    return undefined;
  }
  const inner = { pointer: site.pointer, indent: types.length === 1 ? site.indent : `${site.indent}  ` };
  return union(
    types.map((type) => typeMember(type, schema, inner, context)),
    site.indent,
  );
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return (
    value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
  );
}

/** enum/const: `z.literal` for primitives (Set lookup: 1 equals 1.0), deep equality when any member is structured. */
function valuesPart(values: readonly unknown[], site: Site, context: EmitContext): string {
  if (values.length === 0) return 'z.never()';
  if (values.every(isPrimitive)) {
    return values.length === 1
      ? `z.literal(${jsonLiteral(values[0])})`
      : `z.literal(${arrayLiteral(values, site.indent)})`;
  }
  return `${helper(context, 'jsonEnum')}(${arrayLiteral(values, site.indent)})`;
}

function jsonTypeMatches(value: unknown, types: readonly string[]): boolean {
  if (value === null) return types.includes('null');
  if (Array.isArray(value)) return types.includes('array');
  if (typeof value === 'number') {
    return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  }
  return types.includes(typeof value);
}

/** `{type, enum}` alone, every member of the right type: the literal says it all. */
function literalOnly(schema: SchemaObject, values: readonly unknown[]): boolean {
  const keywords = Object.keys(schema).filter((keyword) => ASSERTION_KEYWORDS.has(keyword));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : undefined;
  return (
    keywords.length === 2 &&
    types !== undefined &&
    values.every(isPrimitive) &&
    values.every((value) => jsonTypeMatches(value, types))
  );
}

function enumValues(schema: SchemaObject): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return 'const' in schema ? [schema.const] : undefined;
}

/**
 * Zod source for one normal-form schema. Every assertion keyword becomes one part and a value must satisfy
 * all parts: one part is emitted as is, several through the runtime `allOf` (validated one by one, never
 * merged, so `additionalProperties: false` in two parts keeps JSON Schema's meaning).
 */
export function zodOf(schema: JsonSchema, site: Site, context: EmitContext): string {
  if (schema === true) return 'z.unknown()';
  if (schema === false) return 'z.never()';
  const values = enumValues(schema);
  if (values !== undefined && !('enum' in schema && 'const' in schema) && literalOnly(schema, values)) {
    return valuesPart(values, site, context);
  }
  const inner: Site = { pointer: site.pointer, indent: `${site.indent}  ` };
  // In-place branches see only the types this node allows.
  const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : site.allowed;
  const branchSite = (at: Site): Site => (allowed === undefined ? at : { ...at, allowed });
  // The runtime combinators hand back their input, so Zod objects inside them never reach the output.
  const outer = context.usesZodObject;
  const parts: string[] = [];
  if (typeof schema.$ref === 'string') parts.push(context.reference(schema.$ref));
  const types = typePart(
    schema,
    site.allowed === undefined ? inner : { ...inner, allowed: site.allowed },
    context,
  );
  if (types !== undefined) parts.push(types);
  if (Array.isArray(schema.enum)) parts.push(valuesPart(schema.enum, child(site, 'enum'), context));
  if ('const' in schema) parts.push(valuesPart([schema.const], child(site, 'const'), context));
  for (const [index, sub] of (schemasOf(schema, 'allOf') ?? []).entries()) {
    parts.push(zodOf(sub, branchSite(child(site, 'allOf', index)), context));
  }
  const anyOf = schemasOf(schema, 'anyOf');
  if (anyOf !== undefined) {
    const members = anyOf.map((sub, index) => zodOf(sub, branchSite(child(inner, 'anyOf', index)), context));
    parts.push(members.length === 0 ? 'z.never()' : union(members, inner.indent));
  }
  const oneOf = schemasOf(schema, 'oneOf');
  if (oneOf !== undefined) {
    const members = oneOf.map((sub, index) => zodOf(sub, branchSite(child(inner, 'oneOf', index)), context));
    const key = discriminatorOf(oneOf, allowed);
    // Options of a discriminated union must be Zod objects themselves, not wrapped ones.
    if (key !== undefined && !members.some((member) => member.startsWith('keepInput('))) {
      parts.push(`z.discriminatedUnion(${stringLiteral(key)}, [${multiline(members, inner.indent)}])`);
    } else {
      parts.push(`${helper(context, 'oneOf')}(${multiline(members, inner.indent)})`);
      if (parts.length === 1) context.usesZodObject = outer;
    }
  }
  const not = schemaOf(schema, 'not');
  if (not !== undefined) {
    const before = context.usesZodObject;
    parts.push(`${helper(context, 'not')}(${zodOf(not, inline(inner, 'not'), context)})`);
    context.usesZodObject = before;
  }
  const condition = schemaOf(schema, 'if');
  const then = schemaOf(schema, 'then');
  const otherwise = schemaOf(schema, 'else');
  if (condition !== undefined && (then !== undefined || otherwise !== undefined)) {
    // The runtime combinator hands back its input: Zod objects inside it never reach the output.
    const before = context.usesZodObject;
    const branch = (sub: JsonSchema | undefined, keyword: string): string =>
      sub === undefined ? 'undefined' : zodOf(sub, branchSite(child(inner, keyword)), context);
    const args = [
      zodOf(condition, child(inner, 'if'), context),
      branch(then, 'then'),
      branch(otherwise, 'else'),
    ];
    parts.push(`${helper(context, 'ifThenElse')}(${multiline(args, inner.indent)})`);
    context.usesZodObject = before;
  }
  const unevaluated = unevaluatedPart(schema, inner, context);
  if (unevaluated !== undefined) parts.push(unevaluated);
  if (parts.length === 0) return 'z.unknown()';
  if (parts.length === 1) return reindent(parts[0] ?? 'z.unknown()', inner.indent, site.indent);
  context.usesZodObject = outer;
  return `${helper(context, 'allOf')}(${multiline(parts, site.indent)})`;
}

/** unevaluatedProperties/unevaluatedItems: a check over what the other keywords did not evaluate. */
function unevaluatedPart(schema: SchemaObject, site: Site, context: EmitContext): string | undefined {
  const rest = (keyword: string): string => {
    const sub = schemaOf(schema, keyword);
    if (sub === undefined || sub === true) return 'undefined';
    if (sub === false) return 'false';
    const before = context.usesZodObject;
    const code = zodOf(sub, inline(site, keyword), context);
    context.usesZodObject = before;
    return code;
  };
  const properties = rest('unevaluatedProperties');
  const items = rest('unevaluatedItems');
  if (properties === 'undefined' && items === 'undefined') return undefined;
  const tracker =
    trackerOf(siblingsOfUnevaluated(schema), site, context, zodOf) ?? `${helper(context, 'evAll')}()`;
  return `${helper(context, 'unevaluated')}(${tracker}, ${properties}, ${items})`;
}

/** Parts are built one level deeper for the `allOf(...)` layout; a lone part moves back out. */
function reindent(code: string, from: string, to: string): string {
  return from === to ? code : code.replaceAll(`\n${from}`, `\n${to}`);
}
