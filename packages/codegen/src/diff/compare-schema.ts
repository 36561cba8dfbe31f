// The structural comparison of two normal-form schemas (the schema step's output), keyword by keyword.
import { childPointer } from '../diagnostics.js';
import { canonicalJson } from '../hash.js';
import { isRecord, type JsonRecord } from '../schema/json.js';
import { ANNOTATION_KEYWORDS, type JsonSchema } from '../schema/prepared.js';
import { ANY_VALUES, countsNear, numbersNear, resized, valuesOfAtoms } from './candidates.js';
import type { PathStep } from './instance-path.js';

/**
 * Which way a change moves the set of accepted instances, read locally: `widened` (head accepts more),
 * `narrowed` (head accepts less), `both`, or `unknown` (not decidable from the keywords alone).
 */
export type Direction = 'widened' | 'narrowed' | 'both' | 'unknown';

/** A difference found by the walk, before it is judged for a side. */
export interface RawFinding {
  /** Pointer relative to the side's schema root (`''` is the root). */
  readonly pointer: string;
  readonly kind: string;
  readonly direction: Direction;
  readonly message: string;
  /** Where in the instance the candidates go. */
  readonly path: readonly PathStep[];
  /** Values to try at `path`, given the value a valid instance already has there (if any). */
  readonly candidates: (current: unknown) => unknown[];
  /** The base and head sub-schemas at this place (with their roots' `$defs`), for sampling. */
  readonly base: JsonSchema;
  readonly head: JsonSchema;
}

/** The value-type atoms a schema's `type` admits: `number` is `integer` plus `fraction`. */
const ATOMS = ['string', 'integer', 'fraction', 'boolean', 'null', 'array', 'object'] as const;

function atomOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'fraction';
  return typeof value;
}

/** The atoms a schema admits by `type`, narrowed to the atoms of its `enum` or `const` values when it has them. */
function atomsOf(schema: JsonRecord): Set<string> {
  const type = schema.type;
  let atoms = new Set<string>(ATOMS);
  if (Array.isArray(type)) {
    atoms = new Set();
    for (const name of type) {
      if (name === 'number') {
        atoms.add('integer');
        atoms.add('fraction');
      } else atoms.add(String(name));
    }
  }
  const values = allowedValues(schema);
  if (values === undefined) return atoms;
  const valueAtoms = new Set(values.map(atomOfValue));
  return new Set([...atoms].filter((atom) => valueAtoms.has(atom)));
}

function describeAtoms(atoms: readonly string[]): string {
  const names = atoms.map((atom) => (atom === 'fraction' ? 'non-integer number' : atom));
  return names.join(', ');
}

/** A schema reduced to what validates: annotations dropped, set-like arrays sorted. */
export function validationForm(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(validationForm);
  if (!isRecord(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATION_KEYWORDS.has(keyword)) continue;
    if (keyword === 'required' || keyword === 'type') out[keyword] = [...(value as string[])].sort();
    else if (keyword === 'enum') out[keyword] = [...(value as unknown[])].map(canonicalJson).sort();
    else if (keyword === 'properties' || keyword === '$defs' || keyword === 'patternProperties') {
      const map: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value as JsonRecord)) {
        Object.defineProperty(map, name, { value: validationForm(item), enumerable: true });
      }
      out[keyword] = map;
    } else if (keyword === 'const' || keyword === 'default') out[keyword] = value;
    else out[keyword] = validationForm(value);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(validationForm(a)) === canonicalJson(validationForm(b));
}

function flip(direction: Direction): Direction {
  if (direction === 'widened') return 'narrowed';
  if (direction === 'narrowed') return 'widened';
  return direction;
}

/** `1` as written, `-1` under an odd number of `not`, `0` under `oneOf` (no longer monotone). */
type Polarity = 1 | -1 | 0;

interface Place {
  readonly pointer: string;
  readonly path: readonly PathStep[];
  readonly polarity: Polarity;
}

interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

const num = (schema: JsonRecord, keyword: string): number | undefined =>
  typeof schema[keyword] === 'number' ? (schema[keyword] as number) : undefined;

function lowerBound(schema: JsonRecord): Bound | undefined {
  const minimum = num(schema, 'minimum');
  const exclusive = num(schema, 'exclusiveMinimum');
  if (exclusive !== undefined && (minimum === undefined || exclusive >= minimum))
    return { value: exclusive, exclusive: true };
  return minimum === undefined ? undefined : { value: minimum, exclusive: false };
}

function upperBound(schema: JsonRecord): Bound | undefined {
  const maximum = num(schema, 'maximum');
  const exclusive = num(schema, 'exclusiveMaximum');
  if (exclusive !== undefined && (maximum === undefined || exclusive <= maximum))
    return { value: exclusive, exclusive: true };
  return maximum === undefined ? undefined : { value: maximum, exclusive: false };
}

function showBound(bound: Bound | undefined, lower: boolean): string {
  if (bound === undefined) return 'none';
  return `${lower ? (bound.exclusive ? '>' : '>=') : bound.exclusive ? '<' : '<='} ${bound.value}`;
}

/** -1 when `a` admits less than `b` (tighter), 1 when more, 0 when equal; `undefined` is no bound. */
function compareLower(a: Bound | undefined, b: Bound | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (a.value !== b.value) return a.value > b.value ? -1 : 1;
  if (a.exclusive === b.exclusive) return 0;
  return a.exclusive ? -1 : 1;
}

function compareUpper(a: Bound | undefined, b: Bound | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  if (a.exclusive === b.exclusive) return 0;
  return a.exclusive ? -1 : 1;
}

function allowedValues(schema: JsonRecord): unknown[] | undefined {
  if (Object.hasOwn(schema, 'const')) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Walks the base and head normal forms of one side together and lists every difference. */
export class SchemaComparison {
  readonly findings: RawFinding[] = [];
  private readonly visited = new Set<string>();
  private readonly active = new Set<string>();

  constructor(
    private readonly baseRoot: JsonSchema,
    private readonly headRoot: JsonSchema,
  ) {}

  run(): RawFinding[] {
    // The roots are a pair already under comparison: a `$ref: '#'` back to them ends the walk there.
    this.visited.add('||1');
    this.compare(this.baseRoot, this.headRoot, { pointer: '', path: [], polarity: 1 });
    return this.findings;
  }

  /** A sub-schema with its root's `$defs` beside it, so `$ref`s resolve when it is sampled alone. */
  private standalone(schema: JsonSchema, root: JsonSchema): JsonSchema {
    if (!isRecord(schema) || !isRecord(root) || !isRecord(root.$defs)) return schema;
    return { ...schema, $defs: root.$defs };
  }

  /** Follows `$ref` aliases to the schema they name; the pointer is that schema's place in its root. */
  private resolve(schema: JsonSchema, root: JsonSchema): { schema: JsonSchema; target: string | undefined } {
    let current = schema;
    let target: string | undefined;
    for (let hops = 0; isRecord(current) && typeof current.$ref === 'string' && hops < 64; hops++) {
      const ref = current.$ref;
      if (ref === '#') {
        current = root;
        target = '';
      } else {
        const suffix = ref.slice('#/$defs/'.length);
        const defs = isRecord(root) ? root.$defs : undefined;
        const next = isRecord(defs) && Object.hasOwn(defs, suffix) ? defs[suffix] : true;
        current = next as JsonSchema;
        target = `/$defs/${suffix}`;
      }
    }
    return { schema: current, target };
  }

  private add(
    place: Place,
    base: JsonSchema,
    head: JsonSchema,
    finding: {
      readonly keyword?: string;
      readonly kind: string;
      readonly direction: Direction;
      readonly message: string;
      readonly path?: readonly PathStep[];
      readonly candidates: (current: unknown) => unknown[];
    },
  ): void {
    const pointer =
      finding.keyword === undefined ? place.pointer : childPointer(place.pointer, finding.keyword);
    // The same difference reached again (through another `$ref` to the same pair) is reported once.
    if (this.findings.some((item) => item.pointer === pointer && item.message === finding.message)) return;
    const direction: Direction =
      place.polarity === 0 ? 'unknown' : place.polarity === -1 ? flip(finding.direction) : finding.direction;
    this.findings.push({
      pointer,
      kind: finding.kind,
      direction,
      message: finding.message,
      path: finding.path ?? place.path,
      candidates: finding.candidates,
      base: this.standalone(base, this.baseRoot),
      head: this.standalone(head, this.headRoot),
    });
  }

  /**
   * Undoes the rewrite the schema step makes of a `$ref` beside other keywords (both kept side by side under
   * `allOf`), so it compares keyword by keyword with a schema written inline: `allOf` members whose keywords
   * the node does not have are merged into it (`required` lists are joined). Returns the `$ref` targets it went
   * through, so recursion through them still ends.
   */
  private flatten(schema: JsonSchema, root: JsonSchema): { schema: JsonSchema; targets: string[] } {
    const targets: string[] = [];
    if (!isRecord(schema)) return { schema, targets };
    let node: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(schema)) {
      if (!ANNOTATION_KEYWORDS.has(key)) node[key] = value;
    }
    if (Array.isArray(node.allOf)) {
      const kept: unknown[] = [];
      const merged: Record<string, unknown> = { ...node };
      for (const member of node.allOf as JsonSchema[]) {
        const resolved = this.resolve(member, root);
        const body = resolved.schema;
        const keys = isRecord(body) ? Object.keys(body).filter((key) => !ANNOTATION_KEYWORDS.has(key)) : [];
        const fits =
          isRecord(body) &&
          resolved.target !== '' &&
          keys.every(
            (key) =>
              key === 'required' || (key !== 'allOf' && key !== '$defs' && !Object.hasOwn(merged, key)),
          );
        if (body === true) continue;
        if (!fits || !isRecord(body)) {
          kept.push(member);
          continue;
        }
        if (resolved.target !== undefined) targets.push(resolved.target);
        for (const key of keys) {
          merged[key] =
            key === 'required' && Array.isArray(merged.required)
              ? [...new Set([...(merged.required as string[]), ...(body.required as string[])])]
              : body[key];
        }
      }
      delete merged.allOf;
      if (kept.length > 0) merged.allOf = kept;
      node = merged;
    }
    return { schema: node, targets };
  }

  /**
   * The schema step turns a nullable `$ref` into `anyOf: [<ref>, { type: ['null'] }]`. When either side has that
   * form, null is compared on its own here (at the site, not inside the referenced schema) and the rest through
   * the `$ref` as usual. `false` when the sides cannot be split that way.
   */
  private splitNull(base: JsonSchema, head: JsonSchema, place: Place): boolean {
    const unwrap = (
      schema: JsonSchema,
      root: JsonSchema,
    ): { inner: JsonSchema; nullable: boolean } | undefined => {
      if (isRecord(schema)) {
        const keys = Object.keys(schema).filter((key) => !ANNOTATION_KEYWORDS.has(key));
        const options = schema.anyOf;
        if (
          keys.length === 1 &&
          Array.isArray(options) &&
          options.length === 2 &&
          same(options[1], { type: ['null'] })
        ) {
          const inner = options[0] as JsonSchema;
          const resolved = this.resolve(inner, root).schema;
          if (!isRecord(resolved) || atomsOf(resolved).has('null')) return undefined;
          return { inner, nullable: true };
        }
        const type = schema.type;
        if (keys.includes('$ref') || !Array.isArray(type)) return undefined;
        if (!type.includes('null')) return { inner: schema, nullable: false };
        if (type.length === 1 || Array.isArray(schema.enum) || Object.hasOwn(schema, 'const'))
          return undefined;
        return { inner: { ...schema, type: type.filter((name) => name !== 'null') }, nullable: true };
      }
      return undefined;
    };
    const wrapped = (schema: JsonSchema): boolean =>
      isRecord(schema) && Array.isArray(schema.anyOf) && !Object.hasOwn(schema, 'type');
    if (!wrapped(base) && !wrapped(head)) return false;
    const plainRef = (schema: JsonSchema, root: JsonSchema) => {
      if (!isRecord(schema) || typeof schema.$ref !== 'string') return undefined;
      const resolved = this.resolve(schema, root).schema;
      return isRecord(resolved) && !atomsOf(resolved).has('null')
        ? { inner: schema, nullable: false }
        : undefined;
    };
    const before = unwrap(base, this.baseRoot) ?? plainRef(base, this.baseRoot);
    const after = unwrap(head, this.headRoot) ?? plainRef(head, this.headRoot);
    if (before === undefined || after === undefined) return false;
    if (before.nullable !== after.nullable) {
      this.add(place, base, head, {
        keyword: 'type',
        kind: after.nullable ? 'type-widened' : 'type-narrowed',
        direction: after.nullable ? 'widened' : 'narrowed',
        message: after.nullable
          ? 'type widened: now also accepts null'
          : 'type narrowed: no longer accepts null',
        candidates: () => [null],
      });
    }
    this.compare(before.inner, after.inner, place);
    return true;
  }

  private compare(baseIn: JsonSchema, headIn: JsonSchema, placeIn: Place): void {
    if (this.splitNull(baseIn, headIn, placeIn)) return;
    const baseResolved = this.resolve(baseIn, this.baseRoot);
    const headResolved = this.resolve(headIn, this.headRoot);
    let place = placeIn;
    if (baseResolved.target !== undefined || headResolved.target !== undefined) {
      const key = `${baseResolved.target ?? placeIn.pointer}|${headResolved.target ?? placeIn.pointer}|${placeIn.polarity}`;
      if (this.visited.has(key)) return;
      this.visited.add(key);
      if (headResolved.target !== undefined) place = { ...placeIn, pointer: headResolved.target };
    }
    const baseFlat = this.flatten(baseResolved.schema, this.baseRoot);
    const headFlat = this.flatten(headResolved.schema, this.headRoot);
    // A `$ref` consumed by flattening is tracked on the current path only: siblings may use the same one.
    const key =
      baseFlat.targets.length > 0 || headFlat.targets.length > 0
        ? `${baseFlat.targets.join(',')}|${headFlat.targets.join(',')}|${placeIn.polarity}`
        : undefined;
    if (key !== undefined && this.active.has(key)) return;
    if (key !== undefined) this.active.add(key);
    try {
      this.compareNodes(baseFlat.schema, headFlat.schema, place);
    } finally {
      if (key !== undefined) this.active.delete(key);
    }
  }

  private compareNodes(base: JsonSchema, head: JsonSchema, place: Place): void {
    if (same(base, head) && !canonicalJson(base).includes('"$ref"')) return;
    if (base === false || head === false) {
      if (base === head) return;
      this.add(place, base, head, {
        kind: head === false ? 'schema-closed' : 'schema-opened',
        direction: head === false ? 'narrowed' : 'widened',
        message:
          head === false
            ? 'no value is accepted here any more'
            : 'values are accepted here that were all rejected before',
        candidates: () => [...ANY_VALUES],
      });
      return;
    }
    const b: JsonRecord = base === true ? {} : base;
    const h: JsonRecord = head === true ? {} : head;
    const common = this.types(place, b, h);
    this.values(place, b, h);
    if (common.has('string')) this.strings(place, b, h);
    if (common.has('integer') || common.has('fraction')) this.numbers(place, b, h);
    if (common.has('array')) this.arrays(place, b, h);
    if (common.has('object')) this.objects(place, b, h);
    this.composition(place, b, h);
  }

  private types(place: Place, b: JsonRecord, h: JsonRecord): Set<string> {
    const before = atomsOf(b);
    const after = atomsOf(h);
    const added = ATOMS.filter((atom) => after.has(atom) && !before.has(atom));
    const removed = ATOMS.filter((atom) => before.has(atom) && !after.has(atom));
    if (added.length > 0) {
      this.add(place, b, h, {
        keyword: 'type',
        kind: 'type-widened',
        direction: 'widened',
        message: `type widened: now also accepts ${describeAtoms(added)}`,
        candidates: () => valuesOfAtoms(added),
      });
    }
    if (removed.length > 0) {
      this.add(place, b, h, {
        keyword: 'type',
        kind: 'type-narrowed',
        direction: 'narrowed',
        message: `type narrowed: no longer accepts ${describeAtoms(removed)}`,
        candidates: () => valuesOfAtoms(removed),
      });
    }
    return new Set(ATOMS.filter((atom) => before.has(atom) && after.has(atom)));
  }

  private values(place: Place, b: JsonRecord, h: JsonRecord): void {
    const before = allowedValues(b);
    const after = allowedValues(h);
    const keyword =
      Object.hasOwn(h, 'const') || (after === undefined && Object.hasOwn(b, 'const')) ? 'const' : 'enum';
    if (before === undefined && after === undefined) return;
    if (before === undefined || after === undefined) {
      const closing = before === undefined;
      this.add(place, b, h, {
        keyword,
        kind: closing ? 'enum-added' : 'enum-removed',
        direction: closing ? 'narrowed' : 'widened',
        message: closing
          ? `only ${(after ?? []).map(show).join(', ')} accepted now (${keyword} added)`
          : `any value accepted now, not only ${(before ?? []).map(show).join(', ')} (${keyword} removed)`,
        candidates: (current) => [current, ...ANY_VALUES, ...(before ?? after ?? [])],
      });
      return;
    }
    const afterKeys = new Set(after.map(canonicalJson));
    const beforeKeys = new Set(before.map(canonicalJson));
    const added = after.filter((value) => !beforeKeys.has(canonicalJson(value)));
    const removed = before.filter((value) => !afterKeys.has(canonicalJson(value)));
    for (const value of added) {
      this.add(place, b, h, {
        keyword,
        kind: 'enum-value-added',
        direction: 'widened',
        message: `value ${show(value)} is now accepted`,
        candidates: () => [value],
      });
    }
    for (const value of removed) {
      this.add(place, b, h, {
        keyword,
        kind: 'enum-value-removed',
        direction: 'narrowed',
        message: `value ${show(value)} is no longer accepted`,
        candidates: () => [value],
      });
    }
  }

  private strings(place: Place, b: JsonRecord, h: JsonRecord): void {
    this.counts(place, b, h, 'minLength', 'maxLength', 'length');
    for (const keyword of ['pattern', 'format'] as const) {
      const before = b[keyword];
      const after = h[keyword];
      if (before === after) continue;
      const direction: Direction =
        before === undefined ? 'narrowed' : after === undefined ? 'widened' : 'both';
      const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
      this.add(place, b, h, {
        keyword,
        kind: `${keyword}-${change}`,
        direction,
        message: `${keyword} ${change}: ${before === undefined ? 'none' : show(before)} -> ${after === undefined ? 'none' : show(after)}`,
        candidates: (current) => [current, '', 'text', 'A-1', '0', 'not a valid value'],
      });
    }
  }

  private numbers(place: Place, b: JsonRecord, h: JsonRecord): void {
    const pairs = [
      { lower: true, before: lowerBound(b), after: lowerBound(h), compare: compareLower },
      { lower: false, before: upperBound(b), after: upperBound(h), compare: compareUpper },
    ];
    for (const { lower, before, after, compare } of pairs) {
      const order = compare(after, before);
      if (order === 0) continue;
      const source = after ?? before;
      const keyword = lower
        ? source?.exclusive === true
          ? 'exclusiveMinimum'
          : 'minimum'
        : source?.exclusive === true
          ? 'exclusiveMaximum'
          : 'maximum';
      const tightened = order < 0;
      this.add(place, b, h, {
        keyword,
        kind: tightened ? 'bound-tightened' : 'bound-loosened',
        direction: tightened ? 'narrowed' : 'widened',
        message: `${lower ? 'lower' : 'upper'} bound ${tightened ? 'tightened' : 'loosened'}: ${showBound(before, lower)} -> ${showBound(after, lower)}`,
        candidates: () => numbersNear([before?.value, after?.value]),
      });
    }
    const before = num(b, 'multipleOf');
    const after = num(h, 'multipleOf');
    if (before === after) return;
    const divides = (a: number, c: number): boolean => Number.isInteger(a / c);
    const direction: Direction =
      before === undefined
        ? 'narrowed'
        : after === undefined
          ? 'widened'
          : divides(after, before)
            ? 'narrowed'
            : divides(before, after)
              ? 'widened'
              : 'both';
    this.add(place, b, h, {
      keyword: 'multipleOf',
      kind:
        direction === 'narrowed'
          ? 'multiple-of-tightened'
          : direction === 'widened'
            ? 'multiple-of-loosened'
            : 'multiple-of-changed',
      direction,
      message: `multipleOf changed: ${before ?? 'none'} -> ${after ?? 'none'}`,
      candidates: () =>
        [before, after, 1, 0.5]
          .filter((value): value is number => value !== undefined)
          .flatMap((value) => [1, 2, 3, 5, 7].map((factor) => value * factor)),
    });
  }

  /** A pair of count bounds (`minLength`/`maxLength`, `minItems`/`maxItems`, `minProperties`/`maxProperties`). */
  private counts(place: Place, b: JsonRecord, h: JsonRecord, min: string, max: string, what: string): void {
    for (const [keyword, lower] of [
      [min, true],
      [max, false],
    ] as const) {
      // A lower count bound of 0 is no bound at all.
      const bound = (schema: JsonRecord): number | undefined => {
        const value = num(schema, keyword);
        return lower && value === 0 ? undefined : value;
      };
      const before = bound(b);
      const after = bound(h);
      if (before === after) continue;
      const tightened = lower
        ? before === undefined || (after !== undefined && after > before)
        : after !== undefined && (before === undefined || after < before);
      const sign = lower ? '>=' : '<=';
      this.add(place, b, h, {
        keyword,
        kind: tightened ? 'bound-tightened' : 'bound-loosened',
        direction: tightened ? 'narrowed' : 'widened',
        message: `${what} bound ${tightened ? 'tightened' : 'loosened'}: ${before === undefined ? 'none' : `${sign} ${before}`} -> ${after === undefined ? 'none' : `${sign} ${after}`}`,
        candidates: (current) => countsNear([before, after]).map((count) => resized(current, count)),
      });
    }
  }

  private arrays(place: Place, b: JsonRecord, h: JsonRecord): void {
    this.counts(place, b, h, 'minItems', 'maxItems', 'item count');
    const beforeTuple = Array.isArray(b.prefixItems) ? (b.prefixItems as JsonSchema[]) : [];
    const afterTuple = Array.isArray(h.prefixItems) ? (h.prefixItems as JsonSchema[]) : [];
    const shared = Math.min(beforeTuple.length, afterTuple.length);
    for (let index = 0; index < shared; index++) {
      this.compare(beforeTuple[index] as JsonSchema, afterTuple[index] as JsonSchema, {
        ...place,
        pointer: childPointer(childPointer(place.pointer, 'prefixItems'), index),
        path: [...place.path, { kind: 'index', index }],
      });
    }
    if (beforeTuple.length !== afterTuple.length) {
      this.add(place, b, h, {
        keyword: 'prefixItems',
        kind: 'tuple-changed',
        direction: 'unknown',
        message: `tuple length changed: ${beforeTuple.length} -> ${afterTuple.length} positional item schemas`,
        candidates: () => [],
      });
    } else {
      this.compare((b.items ?? true) as JsonSchema, (h.items ?? true) as JsonSchema, {
        ...place,
        pointer: childPointer(place.pointer, 'items'),
        path: [...place.path, { kind: 'index', index: shared }],
      });
    }
    if ((b.uniqueItems === true) !== (h.uniqueItems === true)) {
      const now = h.uniqueItems === true;
      this.add(place, b, h, {
        keyword: 'uniqueItems',
        kind: now ? 'unique-items-added' : 'unique-items-removed',
        direction: now ? 'narrowed' : 'widened',
        message: now ? 'items must now be unique' : 'items no longer need to be unique',
        candidates: (current) =>
          Array.isArray(current) && current.length > 0 ? [[...current, current[0]]] : [],
      });
    }
    const contains = ['contains', 'minContains', 'maxContains'];
    if (contains.some((keyword) => !same(b[keyword], h[keyword]))) {
      this.add(place, b, h, {
        keyword: 'contains',
        kind: 'contains-changed',
        direction: 'unknown',
        message: 'contains, minContains or maxContains changed',
        candidates: () => [],
      });
    }
  }

  private objects(place: Place, b: JsonRecord, h: JsonRecord): void {
    this.counts(place, b, h, 'minProperties', 'maxProperties', 'property count');
    const required = (schema: JsonRecord): Set<string> =>
      new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const before = required(b);
    const after = required(h);
    const without = (name: string) => (current: unknown) => {
      if (!isRecord(current)) return [];
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(current)) {
        if (key !== name)
          Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return [copy];
    };
    for (const name of [...after].filter((item) => !before.has(item)).sort()) {
      this.add(place, b, h, {
        keyword: 'required',
        kind: 'required-property-added',
        direction: 'narrowed',
        message: `property ${show(name)} is now required`,
        candidates: without(name),
      });
    }
    for (const name of [...before].filter((item) => !after.has(item)).sort()) {
      this.add(place, b, h, {
        keyword: 'required',
        kind: 'required-property-removed',
        direction: 'widened',
        message: `property ${show(name)} is no longer required`,
        candidates: without(name),
      });
    }
    const properties = (schema: JsonRecord): JsonRecord =>
      isRecord(schema.properties) ? schema.properties : {};
    const beforeProps = properties(b);
    const afterProps = properties(h);
    const extraOf = (schema: JsonRecord): JsonSchema => (schema.additionalProperties ?? true) as JsonSchema;
    const names = [...new Set([...Object.keys(beforeProps), ...Object.keys(afterProps)])].sort();
    const keyRules = [b, h].some(
      (schema) => Object.hasOwn(schema, 'patternProperties') || Object.hasOwn(schema, 'propertyNames'),
    );
    for (const name of names) {
      const at: Place = {
        ...place,
        pointer: childPointer(childPointer(place.pointer, 'properties'), name),
        path: [...place.path, { kind: 'key', key: name }],
      };
      const inBefore = Object.hasOwn(beforeProps, name);
      const inAfter = Object.hasOwn(afterProps, name);
      const beforeSchema = (inBefore ? beforeProps[name] : extraOf(b)) as JsonSchema;
      const afterSchema = (inAfter ? afterProps[name] : extraOf(h)) as JsonSchema;
      if (inBefore && inAfter) {
        this.compare(beforeSchema, afterSchema, at);
        continue;
      }
      const counterpart = inBefore ? afterSchema : beforeSchema;
      const declared = inBefore ? beforeSchema : afterSchema;
      if (keyRules) {
        // patternProperties or propertyNames may also rule on this key: which way it moved is not local.
        this.add(at, beforeSchema, afterSchema, {
          kind: inAfter ? 'property-added' : 'property-removed',
          direction: 'unknown',
          message: `property ${show(name)} ${inAfter ? 'added' : 'removed'} where patternProperties or propertyNames also apply`,
          candidates: (current) => [current, ...ANY_VALUES],
        });
        continue;
      }
      if (counterpart === true || (isRecord(counterpart) && Object.keys(counterpart).length === 0)) {
        if (declared === true) continue;
        // Before, any value was accepted under this key (or, removed: any value is accepted now).
        this.add(at, beforeSchema, afterSchema, {
          kind: inAfter ? 'property-added' : 'property-removed',
          direction: inAfter ? 'narrowed' : 'widened',
          message: inAfter
            ? `property ${show(name)} added: its value is now checked (any value was accepted before)`
            : `property ${show(name)} removed: any value is now accepted under it`,
          candidates: () => [...ANY_VALUES],
        });
      } else if (counterpart === false) {
        this.add(at, beforeSchema, afterSchema, {
          kind: inAfter ? 'property-added' : 'property-removed',
          direction: inAfter ? 'widened' : 'narrowed',
          message: inAfter
            ? `property ${show(name)} added where undeclared properties are rejected`
            : `property ${show(name)} removed: it is now rejected as an undeclared property`,
          candidates: (current) => [current, ...ANY_VALUES],
        });
      } else {
        this.compare(beforeSchema, afterSchema, at);
      }
    }
    const extraBefore = extraOf(b);
    const extraAfter = extraOf(h);
    if (!same(extraBefore, extraAfter)) {
      const closed = extraAfter === false;
      const opened = extraBefore === false;
      if (closed || opened) {
        this.add(place, b, h, {
          keyword: 'additionalProperties',
          kind: closed ? 'additional-properties-closed' : 'additional-properties-opened',
          direction: closed ? 'narrowed' : 'widened',
          message: closed
            ? 'undeclared properties are now rejected'
            : 'undeclared properties are now accepted',
          path: [...place.path, { kind: 'extra' }],
          candidates: () => [...ANY_VALUES],
        });
      } else {
        this.compare(extraBefore, extraAfter, {
          ...place,
          pointer: childPointer(place.pointer, 'additionalProperties'),
          path: [...place.path, { kind: 'extra' }],
        });
      }
    }
    for (const keyword of ['patternProperties', 'propertyNames']) {
      if (same(b[keyword], h[keyword])) continue;
      this.add(place, b, h, {
        keyword,
        kind: keyword === 'patternProperties' ? 'pattern-properties-changed' : 'property-names-changed',
        direction: 'unknown',
        message: `${keyword} changed`,
        candidates: () => [],
      });
    }
  }

  private composition(place: Place, b: JsonRecord, h: JsonRecord): void {
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const before = Array.isArray(b[keyword]) ? (b[keyword] as JsonSchema[]) : [];
      const after = Array.isArray(h[keyword]) ? (h[keyword] as JsonSchema[]) : [];
      if (same(before, after)) continue;
      const pointer = childPointer(place.pointer, keyword);
      if (before.length === after.length) {
        for (let index = 0; index < before.length; index++) {
          this.compare(before[index] as JsonSchema, after[index] as JsonSchema, {
            ...place,
            pointer: childPointer(pointer, index),
            polarity: keyword === 'oneOf' ? 0 : place.polarity,
          });
        }
        continue;
      }
      const beforeKeys = new Set(before.map((item) => canonicalJson(validationForm(item))));
      const afterKeys = new Set(after.map((item) => canonicalJson(validationForm(item))));
      const onlyAdded = before.every((item) => afterKeys.has(canonicalJson(validationForm(item))));
      const onlyRemoved = after.every((item) => beforeKeys.has(canonicalJson(validationForm(item))));
      let direction: Direction = 'unknown';
      if (keyword === 'allOf' && onlyAdded) direction = 'narrowed';
      else if (keyword === 'allOf' && onlyRemoved) direction = 'widened';
      else if (keyword === 'anyOf' && onlyAdded && before.length > 0) direction = 'widened';
      else if (keyword === 'anyOf' && onlyRemoved && after.length > 0) direction = 'narrowed';
      this.add(place, b, h, {
        keyword,
        kind: 'composition-changed',
        direction,
        message: `${keyword} changed: ${before.length} -> ${after.length} subschemas`,
        candidates: () => [],
      });
    }
    const notBefore = b.not as JsonSchema | undefined;
    const notAfter = h.not as JsonSchema | undefined;
    if (notBefore === undefined && notAfter === undefined) return;
    if (notBefore !== undefined && notAfter !== undefined) {
      this.compare(notBefore, notAfter, {
        ...place,
        pointer: childPointer(place.pointer, 'not'),
        polarity: place.polarity === 0 ? 0 : place.polarity === 1 ? -1 : 1,
      });
      return;
    }
    this.add(place, b, h, {
      keyword: 'not',
      kind: 'composition-changed',
      direction: notAfter === undefined ? 'widened' : 'narrowed',
      message: notAfter === undefined ? '"not" removed' : '"not" added',
      candidates: () => [],
    });
  }
}
