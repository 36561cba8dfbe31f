import { childPointer, type Diagnostic } from '../diagnostics.js';
import { checkKeyword, compilesAsPattern, notASchema } from './check-keywords.js';
import { distinctMembers } from './enum-members.js';
import { copyJson, hasUnsafeInteger, isRecord, type JsonRecord, setOwn } from './json.js';
import {
  droppedEffect,
  NOTED_ANNOTATIONS,
  negate,
  type Polarity,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SILENT_ANNOTATIONS,
  UNSUPPORTED_KEYWORDS,
  vendorKeywordKind,
} from './keyword-kinds.js';
import { applyNullable } from './nullable.js';
import { childAt } from './pointer.js';
import {
  ANNOTATION_KEYWORDS,
  type FormatMode,
  type JsonSchema,
  SUPPORTED_FORMATS,
  SUPPORTED_KEYWORDS,
} from './prepared.js';
import { refTargetPolarities } from './ref-polarity.js';
import { SchemaIndex } from './resources.js';

/** The `$schema` URIs of the drafts the normal form reads (2020-12, 2019-09, draft-04 to -07, OpenAPI 3.1). */
const KNOWN_DIALECT =
  /^(?:https?:\/\/json-schema\.org\/(?:draft\/(?:2020-12|2019-09)\/schema|draft-0[4-7]\/schema)#?|https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\/base)$/;

/** Settings of one normalization run. */
export interface NormalizeSettings {
  /** Pointer of the document root inside the callback definition, prefixed to diagnostics. */
  readonly basePointer: string;
  readonly strict: boolean;
  readonly maxDepth: number;
  readonly formats: FormatMode;
}

/**
 * Where a node is normalized: its pointer, nesting depth, dynamic scope (an id of
 * {@link DynamicScopes}) and the polarity of the spot (which way a dropped assertion moves validation).
 */
interface Frame {
  readonly pointer: string;
  readonly depth: number;
  readonly scope: number;
  readonly polarity: Polarity;
}

/** A pointer specialized for a dynamic scope: the key of a normalized node (`#` + key in placeholders). */
export function scopedKey(pointer: string, scope: number): string {
  // `~@` never occurs in an RFC 6901 pointer (`~` is always followed by 0 or 1 there).
  return scope === 0 ? pointer : `${pointer}~@${scope}`;
}

/** The pointer inside a key made by {@link scopedKey}. */
export function pointerOfKey(key: string): string {
  const at = key.indexOf('~@');
  return at === -1 ? key : key.slice(0, at);
}

/**
 * The dynamic scopes `$dynamicRef` can see, interned: each is the binding of every dynamic anchor name to
 * the `$dynamicAnchor` of the outermost schema resource entered so far that declares it. A schema reached
 * under two different scopes is normalized twice (once per scope), so every `$dynamicRef` becomes a static
 * `$ref` and the emitters never need a dynamic scope at run time. Scope 0 is the root resource's.
 */
class DynamicScopes {
  readonly #ids = new Map<string, number>();
  readonly #bindings: Array<ReadonlyMap<string, string>> = [];

  constructor(private readonly index: SchemaIndex) {
    this.#intern(new Map(index.dynamicAnchorsOf('')));
  }

  #intern(bindings: ReadonlyMap<string, string>): number {
    const key = JSON.stringify([...bindings].sort());
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#bindings.length;
      this.#ids.set(key, id);
      this.#bindings.push(bindings);
    }
    return id;
  }

  /** The scope after entering the schema resource at `resource`: names not bound yet are bound to it. */
  enter(scope: number, resource: string): number {
    const anchors = this.index.dynamicAnchorsOf(resource);
    const bindings = this.#bindings[scope] ?? new Map<string, string>();
    if (anchors.every(([name]) => bindings.has(name))) return scope;
    const next = new Map(bindings);
    for (const [name, pointer] of anchors) if (!next.has(name)) next.set(name, pointer);
    return this.#intern(next);
  }

  /** The `$dynamicAnchor` the scope binds `name` to. */
  lookup(scope: number, name: string): string | undefined {
    return this.#bindings[scope]?.get(name);
  }
}

/**
 * Rewrites one schema document into the normal form, node by node, and records what the later steps need:
 * the normal form of every node by its key (pointer, specialized by dynamic scope when `$dynamicRef` needs
 * it; a `$ref` target is normalized once per scope) and the `$ref`s found. Inside the normal form a `$ref`
 * holds a placeholder, `#` plus the target's key, that `prepareSchema` rewrites once definitions are named.
 */
export class Normalizer {
  readonly diagnostics: Diagnostic[] = [];
  /** Normal form of each normalized node, by its key (`''` is the root). */
  readonly byPointer = new Map<string, JsonSchema>();
  /** Absolute pointer of each `$ref` written into the normal form, by the node that holds it. */
  readonly refPointers = new Map<JsonRecord, string>();
  private readonly pending: Array<{ pointer: string; scope: number }> = [];
  private readonly queued = new Set<string>();
  private readonly memo = new WeakMap<object, Map<string, JsonSchema>>();
  private readonly index: SchemaIndex;
  private readonly scopes: DynamicScopes;
  private readonly polarities: ReadonlyMap<string, Polarity>;
  private tooDeepReported = false;

  constructor(
    private readonly root: unknown,
    private readonly settings: NormalizeSettings,
  ) {
    this.index = new SchemaIndex(root);
    this.scopes = new DynamicScopes(this.index);
    this.polarities = refTargetPolarities(root, this.index);
    for (const problem of this.index.problems)
      this.report('error', 'invalid-schema', problem.pointer, problem.message);
  }

  /** Normalizes the root, then every `$ref` target not already normalized on the way. */
  run(): void {
    this.walk(this.root, { pointer: '', depth: 0, scope: 0, polarity: 'permissive' });
    for (let next = this.pending.pop(); next !== undefined; next = this.pending.pop()) {
      const key = scopedKey(next.pointer, next.scope);
      if (this.byPointer.has(key)) continue;
      const tokens = next.pointer === '' ? [] : next.pointer.slice(1).split('/').map(decodeToken);
      const polarity = this.polarities.get(next.pointer) ?? 'permissive';
      this.walk(childAt(this.root, tokens), { ...next, depth: 0, polarity });
    }
  }

  private report(severity: Diagnostic['severity'], code: string, pointer: string, message: string): void {
    this.diagnostics.push({ severity, code, pointer: `${this.settings.basePointer}${pointer}`, message });
  }

  private unsupported(code: string, pointer: string, message: string): void {
    this.report(this.settings.strict ? 'error' : 'warning', code, pointer, message);
  }

  private walk(value: unknown, frame: Frame): JsonSchema {
    // Entering a schema resource (the root, or a node with `$id`) binds its dynamic anchors.
    const scope = this.index.isResource(frame.pointer)
      ? this.scopes.enter(frame.scope, frame.pointer)
      : frame.scope;
    const entered = { ...frame, scope };
    const result = this.normalize(value, entered);
    this.byPointer.set(scopedKey(frame.pointer, scope), result);
    return result;
  }

  private normalize(value: unknown, frame: Frame): JsonSchema {
    if (typeof value === 'boolean') return value;
    if (!isRecord(value)) {
      this.report('error', 'invalid-schema', frame.pointer, notASchema(value));
      return true;
    }
    if (frame.depth > this.settings.maxDepth) {
      if (!this.tooDeepReported) {
        this.tooDeepReported = true;
        this.report(
          'error',
          'too-deep',
          frame.pointer,
          `schema nests deeper than ${this.settings.maxDepth} levels (--max-depth)`,
        );
      }
      return true;
    }
    // A sub-tree shared by identity (possible from JS callers, not from JSON text) is normalized once per
    // depth, scope and polarity.
    const memoKey = `${frame.depth}:${frame.scope}:${frame.polarity}`;
    const seen = this.memo.get(value);
    const known = seen?.get(memoKey);
    if (known !== undefined) return known;
    const result = this.walkNode(value, frame);
    const cache = seen ?? new Map<string, JsonSchema>();
    cache.set(memoKey, result);
    if (seen === undefined) this.memo.set(value, cache);
    return result;
  }

  private walkNode(node: JsonRecord, frame: Frame): JsonSchema {
    const { pointer } = frame;
    const assertions: Record<string, unknown> = {};
    const annotations: Record<string, unknown> = {};
    let nullable = false;
    const refs: Array<{ keyword: '$ref' | '$dynamicRef'; value: string }> = [];
    const sub = (value: unknown, at: string, polarity: Polarity = frame.polarity): JsonSchema =>
      this.walk(value, { pointer: at, depth: frame.depth + 1, scope: frame.scope, polarity });

    for (const [keyword, value] of Object.entries(node)) {
      const at = childPointer(pointer, keyword);
      const vendor = vendorKeywordKind(keyword);
      if (vendor !== undefined) {
        if (vendor === 'nullable' && value === true) nullable = true;
        if (vendor === 'warn') {
          this.report(
            'warning',
            'ignored-vendor-keyword',
            at,
            `vendor keyword ${JSON.stringify(keyword)} is ignored: its content never reaches the generated code`,
          );
        }
        continue;
      }
      if (keyword === '$schema' && typeof value === 'string' && !KNOWN_DIALECT.test(value)) {
        this.report(
          'warning',
          'unknown-dialect',
          at,
          `$schema ${JSON.stringify(value)} is not a dialect this generator knows: the schema is validated as JSON Schema 2020-12 (its vocabularies are not read)`,
        );
      }
      if (SILENT_ANNOTATIONS.has(keyword)) continue;
      const problem = checkKeyword(keyword, value);
      if (problem !== undefined && keyword !== 'items') {
        this.report('error', 'invalid-schema', at, problem);
        continue;
      }
      switch (keyword) {
        case '$id':
        case '$anchor':
        case '$dynamicAnchor':
          // Read by the index: they name this node for `$ref`s and `$dynamicRef`s.
          continue;
        case '$defs':
        case 'definitions':
          // Normalized for their diagnostics and as `$ref` targets; the root's `$defs` is rebuilt from the targets.
          // Each at the polarity of the refs that use it, so what it drops is reported as it acts there.
          for (const [name, item] of Object.entries(value as JsonRecord)) {
            const itemAt = childPointer(at, name);
            sub(item, itemAt, this.polarities.get(itemAt) ?? frame.polarity);
          }
          continue;
        case 'nullable':
          nullable = value === true;
          continue;
        case '$ref':
        case '$dynamicRef':
          refs.push({ keyword, value: value as string });
          continue;
        case 'items':
          this.items(node, value, at, assertions, sub);
          continue;
        case 'additionalItems':
          // Draft-07 tuples: `additionalItems` is 2020-12 `items`; without an array `items` it has no effect.
          if (Array.isArray(node.items) && !Object.hasOwn(node, 'prefixItems'))
            assertions.items = sub(value, at);
          continue;
        case 'dependencies':
          this.dependencies(value as JsonRecord, at, assertions, sub);
          continue;
        case 'minimum':
        case 'maximum':
          // Draft-04 `exclusiveMinimum: true` turns `minimum` into the 2020-12 number `exclusiveMinimum`.
          if (node[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] !== true) {
            assertions[keyword] = value;
          }
          continue;
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
          this.exclusive(node, keyword, value, at, assertions);
          continue;
        case 'not':
          assertions.not = sub(value, at, negate(frame.polarity));
          continue;
        case 'oneOf':
        case 'if':
          // A schema that matches more can make oneOf match twice, or pick the other branch of if.
          assertions[keyword] =
            keyword === 'if'
              ? sub(value, at, 'either')
              : (value as unknown[]).map((item, index) => sub(item, childPointer(at, index), 'either'));
          continue;
        case 'contains':
          assertions.contains = sub(
            value,
            at,
            Object.hasOwn(node, 'maxContains') ? 'either' : frame.polarity,
          );
          continue;
      }
      if (ANNOTATION_KEYWORDS.has(keyword)) {
        setOwn(annotations, keyword, copyJson(value));
      } else if (SUPPORTED_KEYWORDS.has(keyword)) {
        this.assertion(keyword, value, at, assertions, sub, frame.polarity);
      } else if (UNSUPPORTED_KEYWORDS.has(keyword)) {
        this.unsupported(
          'unsupported-keyword',
          at,
          `keyword ${JSON.stringify(keyword)} is not supported and is ignored: ${droppedEffect(frame.polarity)}`,
        );
      } else {
        const what = NOTED_ANNOTATIONS.has(keyword)
          ? 'is an annotation'
          : 'is not a JSON Schema 2020-12 keyword, so it is an annotation';
        this.report(
          'warning',
          'annotation-keyword',
          at,
          `keyword ${JSON.stringify(keyword)} ${what}: it never affects validation and is not kept`,
        );
      }
    }

    if (Array.isArray(assertions.enum) && assertions.enum.length === 0) {
      // ajv refuses `enum: []`; `allOf: [false]` says "nothing is valid" in a form every validator takes.
      delete assertions.enum;
      assertions.allOf = [...((assertions.allOf as JsonSchema[] | undefined) ?? []), false];
    }
    let core = assertions;
    const markers = refs
      .map((ref) => this.refMarker(ref.keyword, ref.value, childPointer(pointer, ref.keyword), frame))
      .filter((marker) => marker !== undefined);
    if (markers.length > 0) {
      // 2020-12 applies the keywords beside `$ref` too: keep them, side by side, under `allOf`.
      // unevaluated* stays on the node itself, so it sees what the `$ref` evaluated too.
      const outer: Record<string, unknown> = {};
      for (const keyword of ['unevaluatedProperties', 'unevaluatedItems']) {
        if (!Object.hasOwn(assertions, keyword)) continue;
        outer[keyword] = assertions[keyword];
        delete assertions[keyword];
      }
      const [first] = markers;
      const rest = Object.keys(assertions).length === 0 ? [] : [assertions];
      core =
        markers.length === 1 && rest.length === 0 && first !== undefined && Object.keys(outer).length === 0
          ? first
          : { allOf: [...markers, ...rest], ...outer };
    }
    if (nullable) core = applyNullable(core);
    const result: Record<string, unknown> = { ...annotations };
    for (const [keyword, value] of Object.entries(core)) result[keyword] = value;
    if (core === assertions || core.$ref === undefined) return result;
    // The marker merged into `result`: the node holding `$ref` is now `result`.
    const refPointer = this.refPointers.get(core);
    if (refPointer !== undefined) this.refPointers.set(result, refPointer);
    return result;
  }

  /** Draft-07 `dependencies`: arrays are 2020-12 `dependentRequired`, schemas `dependentSchemas`. */
  private dependencies(
    value: JsonRecord,
    at: string,
    assertions: Record<string, unknown>,
    sub: (value: unknown, at: string) => JsonSchema,
  ): void {
    const required: Record<string, unknown> = { ...((assertions.dependentRequired as JsonRecord) ?? {}) };
    const schemas: Record<string, unknown> = { ...((assertions.dependentSchemas as JsonRecord) ?? {}) };
    for (const [name, item] of Object.entries(value)) {
      const itemAt = childPointer(at, name);
      if (Array.isArray(item)) {
        if (item.every((entry) => typeof entry === 'string')) setOwn(required, name, [...new Set(item)]);
        else this.report('error', 'invalid-schema', itemAt, 'dependencies arrays must hold property names');
      } else {
        setOwn(schemas, name, sub(item, itemAt));
      }
    }
    if (Object.keys(required).length > 0) assertions.dependentRequired = required;
    if (Object.keys(schemas).length > 0) assertions.dependentSchemas = schemas;
  }

  /** Draft-07 array `items` becomes `prefixItems`; a single schema stays `items`. */
  private items(
    node: JsonRecord,
    value: unknown,
    at: string,
    assertions: Record<string, unknown>,
    sub: (value: unknown, at: string) => JsonSchema,
  ): void {
    if (!Array.isArray(value)) {
      assertions.items = sub(value, at);
      return;
    }
    if (Object.hasOwn(node, 'prefixItems')) {
      this.report('error', 'invalid-schema', at, 'items must be a schema when prefixItems is present');
      return;
    }
    if (value.length > 0)
      assertions.prefixItems = value.map((item, index) => sub(item, childPointer(at, index)));
  }

  /** Draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` become the 2020-12 numbers. */
  private exclusive(
    node: JsonRecord,
    keyword: 'exclusiveMinimum' | 'exclusiveMaximum',
    value: unknown,
    at: string,
    assertions: Record<string, unknown>,
  ): void {
    if (typeof value === 'number') {
      assertions[keyword] = value;
      return;
    }
    if (value !== true) return;
    const bound = node[keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum'];
    if (typeof bound === 'number' && Number.isFinite(bound)) assertions[keyword] = bound;
    else this.report('error', 'invalid-schema', at, `${keyword}: true needs a number beside it`);
  }

  private assertion(
    keyword: string,
    value: unknown,
    at: string,
    assertions: Record<string, unknown>,
    sub: (value: unknown, at: string) => JsonSchema,
    polarity: Polarity,
  ): void {
    if (SCHEMA_KEYWORDS.has(keyword)) {
      assertions[keyword] = sub(value, at);
    } else if (SCHEMA_ARRAY_KEYWORDS.has(keyword)) {
      assertions[keyword] = (value as unknown[]).map((item, index) => sub(item, childPointer(at, index)));
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword)) {
      const map: Record<string, unknown> = { ...((assertions[keyword] as JsonRecord | undefined) ?? {}) };
      for (const [name, item] of Object.entries(value as JsonRecord)) {
        const itemAt = childPointer(at, name);
        if (keyword === 'patternProperties' && !compilesAsPattern(name)) {
          this.report(
            'error',
            'invalid-schema',
            itemAt,
            `patternProperties keys must be regular expressions that compile with new RegExp(key, 'u'), got ${JSON.stringify(name)}`,
          );
          continue;
        }
        setOwn(map, name, sub(item, itemAt));
      }
      assertions[keyword] = map;
    } else if (keyword === 'type') {
      assertions.type = Array.isArray(value) ? [...value] : [value];
    } else if (keyword === 'enum') {
      if ((value as unknown[]).length === 0) {
        this.report('warning', 'empty-enum', at, 'enum is empty: no value is valid here');
      }
      assertions.enum = this.enumMembers(value as unknown[], at);
    } else if (keyword === 'const') {
      if (hasUnsafeInteger(value)) this.unsafeInteger(at);
      assertions.const = copyJson(value);
    } else if (keyword === 'format') {
      // Under `--formats annotate`, format is what 2020-12 makes it by default: an annotation.
      if (this.settings.formats === 'annotate') return;
      if (SUPPORTED_FORMATS.has(value as string)) assertions.format = value;
      else {
        this.unsupported(
          'unsupported-format',
          at,
          `format ${JSON.stringify(value)} is not supported and is not checked: ${droppedEffect(polarity)} (supported: ${[...SUPPORTED_FORMATS].join(', ')})`,
        );
      }
    } else if (keyword === 'dependentRequired') {
      const map: Record<string, unknown> = { ...((assertions.dependentRequired as JsonRecord) ?? {}) };
      for (const [name, names] of Object.entries(value as JsonRecord)) setOwn(map, name, copyJson(names));
      assertions.dependentRequired = map;
    } else {
      assertions[keyword] = copyJson(value);
    }
  }

  private enumMembers(members: readonly unknown[], at: string): unknown[] {
    const { kept, duplicates, unsafe } = distinctMembers(members);
    for (const index of duplicates) {
      this.report(
        'warning',
        'duplicate-enum',
        childPointer(at, index),
        'enum lists this value twice; the duplicate is dropped',
      );
    }
    for (const index of unsafe) this.unsafeInteger(childPointer(at, index));
    return kept;
  }

  private unsafeInteger(at: string): void {
    this.report(
      'warning',
      'unsafe-integer',
      at,
      'an integer beyond Number.MAX_SAFE_INTEGER lost precision when the JSON was parsed; the value is kept as read',
    );
  }

  /**
   * The normal-form `{ $ref }` node for a `$ref` or `$dynamicRef`, or `undefined` (with an error) when it does
   * not resolve inside this document. A `$dynamicRef` whose target declares the same `$dynamicAnchor` goes to
   * the anchor the dynamic scope binds (the outermost resource declaring it), which is static per scope.
   */
  private refMarker(
    keyword: '$ref' | '$dynamicRef',
    ref: string,
    at: string,
    frame: Frame,
  ): Record<string, unknown> | undefined {
    const resolved = this.index.resolve(ref, this.index.baseOf(frame.pointer));
    if (resolved.kind === 'remote') {
      this.report(
        'error',
        'remote-ref',
        at,
        `${keyword} ${JSON.stringify(ref)} leads outside this schema (${resolved.uri}): only references inside the document resolve, never over the network or from disk`,
      );
      return undefined;
    }
    if (resolved.kind === 'malformed') {
      this.report(
        'error',
        'invalid-schema',
        at,
        `${keyword} ${JSON.stringify(ref)} is malformed: ${resolved.reason}`,
      );
      return undefined;
    }
    const tokens =
      resolved.kind === 'local' && resolved.pointer !== ''
        ? resolved.pointer.slice(1).split('/').map(decodeToken)
        : [];
    if (resolved.kind === 'dangling' || childAt(this.root, tokens) === undefined) {
      this.report(
        'error',
        'dangling-ref',
        at,
        `${keyword} ${JSON.stringify(ref)} points at nothing in this schema`,
      );
      return undefined;
    }
    let target = resolved.pointer;
    if (
      keyword === '$dynamicRef' &&
      resolved.anchor !== undefined &&
      this.index.dynamicAnchorAt(target) === resolved.anchor
    ) {
      target = this.scopes.lookup(frame.scope, resolved.anchor) ?? target;
    }
    const scope = this.scopes.enter(frame.scope, this.index.resourceOf(target));
    const key = scopedKey(target, scope);
    if (!this.queued.has(key)) {
      this.queued.add(key);
      this.pending.push({ pointer: target, scope });
    }
    const marker = { $ref: `#${key}` };
    this.refPointers.set(marker, `${this.settings.basePointer}${at}`);
    return marker;
  }
}

/** One RFC 6901 reference token, unescaped. */
function decodeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}
