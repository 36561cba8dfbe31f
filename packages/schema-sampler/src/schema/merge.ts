import { isRecord, jsonEqual, type SchemaObject } from './json.js';
import { resolveRef } from './resolve-ref.js';

const TAKE_MAX = new Set(['minLength', 'minItems', 'minProperties', 'minContains', 'minimum']);
const TAKE_MIN = new Set(['maxLength', 'maxItems', 'maxProperties', 'maxContains', 'maximum']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentRequired']);
const SUBSCHEMAS = new Set(['additionalProperties', 'items', 'additionalItems', 'contains', 'propertyNames']);

/** Turns `nullable: true` into a `type` list so that merging only has one spelling to handle. */
function typeList(schema: SchemaObject): string[] | undefined {
  const raw = schema.type;
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.map(String) : undefined;
  if (list && schema.nullable === true && !list.includes('null')) list.push('null');
  return list;
}

function intersectTypes(a: string[], b: string[]): string[] {
  const out = new Set<string>();
  for (const type of a) {
    if (b.includes(type)) out.add(type);
    else if (type === 'integer' && b.includes('number')) out.add('integer');
    else if (type === 'number' && b.includes('integer')) out.add('integer');
  }
  return [...out];
}

/** Follows `$ref` chains at the top of a schema, folding sibling keywords in (bounded for cyclic refs). */
export function dereference(root: unknown, schema: SchemaObject | boolean): SchemaObject | boolean {
  let current = schema;
  for (let hops = 0; hops < 32 && typeof current !== 'boolean' && typeof current.$ref === 'string'; hops++) {
    const { $ref, ...siblings } = current;
    const target = typeof $ref === 'string' ? resolveRef(root, $ref) : undefined;
    if (target === false) return false;
    const bare = Object.keys(siblings).length === 0;
    // Reusing the target object itself (not a merged copy) lets per-schema memoisation hit for plain `$ref`s.
    if (bare) current = target ?? true;
    else current = target === undefined || target === true ? siblings : mergeSchemas(target, siblings);
  }
  return current;
}

/**
 * Conjoins two schemas into one that generation can work from: bounds tighten, `required` unions, `type`
 * intersects, property maps merge through `allOf`. Inexact cases are fine: callers filter samples against the
 * original schema.
 */
export function mergeSchemas(a: SchemaObject | boolean, b: SchemaObject | boolean): SchemaObject | boolean {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  let byB = mergeCache.get(a);
  if (byB === undefined) {
    byB = new WeakMap();
    mergeCache.set(a, byB);
  }
  let merged = byB.get(b);
  if (merged === undefined) {
    merged = mergeObjects(a, b);
    byB.set(b, merged);
  }
  return merged;
}

/** Merges are pure, so identical inputs share one result object (which keeps generation memo hits high). */
const mergeCache = new WeakMap<SchemaObject, WeakMap<SchemaObject, SchemaObject>>();
const omitCache = new WeakMap<SchemaObject, Map<string, SchemaObject>>();

function mergeObjects(a: SchemaObject, b: SchemaObject): SchemaObject {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    if (!(key in out)) out[key] = value;
    else if (key === 'type' || key === 'nullable') continue;
    else if (SUBSCHEMAS.has(key) && (typeof existing === 'boolean' || typeof value === 'boolean'))
      out[key] = existing === false || value === false ? false : existing === true ? value : existing;
    else if (key === 'uniqueItems') out[key] = existing === true || value === true;
    else if (key === 'exclusiveMinimum' && typeof value === 'number' && typeof existing === 'number')
      out[key] = Math.max(existing, value);
    else if (key === 'exclusiveMaximum' && typeof value === 'number' && typeof existing === 'number')
      out[key] = Math.min(existing, value);
    else if (TAKE_MAX.has(key) && typeof value === 'number' && typeof existing === 'number')
      out[key] = Math.max(existing, value);
    else if (TAKE_MIN.has(key) && typeof value === 'number' && typeof existing === 'number')
      out[key] = Math.min(existing, value);
    else if (key === 'required' && Array.isArray(value) && Array.isArray(existing))
      out[key] = [...new Set([...existing, ...value])];
    else if (key === 'enum' && Array.isArray(value) && Array.isArray(existing))
      out[key] = existing.filter((member) => value.some((other) => jsonEqual(member, other)));
    else if (SCHEMA_MAPS.has(key) && isRecord(value) && isRecord(existing)) {
      const map: Record<string, unknown> = { ...existing };
      for (const [name, schema] of Object.entries(value))
        map[name] = name in map ? { allOf: [map[name], schema] } : schema;
      out[key] = map;
    } else if (key === 'allOf' && Array.isArray(value) && Array.isArray(existing))
      out[key] = [...existing, ...value];
    else if (key === 'anyOf' || key === 'oneOf' || key === 'not' || key === '$ref' || key === 'if')
      out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { [key]: value }];
    else if (typeof existing === 'object' && existing !== null && typeof value === 'object' && value !== null)
      out[key] = { allOf: [existing, value] };
    else out[key] = value;
  }
  const typesA = typeList(a);
  const typesB = typeList(b);
  delete out.nullable;
  if (typesA && typesB) out.type = intersectTypes(typesA, typesB);
  else if (typesA ?? typesB) out.type = typesA ?? typesB;
  return out;
}

/** A copy of a schema without the named keywords. */
export function omit(schema: SchemaObject, ...keys: string[]): SchemaObject {
  let byKeys = omitCache.get(schema);
  if (byKeys === undefined) {
    byKeys = new Map();
    omitCache.set(schema, byKeys);
  }
  const id = keys.join('\u0000');
  let out = byKeys.get(id);
  if (out === undefined) {
    const copy: Record<string, unknown> = { ...schema };
    for (const key of keys) delete copy[key];
    out = copy;
    byKeys.set(id, out);
  }
  return out;
}
