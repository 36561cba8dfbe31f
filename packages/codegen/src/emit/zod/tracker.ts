import { compilesAsPattern } from '../../schema/check-keywords.js';
import { isRecord } from '../../schema/json.js';
import type { JsonSchema, SchemaObject } from '../../schema/prepared.js';
import { regExpExpression, stringLiteral } from '../escape.js';
import {
  arrayLiteral,
  child,
  type EmitContext,
  helper,
  inline,
  type Site,
  schemaOf,
  schemasOf,
} from './context.js';
import type { EmitSchema } from './object.js';

/**
 * Source of a runtime `Tracker` for `schema`: what it evaluates (keys of an object, indexes of an array) in
 * a value it accepts, for `unevaluatedProperties`/`unevaluatedItems` around it. JSON Schema collects these
 * annotations while validating: properties, patternProperties and additionalProperties evaluate keys;
 * prefixItems, items and contains indexes; allOf, the matching anyOf/oneOf branches, if with then or else,
 * dependentSchemas and `$ref` add their subschemas' annotations; a nested unevaluated* evaluates the rest.
 * `undefined` when the schema evaluates nothing. Branch tests reuse the branch's validator.
 */
export function trackerOf(
  schema: JsonSchema,
  site: Site,
  context: EmitContext,
  emit: EmitSchema,
): string | undefined {
  if (typeof schema === 'boolean') return undefined;
  const parts: string[] = [];
  const validator = (sub: JsonSchema, at: Site): string => {
    // Only whether the value matches counts here, never the validator's output.
    const before = context.usesZodObject;
    const code = emit(sub, at, context);
    context.usesZodObject = before;
    return code;
  };
  if (typeof schema.$ref === 'string') {
    parts.push(`${helper(context, 'evLazy')}(() => ${context.tracker(schema.$ref)})`);
  }
  const known = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
  const patterns = isRecord(schema.patternProperties)
    ? Object.keys(schema.patternProperties).filter(compilesAsPattern)
    : [];
  const restKeys = 'additionalProperties' in schema || 'unevaluatedProperties' in schema;
  if (known.length > 0 || patterns.length > 0 || restKeys) {
    const regexps = `[${patterns.map(regExpExpression).join(', ')}]`;
    const keys = arrayLiteral(known, site.indent);
    parts.push(`${helper(context, 'evProperties')}(${keys}, ${regexps}, ${restKeys})`);
  }
  const prefix = schemasOf(schema, 'prefixItems')?.length ?? 0;
  const restItems = 'items' in schema || 'unevaluatedItems' in schema;
  if (prefix > 0 || restItems) parts.push(`${helper(context, 'evItems')}(${prefix}, ${restItems})`);
  const contains = schemaOf(schema, 'contains');
  if (contains !== undefined) {
    parts.push(`${helper(context, 'evContains')}(${validator(contains, inline(site, 'contains'))})`);
  }
  for (const [index, sub] of (schemasOf(schema, 'allOf') ?? []).entries()) {
    const tracker = trackerOf(sub, child(site, 'allOf', index), context, emit);
    if (tracker !== undefined) parts.push(tracker);
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = (schemasOf(schema, keyword) ?? []).flatMap((sub, index) => {
      const at = child(site, keyword, index);
      const tracker = trackerOf(sub, at, context, emit);
      return tracker === undefined ? [] : [`[${validator(sub, at)}, ${tracker}]`];
    });
    if (branches.length > 0) parts.push(`${helper(context, 'evMatching')}(${branches.join(', ')})`);
  }
  const condition = schemaOf(schema, 'if');
  if (condition !== undefined) {
    const none = `${helper(context, 'evAll')}()`;
    const trackers = (['if', 'then', 'else'] as const).map((keyword) => {
      const sub = schemaOf(schema, keyword);
      return sub === undefined ? undefined : trackerOf(sub, child(site, keyword), context, emit);
    });
    if (trackers.some((tracker) => tracker !== undefined)) {
      const [ifTracker, thenTracker, elseTracker] = trackers.map((tracker) => tracker ?? none);
      const test = validator(condition, child(site, 'if'));
      parts.push(`${helper(context, 'evIf')}(${test}, ${ifTracker}, ${thenTracker}, ${elseTracker})`);
    }
  }
  if (isRecord(schema.dependentSchemas)) {
    const entries = Object.entries(schema.dependentSchemas).flatMap(([key, sub]) => {
      const tracker = trackerOf(sub as JsonSchema, child(site, 'dependentSchemas', key), context, emit);
      return tracker === undefined ? [] : [`[${stringLiteral(key)}, ${tracker}]`];
    });
    if (entries.length > 0) parts.push(`${helper(context, 'evDependent')}([${entries.join(', ')}])`);
  }
  if (parts.length <= 1) return parts[0];
  return `${helper(context, 'evAll')}(${parts.join(', ')})`;
}

/** The keywords beside `unevaluatedProperties`/`unevaluatedItems`: what they see as evaluated. */
export function siblingsOfUnevaluated(schema: SchemaObject): SchemaObject {
  const { unevaluatedProperties: _properties, unevaluatedItems: _items, ...siblings } = schema;
  return siblings;
}
