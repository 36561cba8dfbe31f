/** A plain JSON object as read from a schema (never an array or null). */
export type JsonRecord = { readonly [key: string]: unknown };

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own enumerable property, so a key such as `__proto__` stays data instead of changing the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of a JSON value that keeps every key (including `__proto__`) as an own property. */
export function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setOwn(copy, key, copyJson(item));
  return copy;
}

/** Integers JSON.parse could not hold exactly (beyond ±2^53 - 1), anywhere inside a JSON value. */
export function hasUnsafeInteger(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'number' && Number.isInteger(item) && !Number.isSafeInteger(item)) return true;
    if (Array.isArray(item)) stack.push(...item);
    else if (isRecord(item)) stack.push(...Object.values(item));
  }
  return false;
}
