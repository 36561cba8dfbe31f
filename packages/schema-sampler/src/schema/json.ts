/** A JSON Schema object (keywords unknown to us are kept and ignored). */
export type SchemaObject = { readonly [keyword: string]: unknown };

/** True for plain objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a finite number keyword, or undefined. */
export function num(schema: SchemaObject, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads a sub-schema keyword (object or boolean), or undefined. */
export function sub(schema: SchemaObject, key: string): SchemaObject | boolean | undefined {
  const value = schema[key];
  return typeof value === 'boolean' || isRecord(value) ? value : undefined;
}

/** Reads a list of sub-schemas, or undefined. */
export function subList(schema: SchemaObject, key: string): (SchemaObject | boolean)[] | undefined {
  const value = schema[key];
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is SchemaObject | boolean => typeof item === 'boolean' || isRecord(item));
}

/** Reads a map of sub-schemas (properties, patternProperties, $defs), or an empty map. */
export function subMap(schema: SchemaObject, key: string): [string, SchemaObject | boolean][] {
  const value = schema[key];
  if (!isRecord(value)) return [];
  return Object.keys(value).flatMap((name) => {
    const item = value[name];
    return typeof item === 'boolean' || isRecord(item)
      ? [[name, item] as [string, SchemaObject | boolean]]
      : [];
  });
}

/** Sets an own enumerable property, including `__proto__`, without touching the prototype chain. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Deep JSON equality (key order ignored), as `const`, `enum` and `uniqueItems` define it. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

/** A canonical string for a JSON value (sorted keys), used to de-duplicate samples. */
export function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableKey(value[key])}`).join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** Length in Unicode code points, as JSON Schema counts it. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
