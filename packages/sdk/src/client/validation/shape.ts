import { isRecord } from '../../is-record.js';
import type { ResponseDriftIssue } from '../errors/response-validation-error.js';

// The envelopes are checked by this small interpreter rather than by zod so that the client entry never bundles
// zod (~32 kB gzip): response validation is structural and the shapes are few. Its issues read as zod 4's do
// (test/client/response-shape.test.ts compares the two on every envelope).

/** What a JSON value must look like: a type, optionally `null` (`nullable`) or absent (`optional`). */
export type Shape = (
  | { readonly type: 'string'; readonly prefix?: string }
  | { readonly type: 'int' | 'boolean' | 'unknown' }
  /** A JSON object with any values. */
  | { readonly type: 'record' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'array'; readonly items: Shape }
  /** Loose: keys beyond `fields` are allowed. */
  | { readonly type: 'object'; readonly fields: Readonly<Record<string, Shape>> }
) & { readonly nullable?: true; readonly optional?: true };

export const string: Shape = { type: 'string' };
export const int: Shape = { type: 'int' };
export const boolean: Shape = { type: 'boolean' };
export const record: Shape = { type: 'record' };
export const unknown: Shape = { type: 'unknown' };

/** A string starting with `prefix`. */
export const startsWith = (prefix: string): Shape => ({ type: 'string', prefix });
/** One of `values`. */
export const oneOf = (...values: string[]): Shape => ({ type: 'enum', values });
/** An array whose every item is `items`. */
export const arrayOf = (items: Shape): Shape => ({ type: 'array', items });
/** A loose object with these fields. */
export const object = (fields: Readonly<Record<string, Shape>>): Shape => ({ type: 'object', fields });
/** `shape` or `null`. */
export const nullable = (shape: Shape): Shape => ({ ...shape, nullable: true });
/** `shape`, or absent where it is a field. */
export const optional = (shape: Shape): Shape => ({ ...shape, optional: true });

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  // JSON.parse reads `1e400` as Infinity.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

function expected(expected: string, value: unknown): string {
  return `Invalid input: expected ${expected}, received ${kindOf(value)}`;
}

/** Why `value` is not `shape` at the top level (children aside), or undefined when it is. */
function mismatch(shape: Shape, value: unknown): string | undefined {
  switch (shape.type) {
    case 'unknown':
      return undefined;
    case 'string':
      if (typeof value !== 'string') return expected('string', value);
      return shape.prefix === undefined || value.startsWith(shape.prefix)
        ? undefined
        : `Invalid string: must start with ${JSON.stringify(shape.prefix)}`;
    case 'int':
      if (typeof value !== 'number' || !Number.isFinite(value)) return expected('number', value);
      if (!Number.isInteger(value)) return expected('int', value);
      if (value > Number.MAX_SAFE_INTEGER) return `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`;
      if (value < Number.MIN_SAFE_INTEGER)
        return `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : expected('boolean', value);
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? undefined
        : `Invalid option: expected one of ${shape.values.map((option) => JSON.stringify(option)).join('|')}`;
    case 'array':
      return Array.isArray(value) ? undefined : expected('array', value);
    case 'record':
      return isRecord(value) ? undefined : expected('record', value);
    case 'object':
      return isRecord(value) ? undefined : expected('object', value);
  }
}

function collect(shape: Shape, value: unknown, pointer: string, issues: ResponseDriftIssue[]): void {
  if ((value === undefined && shape.optional) || (value === null && shape.nullable)) return;
  const message = mismatch(shape, value);
  if (message !== undefined) {
    issues.push({ pointer, message });
  } else if (shape.type === 'array') {
    (value as unknown[]).forEach((item, index) => {
      collect(shape.items, item, `${pointer}/${index}`, issues);
    });
  } else if (shape.type === 'object') {
    const data = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(shape.fields)) {
      const token = key.replaceAll('~', '~0').replaceAll('/', '~1');
      collect(field, Object.hasOwn(data, key) ? data[key] : undefined, `${pointer}/${token}`, issues);
    }
  }
}

/**
 * Every place where `value` differs from `shape`, as JSON pointers with a message; empty when it matches.
 *
 * @example
 * shapeIssues(object({ id: int }), { id: '1' }); // [{ pointer: '/id', message: 'Invalid input: expected number, received string' }]
 */
export function shapeIssues(shape: Shape, value: unknown): ResponseDriftIssue[] {
  const issues: ResponseDriftIssue[] = [];
  collect(shape, value, '', issues);
  return issues;
}
