// TEMPORARY fallback for the schema step (contract: src/schema/, owned by the schema engineer), used
// only until that lands. It resolves local refs by inlining, rejects non-local and recursive refs, and
// lists keywords it cannot express as warnings (errors under strict), so nothing widens silently.
import { childPointer, type Diagnostic } from '../../diagnostics.js';
import { isVendorKeyword } from '../strip-vendor.js';

export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

export interface PreparedSchema {
  readonly schema: JsonSchema;
  readonly definitions: ReadonlyMap<string, { readonly suffix: string; readonly recursive: boolean }>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Keywords the fallback emitters implement exactly. */
const SUPPORTED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  'allOf',
  'description',
  'title',
  '$comment',
  '$schema',
  '$id',
  '$defs',
  'definitions',
  'examples',
  'default',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolvePointer(root: unknown, ref: string): unknown {
  let current = root;
  for (const token of ref.slice(2).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

export function prepareSchema(
  input: unknown,
  options: { pointer: string; strict?: boolean; maxDepth?: number },
): PreparedSchema {
  const diagnostics: Diagnostic[] = [];
  const maxDepth = options.maxDepth ?? 64;
  const report = (severity: 'error' | 'warning', code: string, pointer: string, message: string): void => {
    diagnostics.push({ severity, code, pointer, message });
  };
  const walk = (schema: unknown, pointer: string, depth: number, refs: readonly string[]): JsonSchema => {
    if (typeof schema === 'boolean') return schema;
    if (!isRecord(schema)) {
      report('error', 'invalid-schema', pointer, 'a schema must be an object or a boolean');
      return true;
    }
    if (depth > maxDepth) {
      report('error', 'too-deep', pointer, `schema nests deeper than ${maxDepth} levels (--max-depth)`);
      return true;
    }
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      if (!ref.startsWith('#/')) {
        report(
          'error',
          'remote-ref',
          childPointer(pointer, '$ref'),
          `only local refs (#/...) are allowed: ${JSON.stringify(ref)}`,
        );
        return true;
      }
      if (refs.includes(ref)) {
        report(
          'error',
          'recursive-ref',
          childPointer(pointer, '$ref'),
          `recursive ref ${ref} is not supported yet`,
        );
        return true;
      }
      const target = resolvePointer(input, ref);
      if (target === undefined) {
        report('error', 'dangling-ref', childPointer(pointer, '$ref'), `ref ${ref} does not resolve`);
        return true;
      }
      const siblings = Object.keys(schema).filter(
        (key) => !['$ref', 'description', 'title', '$comment'].includes(key),
      );
      if (siblings.length > 0)
        report(
          options.strict ? 'error' : 'warning',
          'unsupported-keyword',
          pointer,
          `keywords beside $ref are ignored: ${siblings.join(', ')}`,
        );
      return walk(target, pointer, depth + 1, [...refs, ref]);
    }
    const result: Record_ = {};
    for (const [keyword, value] of Object.entries(schema)) {
      const at = childPointer(pointer, keyword);
      if (isVendorKeyword(keyword)) continue;
      if (!SUPPORTED.has(keyword)) {
        report(
          options.strict ? 'error' : 'warning',
          'unsupported-keyword',
          at,
          `keyword ${JSON.stringify(keyword)} is not supported: ignored (permissive)`,
        );
        continue;
      }
      if (keyword === 'type') {
        const types = Array.isArray(value) ? value : [value];
        const bad = types.find((type) => typeof type !== 'string' || !TYPES.has(type));
        if (bad !== undefined) {
          report(
            'error',
            'invalid-schema',
            at,
            `type must be one of ${[...TYPES].join(', ')}, got ${JSON.stringify(bad)}`,
          );
          continue;
        }
      }
      if (
        keyword === 'required' &&
        (!Array.isArray(value) || value.some((name) => typeof name !== 'string'))
      ) {
        report('error', 'invalid-schema', at, 'required must be an array of strings');
        continue;
      }
      if (keyword === 'properties') {
        if (!isRecord(value)) {
          report('error', 'invalid-schema', at, 'properties must be an object of schemas');
          continue;
        }
        result.properties = Object.fromEntries(
          Object.entries(value).map(([name, sub]) => [
            name,
            walk(sub, childPointer(at, name), depth + 1, refs),
          ]),
        );
        continue;
      }
      if (keyword === 'items' || keyword === 'additionalProperties') {
        result[keyword] = walk(value, at, depth + 1, refs);
        continue;
      }
      if (keyword === 'oneOf' || keyword === 'anyOf' || keyword === 'allOf') {
        if (!Array.isArray(value) || value.length === 0) {
          report('error', 'invalid-schema', at, `${keyword} must be a non-empty array of schemas`);
          continue;
        }
        result[keyword] = value.map((sub, index) => walk(sub, childPointer(at, index), depth + 1, refs));
        continue;
      }
      if (keyword === 'enum' && !Array.isArray(value)) {
        report('error', 'invalid-schema', at, 'enum must be an array');
        continue;
      }
      if (keyword === '$defs' || keyword === 'definitions') continue;
      result[keyword] = value;
    }
    return result;
  };
  const schema = walk(input, options.pointer, 0, []);
  return { schema, definitions: new Map([['#', { suffix: '', recursive: false }]]), diagnostics };
}
