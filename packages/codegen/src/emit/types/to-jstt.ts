// Part of the json-schema-to-typescript adapter (see jstt.ts): the schema rewritten into what jstt reads safely.
import type { compile } from 'json-schema-to-typescript';
import { isRecord } from '../../schema/json.js';
import { type JsonSchema, type SchemaObject, VALUE_TYPES } from '../../schema/prepared.js';
import { commentLines } from '../escape.js';

/** The schema type json-schema-to-typescript's `compile` takes. */
type JsttSchema = Parameters<typeof compile>[0];

const OBJECT_KEYWORDS = ['properties', 'additionalProperties', 'patternProperties'];
const ARRAY_KEYWORDS = ['items', 'prefixItems'];

/**
 * Property names are replaced by placeholders jstt cannot misread (`$k0`, `$k1`, ...), so no
 * schema-supplied key reaches it (jstt crashes on `__proto__` and quotes keys its own way); the
 * printer puts each original key back through `propertyKey`.
 */
export class KeyTable {
  readonly #keys: string[] = [];
  readonly #index = new Map<string, number>();

  /** The placeholder identifier standing for `key`. */
  placeholder(key: string): string {
    let index = this.#index.get(key);
    if (index === undefined) {
      index = this.#keys.length;
      this.#keys.push(key);
      this.#index.set(key, index);
    }
    return `$k${index}`;
  }

  /** The original key behind a placeholder, or `undefined` when `identifier` is not one. */
  original(identifier: string): string | undefined {
    const match = /^\$k(0|[1-9][0-9]*)$/.exec(identifier);
    return match === null ? undefined : this.#keys[Number(match[1])];
  }
}

/**
 * The identifier put first in a tuple for the printer: elements from index `required` on are
 * optional (`[A, B?, ...R[]]`, as Zod infers it), since an array may stop before any prefix item.
 */
export function tupleMarker(required: number): string {
  return `$tuple${required}`;
}

/** The required-element count a tuple marker carries, or `undefined` when `identifier` is not one. */
export function tupleRequired(identifier: string): number | undefined {
  const match = /^\$tuple(0|[1-9][0-9]*)$/.exec(identifier);
  return match === null ? undefined : Number(match[1]);
}

/** How `$ref` targets are named: `'#'` is the root type, `'#/$defs/<suffix>'` its definition type. */
export interface RefNames {
  readonly typeName: string;
  readonly keys: KeyTable;
}

/**
 * The doc text of a node (title, description, default), already made safe for a block comment:
 * titles become text and never names (jstt would turn them into extra declarations).
 */
function docText(schema: SchemaObject): string | undefined {
  const text = rawDocText(schema);
  return text === undefined ? undefined : commentLines(text).join('\n');
}

/** Title, description and default of a node as plain text (unescaped: for `jsDoc`). */
export function rawDocText(schema: SchemaObject): string | undefined {
  const parts: string[] = [];
  for (const keyword of ['title', 'description'] as const) {
    const value = schema[keyword];
    if (typeof value === 'string' && value.trim() !== '') parts.push(value.trim());
  }
  if (schema.default !== undefined) parts.push(`@default ${JSON.stringify(schema.default)}`);
  return parts.length === 0 ? undefined : parts.join('\n\n');
}

function refName(ref: string, names: RefNames): string {
  if (ref === '#') return names.typeName;
  const prefix = '#/$defs/';
  const suffix = ref.slice(prefix.length);
  if (!ref.startsWith(prefix) || !/^[A-Za-z][A-Za-z0-9]*$/.test(suffix)) {
    throw new TypeError(`not a normal-form $ref: ${JSON.stringify(ref)}`);
  }
  return `${names.typeName}${suffix}`;
}

const SCALAR_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'null']);

function typesOf(schema: SchemaObject, allowed: readonly string[] | undefined): string[] | undefined {
  if (Array.isArray(schema.type)) {
    // jstt prints `integer` as `number`; one `number` is enough.
    const types = schema.type.map((type) => (type === 'integer' ? 'number' : String(type)));
    return [...new Set(types)];
  }
  const keywords = [...OBJECT_KEYWORDS, ...ARRAY_KEYWORDS];
  // Without `type`, object and array keywords constrain only values of their type: jstt would
  // otherwise read `properties` alone as "an object".
  if (!keywords.some((keyword) => keyword in schema)) return undefined;
  // Inside allOf/anyOf/oneOf/then/else, only the types the enclosing node allows can reach the branch
  // (the Zod emitter narrows the same way, so validator and type still agree).
  const inherited = allowed?.map((type) => (type === 'integer' ? 'number' : type));
  return inherited === undefined ? [...VALUE_TYPES] : [...new Set(inherited)];
}

function objectKeywords(schema: SchemaObject, names: RefNames, out: Record<string, unknown>): void {
  const properties = isRecord(schema.properties) ? Object.entries(schema.properties) : [];
  const declared = new Set(properties.map(([key]) => key));
  if (properties.length > 0) {
    out.properties = Object.fromEntries(
      properties.map(([key, sub]) => [names.keys.placeholder(key), toJstt(sub as JsonSchema, names)]),
    );
  }
  // A required key without a schema adds nothing jstt can print (it would be `unknown` anyway).
  const required = Array.isArray(schema.required)
    ? schema.required.filter((key): key is string => typeof key === 'string' && declared.has(key))
    : [];
  if (required.length > 0) out.required = [...new Set(required)].map((key) => names.keys.placeholder(key));

  // patternProperties are folded into the index signature (jstt would print each pattern in a comment).
  const patterns = isRecord(schema.patternProperties) ? Object.values(schema.patternProperties) : [];
  const additional = schema.additionalProperties as JsonSchema | undefined;
  if (patterns.length === 0) {
    // A closed object with no properties is `{}` to jstt, which TypeScript reads as "any non-null value".
    if (additional === false && properties.length === 0) out.additionalProperties = { enum: [] };
    else if (additional !== undefined) out.additionalProperties = toJstt(additional, names);
  } else if (additional !== undefined && additional !== true) {
    const members = (additional === false ? patterns : [additional, ...patterns]).map((sub) =>
      toJstt(sub as JsonSchema, names),
    );
    out.additionalProperties = members.length === 1 ? members[0] : { anyOf: members };
  }
}

function arrayKeywords(schema: SchemaObject, names: RefNames, out: Record<string, unknown>): void {
  const items = schema.items as JsonSchema | undefined;
  if (Array.isArray(schema.prefixItems)) {
    // 2020-12 `prefixItems` + `items` is draft-07's tuple `items` + `additionalItems`, the spelling jstt knows.
    // jstt has no optional tuple elements: a leading marker tells the printer how many are required.
    const min =
      typeof schema.minItems === 'number' ? Math.min(schema.minItems, schema.prefixItems.length) : 0;
    out.items = [
      { tsType: tupleMarker(min) },
      ...schema.prefixItems.map((sub) => toJstt(sub as JsonSchema, names)),
    ];
    out.additionalItems = items === undefined ? true : toJstt(items, names);
  } else if (items !== undefined) {
    out.items = toJstt(items, names);
  }
}

/**
 * Rewrites one normal-form schema into the subset jstt reads safely: only the keywords that change
 * the TypeScript type, no `$ref` (references become `tsType` names generated here, so jstt's
 * ref-parser has nothing to resolve or fetch), no titles, sanitized doc text, placeholder keys.
 */
export function toJstt(schema: JsonSchema, names: RefNames, allowed?: readonly string[]): JsttSchema {
  // jstt prints boolean sub-schemas of properties and items itself; only a boolean root needs the caller.
  if (typeof schema === 'boolean') return schema as unknown as JsttSchema;
  const out: Record<string, unknown> = {};
  const doc = docText(schema);
  if (doc !== undefined) out.description = doc;
  if (schema.deprecated === true) out.deprecated = true;
  if (typeof schema.$ref === 'string') {
    out.tsType = refName(schema.$ref, names);
    return out;
  }
  // The node's own shape (type, object and array keywords, literals) is built apart: next to
  // allOf/anyOf/oneOf jstt drops an object type's index signature, so there it becomes an allOf member.
  let shape: Record<string, unknown> = {};
  const allOf: JsttSchema[] = [];
  const types = typesOf(schema, allowed);
  // What this node allows, for its in-place branches.
  const inner = Array.isArray(schema.type) ? (schema.type as string[]) : allowed;
  // jstt fails on a boolean inside allOf/anyOf/oneOf ("types-emit-failed"): say what it means as a type.
  const branch = (sub: unknown): JsttSchema =>
    typeof sub === 'boolean'
      ? ({ tsType: sub ? 'unknown' : 'never' } as JsttSchema)
      : toJstt(sub as JsonSchema, names, inner);
  // `maxProperties: 0` objects have no key at all: `Record<string, never>` (jstt's own index signature
  // would say `never | undefined`), beside whatever other types the node allows.
  const empty = types?.includes('object') === true && schema.maxProperties === 0;
  const others = empty ? types?.filter((type) => type !== 'object') : types;
  if (others !== undefined) shape.type = others;
  if (others?.includes('object')) objectKeywords(schema, names, shape);
  if (others?.includes('array')) arrayKeywords(schema, names, shape);
  if (empty) {
    const record = { tsType: 'Record<string, never>' };
    shape = others === undefined || others.length === 0 ? record : { anyOf: [shape, record] };
  }

  const literalSets: unknown[][] = [];
  if (Array.isArray(schema.enum)) literalSets.push(schema.enum);
  if ('const' in schema) literalSets.push([schema.const]);
  // jstt prints only the literals when `type` is scalar, and only the shape when it allows objects or
  // arrays: then the literals go in an `allOf`. Literals `type` rules out are kept, as in the type Zod
  // infers for the same schema (an intersection TypeScript does not reduce), so this stays its supertype.
  const scalar = types === undefined || types.every((type) => SCALAR_TYPES.has(type));
  for (const [position, literals] of literalSets.entries()) {
    if (!literals.every(isPrimitive)) {
      // Objects and arrays are printed here as literal types: jstt would read a `$ref` key inside one as a
      // reference ("Missing $ref pointer") and print the rest as loose objects.
      // Parenthesized: jstt splices `tsType` as is, also as a member of an intersection.
      const union = literals.map((value) => literalType(value, names)).join(' | ');
      const literal = { tsType: literals.length > 1 ? `(${union})` : union };
      if (position === 0 && scalar && types === undefined) Object.assign(shape, literal);
      else allOf.push(literal as JsttSchema);
    } else if (position === 0 && scalar) shape.enum = structuredClone(literals);
    else allOf.push({ enum: structuredClone(literals) } as JsttSchema);
  }
  const condition = schema.if;
  if (condition !== undefined && schema.then !== undefined && schema.else !== undefined) {
    // A value that passes is the `then` or the `else` kind: the union is all TypeScript can say.
    allOf.push({ anyOf: [branch(schema.then), branch(schema.else)] });
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) out[keyword] = branches.map(branch);
  }
  if (Array.isArray(schema.allOf)) allOf.push(...schema.allOf.map(branch));
  if (allOf.length === 0 && out.anyOf === undefined && out.oneOf === undefined) Object.assign(out, shape);
  else if (Object.keys(shape).length > 0) allOf.unshift(shape as JsttSchema);
  if (allOf.length > 0) out.allOf = allOf;
  // Nothing left that constrains the type: jstt would print an object, JSON Schema means any value.
  if (!['type', 'enum', 'anyOf', 'oneOf', 'allOf', 'tsType'].some((keyword) => keyword in out))
    out.tsType = 'unknown';
  return out as JsttSchema;
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/**
 * A JSON value as a TypeScript literal type, in the text jstt passes through (`tsType`): strings as JSON
 * (the printer re-escapes them), keys as placeholders (the printer restores them through `propertyKey`),
 * arrays as tuples. An empty object is `Record<string, never>`, since `{}` would admit any value.
 */
export function literalType(value: unknown, names: RefNames): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => literalType(item, names)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 'Record<string, never>';
  // `__proto__` stays a quoted key: computed (`["__proto__"]`) it is not a property of a type literal.
  const key = (name: string): string =>
    name === '__proto__' ? JSON.stringify(name) : names.keys.placeholder(name);
  const members = entries.map(([name, item]) => `${key(name)}: ${literalType(item, names)}`);
  return `{ ${members.join('; ')} }`;
}
