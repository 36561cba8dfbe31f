import type { JsonSchemaObject } from '../definitions/types.js';
import type { RequestSampler } from '../delivery/request-sampler.js';
import { createIdSource, type IdSource } from '../util/random.js';

type Schema = JsonSchemaObject | boolean;

const MAX_DEPTH = 8;
const FORMATS: Readonly<Record<string, readonly string[]>> = {
  'date-time': ['2026-05-18T14:30:45Z', '1970-01-01T00:00:00Z', '2099-12-31T23:59:59.999+14:00'],
  date: ['2026-05-18', '2000-02-29'],
  time: ['14:30:45Z', '00:00:00+00:00'],
  email: ['shopper@example.com', 'a.b+tag@sub.example.org'],
  uri: ['https://example.com/', 'https://example.com/a?b=c#d'],
  url: ['https://example.com/'],
  uuid: ['00000000-0000-4000-8000-000000000000', '123e4567-e89b-42d3-a456-426614174000'],
  hostname: ['example.com'],
  ipv4: ['127.0.0.1'],
  ipv6: ['::1'],
};
// Characters that break naive handlers: quotes, markup, non-ASCII, astral, RTL, NUL-free control-ish whitespace.
const TRICKY = ['"', "'", '<', '>', '&', '\\', 'é', 'ß', '漢', '😀', '\u202e', '\t', ' '];
const PLAIN = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A small seeded sampler for JSON Schemas, biased toward edge values (boundaries, empty and maximal strings and
 * arrays, optional fields absent or present, tricky characters). The emulator filters its output through ajv, so
 * it may occasionally produce an invalid instance (a `pattern`, an overlapping `oneOf`) without harm.
 *
 * @example
 * const requests = edgeSampler({ type: 'object', required: ['message'], properties: { message: { type: 'string' } } }, { seed: 1, count: 5 })
 */
export const edgeSampler: RequestSampler = (schema, { seed, count }) => {
  const random = createIdSource(seed);
  return Array.from({ length: count }, (_, index) => new Sampler(schema, random, index).sample(schema, 0));
};

class Sampler {
  constructor(
    private readonly root: JsonSchemaObject,
    private readonly random: IdSource,
    /** The first instances lean hardest on edges: 0 is minimal, 1 is maximal, the rest mix. */
    private readonly index: number,
  ) {}

  sample(schema: Schema, depth: number): unknown {
    if (schema === true) return this.pick(['any', 0, true, null, {}]);
    if (schema === false) return null;
    const resolved = this.resolve(schema);
    if ('const' in resolved) return structuredClone(resolved.const);
    if (Array.isArray(resolved.enum) && resolved.enum.length > 0)
      return structuredClone(this.pick(resolved.enum));
    if (Array.isArray(resolved.allOf)) return this.sample(this.merge(resolved), depth);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = resolved[key];
      if (Array.isArray(branches) && branches.length > 0) {
        const { [key]: _, ...rest } = resolved;
        return this.sample(this.merge({ allOf: [rest, this.pick(branches as Schema[])] }), depth);
      }
    }
    switch (this.typeOf(resolved)) {
      case 'object':
        return this.object(resolved, depth);
      case 'array':
        return this.array(resolved, depth);
      case 'integer':
        return this.number(resolved, true);
      case 'number':
        return this.number(resolved, false);
      case 'boolean':
        return this.chance(0.5);
      case 'null':
        return null;
      default:
        return this.string(resolved);
    }
  }

  private object(schema: JsonSchemaObject, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (schema.maxProperties === 0) return out;
    const properties = isRecord(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    for (const [key, property] of Object.entries(properties)) {
      const include =
        required.has(key) ||
        (depth < MAX_DEPTH && this.index !== 0 && (this.index === 1 || this.chance(0.6)));
      if (include) setOwn(out, key, this.sample(property, depth + 1));
    }
    for (const key of required) {
      if (!Object.hasOwn(out, key)) setOwn(out, key, depth < MAX_DEPTH ? this.sample(true, depth + 1) : null);
    }
    if (schema.additionalProperties !== false && depth < MAX_DEPTH && this.index > 1 && this.chance(0.2)) {
      const extra = isRecord(schema.additionalProperties) ? (schema.additionalProperties as Schema) : true;
      out[`extra_${this.random.token(4)}`] = this.sample(extra, depth + 1);
    }
    return out;
  }

  private array(schema: JsonSchemaObject, depth: number): unknown[] {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : min + 4;
    const length = depth >= MAX_DEPTH ? min : this.size(min, Math.min(max, min + 4));
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as Schema[]) : [];
    const items = (
      isRecord(schema.items) || typeof schema.items === 'boolean' ? schema.items : true
    ) as Schema;
    return Array.from({ length }, (_, i) => this.sample(prefix[i] ?? items, depth + 1));
  }

  private number(schema: JsonSchemaObject, integer: boolean): number {
    const lower = bound(schema.minimum, schema.exclusiveMinimum, 1, integer);
    const upper = bound(schema.maximum, schema.exclusiveMaximum, -1, integer);
    const low = lower ?? (upper === undefined ? -1_000_000 : upper - 1_000);
    const high = upper ?? low + 1_000_000;
    const candidates = [low, high, 0, 1, -1, integer ? 2 ** 31 : 0.1, (low + high) / 2].filter(
      (n) => n >= low && n <= high,
    );
    let value =
      this.index === 0
        ? low
        : this.index === 1
          ? high
          : this.pick(candidates.length > 0 ? candidates : [low]);
    if (this.index > 1 && this.chance(0.3)) value = low + (this.random.next() / 2 ** 32) * (high - low);
    if (integer) value = Math.min(Math.max(Math.round(value), Math.ceil(low)), Math.floor(high));
    const step =
      typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
    if (step !== undefined) value = Math.ceil(low / step) * step;
    return Object.is(value, -0) ? 0 : value;
  }

  private string(schema: JsonSchemaObject): string {
    if (typeof schema.format === 'string' && FORMATS[schema.format] !== undefined) {
      return this.pick(FORMATS[schema.format] ?? ['']);
    }
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : min + 24;
    const length = this.size(min, max);
    let out = '';
    for (let i = 0; i < length; i++) {
      out +=
        this.index > 1 && this.chance(0.15) ? this.pick(TRICKY) : PLAIN[this.random.next() % PLAIN.length];
    }
    return out;
  }

  private size(min: number, max: number): number {
    if (this.index === 0) return min;
    if (this.index === 1) return max;
    return min + (this.random.next() % (max - min + 1));
  }

  private typeOf(schema: JsonSchemaObject): string {
    const type = schema.type;
    if (typeof type === 'string') return type;
    if (Array.isArray(type) && type.length > 0) return String(this.pick(type));
    if (isRecord(schema.properties) || schema.required !== undefined) return 'object';
    if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
    return this.pick(['string', 'number', 'boolean', 'object']);
  }

  private resolve(schema: JsonSchemaObject, seen = 0): JsonSchemaObject {
    const ref = schema.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#') || seen > 32) return schema;
    const target = ref
      .slice(1)
      .split('/')
      .filter((part) => part !== '')
      .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), this.root);
    return isRecord(target) ? this.resolve(target as JsonSchemaObject, seen + 1) : {};
  }

  /** Folds `allOf` into one schema: properties and required united, other keywords from the later branch. */
  private merge(schema: JsonSchemaObject): JsonSchemaObject {
    const { allOf, ...base } = schema;
    let merged: Record<string, unknown> = { ...base };
    for (const branch of Array.isArray(allOf) ? allOf : []) {
      if (!isRecord(branch)) continue;
      const part = this.resolve(branch as JsonSchemaObject);
      const flat = Array.isArray(part.allOf) ? this.merge(part) : part;
      merged = {
        ...merged,
        ...flat,
        properties: {
          ...(isRecord(merged.properties) ? merged.properties : {}),
          ...(isRecord(flat.properties) ? flat.properties : {}),
        },
        required: [
          ...(Array.isArray(merged.required) ? merged.required : []),
          ...(Array.isArray(flat.required) ? flat.required : []),
        ],
      };
    }
    return merged;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.random.next() % items.length] as T;
  }

  private chance(probability: number): boolean {
    return this.random.next() / 2 ** 32 < probability;
  }
}

function bound(
  inclusive: unknown,
  exclusive: unknown,
  direction: 1 | -1,
  integer: boolean,
): number | undefined {
  const step = integer ? 1 : 0.01;
  const values = [
    typeof inclusive === 'number' ? inclusive : undefined,
    typeof exclusive === 'number' ? exclusive + direction * step : undefined,
  ].filter((value): value is number => value !== undefined);
  if (values.length === 0) return undefined;
  return direction === 1 ? Math.max(...values) : Math.min(...values);
}

/** Sets an own enumerable property even for `__proto__`, which plain assignment would treat as the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
