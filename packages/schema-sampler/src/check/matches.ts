import { checkFormat, checkNumberFormat } from '../formats/formats.js';
import {
  codePointLength,
  isRecord,
  jsonEqual,
  num,
  type SchemaObject,
  sub,
  subList,
  subMap,
} from '../schema/json.js';
import { resolveRef } from '../schema/resolve-ref.js';
import { matchesPattern } from './pattern-cache.js';

/** A `$ref` chain longer than this without consuming input is a cycle such as `a -> b -> a`. */
const MAX_REF_HOPS = 64;

/** The JSON type names a value satisfies (`integer` values also satisfy `number`). */
export function jsonTypesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  if (typeof value === 'object') return ['object'];
  return [typeof value];
}

/** The declared types of a schema including `nullable: true`, or undefined when `type` is absent. */
export function declaredTypes(schema: SchemaObject): string[] | undefined {
  const raw = schema.type;
  const list =
    typeof raw === 'string'
      ? [raw]
      : Array.isArray(raw)
        ? raw.filter((t) => typeof t === 'string')
        : undefined;
  if (list === undefined) return undefined;
  return schema.nullable === true && !list.includes('null') ? [...list, 'null'] : list;
}

function lowerBound(schema: SchemaObject): { value: number; exclusive: boolean } | undefined {
  const minimum = num(schema, 'minimum');
  const exclusive = schema.exclusiveMinimum;
  if (typeof exclusive === 'number') {
    if (minimum === undefined || exclusive >= minimum) return { value: exclusive, exclusive: true };
  }
  if (minimum === undefined) return undefined;
  return { value: minimum, exclusive: exclusive === true };
}

function upperBound(schema: SchemaObject): { value: number; exclusive: boolean } | undefined {
  const maximum = num(schema, 'maximum');
  const exclusive = schema.exclusiveMaximum;
  if (typeof exclusive === 'number') {
    if (maximum === undefined || exclusive <= maximum) return { value: exclusive, exclusive: true };
  }
  if (maximum === undefined) return undefined;
  return { value: maximum, exclusive: exclusive === true };
}

/** Numeric bounds of a schema, folding draft-04 boolean and 2020-12 numeric exclusive keywords together. */
export const bounds = { lower: lowerBound, upper: upperBound };

/** True when `value / divisor` is a whole number, the way ajv checks `multipleOf`. */
export function isMultiple(value: number, divisor: number): boolean {
  return divisor > 0 && Number.isInteger(value / divisor);
}

class Matcher {
  constructor(private readonly root: unknown) {}

  matches(schema: SchemaObject | boolean | undefined, value: unknown, hops = 0): boolean {
    if (schema === undefined || schema === true) return true;
    if (schema === false) return false;
    if (typeof schema.$ref === 'string') {
      if (hops > MAX_REF_HOPS) return false;
      const target = resolveRef(this.root, schema.$ref);
      if (target !== undefined && !this.matches(target, value, hops + 1)) return false;
    }
    return this.generic(schema, value) && this.byType(schema, value) && this.applicators(schema, value, hops);
  }

  private generic(schema: SchemaObject, value: unknown): boolean {
    const types = declaredTypes(schema);
    if (types !== undefined && !jsonTypesOf(value).some((type) => types.includes(type))) return false;
    if ('const' in schema && !jsonEqual(schema.const, value)) return false;
    if (Array.isArray(schema.enum) && !schema.enum.some((member) => jsonEqual(member, value))) return false;
    return true;
  }

  private applicators(schema: SchemaObject, value: unknown, hops: number): boolean {
    const allOf = subList(schema, 'allOf');
    if (allOf && !allOf.every((branch) => this.matches(branch, value, hops))) return false;
    const anyOf = subList(schema, 'anyOf');
    if (anyOf && !anyOf.some((branch) => this.matches(branch, value, hops))) return false;
    const oneOf = subList(schema, 'oneOf');
    if (oneOf && oneOf.filter((branch) => this.matches(branch, value, hops)).length !== 1) return false;
    const not = sub(schema, 'not');
    if (not !== undefined && this.matches(not, value, hops)) return false;
    const condition = sub(schema, 'if');
    if (condition !== undefined) {
      const branch = this.matches(condition, value, hops) ? sub(schema, 'then') : sub(schema, 'else');
      if (!this.matches(branch, value, hops)) return false;
    }
    return true;
  }

  private byType(schema: SchemaObject, value: unknown): boolean {
    if (typeof value === 'string') return this.string(schema, value);
    if (typeof value === 'number') return this.number(schema, value);
    if (Array.isArray(value)) return this.array(schema, value);
    if (isRecord(value)) return this.object(schema, value);
    return true;
  }

  private string(schema: SchemaObject, value: string): boolean {
    const length = codePointLength(value);
    const min = num(schema, 'minLength');
    const max = num(schema, 'maxLength');
    if ((min !== undefined && length < min) || (max !== undefined && length > max)) return false;
    if (typeof schema.pattern === 'string' && !matchesPattern(schema.pattern, value)) return false;
    return typeof schema.format !== 'string' || checkFormat(schema.format, value);
  }

  private number(schema: SchemaObject, value: number): boolean {
    const lower = lowerBound(schema);
    if (lower && (lower.exclusive ? value <= lower.value : value < lower.value)) return false;
    const upper = upperBound(schema);
    if (upper && (upper.exclusive ? value >= upper.value : value > upper.value)) return false;
    const divisor = num(schema, 'multipleOf');
    if (divisor !== undefined && !isMultiple(value, divisor)) return false;
    return typeof schema.format !== 'string' || checkNumberFormat(schema.format, value);
  }

  private array(schema: SchemaObject, value: unknown[]): boolean {
    const min = num(schema, 'minItems');
    const max = num(schema, 'maxItems');
    if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) return false;
    if (schema.uniqueItems === true) {
      for (let i = 0; i < value.length; i++) {
        for (let j = i + 1; j < value.length; j++) if (jsonEqual(value[i], value[j])) return false;
      }
    }
    const prefix = subList(schema, 'prefixItems') ?? subList(schema, 'items') ?? [];
    const rest = Array.isArray(schema.items) ? sub(schema, 'additionalItems') : sub(schema, 'items');
    for (let i = 0; i < value.length; i++) {
      if (!this.matches(i < prefix.length ? prefix[i] : rest, value[i])) return false;
    }
    const contains = sub(schema, 'contains');
    if (contains !== undefined) {
      const hits = value.filter((item) => this.matches(contains, item)).length;
      const minContains = num(schema, 'minContains') ?? 1;
      const maxContains = num(schema, 'maxContains');
      if (hits < minContains || (maxContains !== undefined && hits > maxContains)) return false;
    }
    return true;
  }

  private object(schema: SchemaObject, value: Record<string, unknown>): boolean {
    const keys = Object.keys(value);
    const min = num(schema, 'minProperties');
    const max = num(schema, 'maxProperties');
    if ((min !== undefined && keys.length < min) || (max !== undefined && keys.length > max)) return false;
    const required = Array.isArray(schema.required) ? schema.required : [];
    if (!required.every((key) => typeof key !== 'string' || Object.hasOwn(value, key))) return false;
    const dependent = isRecord(schema.dependentRequired) ? schema.dependentRequired : {};
    for (const [key, needs] of Object.entries(dependent)) {
      if (
        Object.hasOwn(value, key) &&
        Array.isArray(needs) &&
        !needs.every((n) => Object.hasOwn(value, String(n)))
      )
        return false;
    }
    const properties = new Map(subMap(schema, 'properties'));
    const patterns = subMap(schema, 'patternProperties');
    const additional = sub(schema, 'additionalProperties');
    const names = sub(schema, 'propertyNames');
    for (const key of keys) {
      if (names !== undefined && !this.matches(names, key)) return false;
      let covered = false;
      const own = properties.get(key);
      if (own !== undefined) {
        covered = true;
        if (!this.matches(own, value[key])) return false;
      }
      for (const [pattern, patternSchema] of patterns) {
        if (!matchesPattern(pattern, key)) continue;
        covered = true;
        if (!this.matches(patternSchema, value[key])) return false;
      }
      if (!covered && !this.matches(additional, value[key])) return false;
    }
    return true;
  }
}

/**
 * Checks a value against a schema with the keywords the sampler generates for (a small validator used to keep
 * samples honest, not a replacement for ajv).
 */
export function matches(schema: unknown, value: unknown, root: unknown = schema): boolean {
  if (typeof schema !== 'boolean' && !isRecord(schema)) return true;
  return new Matcher(root).matches(schema, value);
}
