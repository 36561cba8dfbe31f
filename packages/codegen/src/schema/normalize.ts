import { childPointer, type Diagnostic } from '../diagnostics.js';
import {
  checkKeyword,
  compilesAsPattern,
  notASchema,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
} from './check-keywords.js';
import { distinctMembers } from './enum-members.js';
import { copyJson, hasUnsafeInteger, isRecord, type JsonRecord, setOwn } from './json.js';
import { SILENT_ANNOTATIONS, vendorKeywordKind } from './keyword-kinds.js';
import { applyNullable } from './nullable.js';
import { childAt, encodePointer, parseRef, underNestedId } from './pointer.js';
import { ANNOTATION_KEYWORDS, type JsonSchema, SUPPORTED_FORMATS, SUPPORTED_KEYWORDS } from './prepared.js';

/** Settings of one normalization run. */
export interface NormalizeSettings {
  /** Pointer of the document root inside the callback definition, prefixed to diagnostics. */
  readonly basePointer: string;
  readonly strict: boolean;
  readonly maxDepth: number;
}

/**
 * Rewrites one schema document into the normal form, node by node, and records what the later steps need:
 * the normal form of every node by its pointer (so a `$ref` target is normalized once) and the `$ref`s found.
 * Inside the normal form a `$ref` holds a placeholder, `#` plus the target's canonical pointer, that
 * `prepareSchema` rewrites once the definitions are named.
 */
export class Normalizer {
  readonly diagnostics: Diagnostic[] = [];
  /** Normal form of each normalized node, by its pointer relative to the document root (`''` is the root). */
  readonly byPointer = new Map<string, JsonSchema>();
  /** Absolute pointer of each `$ref` written into the normal form, by the node that holds it. */
  readonly refPointers = new Map<JsonRecord, string>();
  private readonly pending: Array<readonly string[]> = [];
  private readonly queued = new Set<string>();
  private readonly memo = new WeakMap<object, { readonly key: number; readonly result: JsonSchema }>();
  private tooDeepReported = false;

  constructor(
    private readonly root: unknown,
    private readonly settings: NormalizeSettings,
  ) {}

  /** Normalizes the root, then every `$ref` target not already normalized on the way. */
  run(): void {
    this.walk(this.root, '', 0, false);
    for (let tokens = this.pending.pop(); tokens !== undefined; tokens = this.pending.pop()) {
      const pointer = encodePointer(tokens);
      if (this.byPointer.has(pointer)) continue;
      this.walk(childAt(this.root, tokens), pointer, 0, underNestedId(this.root, tokens));
    }
  }

  private report(severity: Diagnostic['severity'], code: string, pointer: string, message: string): void {
    this.diagnostics.push({ severity, code, pointer: `${this.settings.basePointer}${pointer}`, message });
  }

  private unsupported(code: string, pointer: string, message: string): void {
    this.report(this.settings.strict ? 'error' : 'warning', code, pointer, message);
  }

  private walk(value: unknown, pointer: string, depth: number, scoped: boolean): JsonSchema {
    const result = this.normalize(value, pointer, depth, scoped);
    this.byPointer.set(pointer, result);
    return result;
  }

  private normalize(value: unknown, pointer: string, depth: number, scoped: boolean): JsonSchema {
    if (typeof value === 'boolean') return value;
    if (!isRecord(value)) {
      this.report('error', 'invalid-schema', pointer, notASchema(value));
      return true;
    }
    if (depth > this.settings.maxDepth) {
      if (!this.tooDeepReported) {
        this.tooDeepReported = true;
        this.report(
          'error',
          'too-deep',
          pointer,
          `schema nests deeper than ${this.settings.maxDepth} levels (--max-depth)`,
        );
      }
      return true;
    }
    // A sub-tree shared by identity (possible from JS callers, not from JSON text) is normalized once per depth.
    const memoKey = depth * 2 + (scoped ? 1 : 0);
    const seen = this.memo.get(value);
    if (seen?.key === memoKey) return seen.result;
    const result = this.walkNode(value, pointer, depth, scoped);
    if (seen === undefined) this.memo.set(value, { key: memoKey, result });
    return result;
  }

  private walkNode(node: JsonRecord, pointer: string, depth: number, outerScoped: boolean): JsonSchema {
    // A nested `$id` changes the base URI its `$ref`s resolve against, which only a resolver with I/O could follow.
    const scoped = outerScoped || (pointer !== '' && Object.hasOwn(node, '$id'));
    const assertions: Record<string, unknown> = {};
    const annotations: Record<string, unknown> = {};
    let nullable = false;
    let ref: string | undefined;
    const sub = (value: unknown, at: string): JsonSchema => this.walk(value, at, depth + 1, scoped);

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
      if (SILENT_ANNOTATIONS.has(keyword)) continue;
      const problem = checkKeyword(keyword, value);
      if (problem !== undefined && keyword !== 'items') {
        this.report('error', 'invalid-schema', at, problem);
        continue;
      }
      switch (keyword) {
        case '$id':
          if (pointer !== '') {
            this.unsupported(
              'unsupported-keyword',
              at,
              'keyword "$id" below the root is not supported and is ignored; $refs under it cannot resolve',
            );
          }
          continue;
        case '$defs':
        case 'definitions':
          // Normalized for their diagnostics and as `$ref` targets; the root's `$defs` is rebuilt from the targets.
          for (const [name, item] of Object.entries(value as JsonRecord)) sub(item, childPointer(at, name));
          continue;
        case 'nullable':
          nullable = value === true;
          continue;
        case '$ref':
          ref = value as string;
          continue;
        case 'items':
          this.items(node, value, at, assertions, sub);
          continue;
        case 'additionalItems':
          // Draft-07 tuples: `additionalItems` is 2020-12 `items`; without an array `items` it has no effect.
          if (Array.isArray(node.items) && !Object.hasOwn(node, 'prefixItems'))
            assertions.items = sub(value, at);
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
      }
      if (ANNOTATION_KEYWORDS.has(keyword)) {
        setOwn(annotations, keyword, copyJson(value));
      } else if (SUPPORTED_KEYWORDS.has(keyword)) {
        this.assertion(keyword, value, at, assertions, sub);
      } else {
        this.unsupported(
          'unsupported-keyword',
          at,
          `keyword ${JSON.stringify(keyword)} is not supported and is ignored: validation is more permissive here`,
        );
      }
    }

    if (Array.isArray(assertions.enum) && assertions.enum.length === 0) {
      // ajv refuses `enum: []`; `allOf: [false]` says "nothing is valid" in a form every validator takes.
      delete assertions.enum;
      assertions.allOf = [...((assertions.allOf as JsonSchema[] | undefined) ?? []), false];
    }
    let core = assertions;
    if (ref !== undefined) {
      const marker = this.refMarker(ref, childPointer(pointer, '$ref'), scoped);
      if (marker !== undefined) {
        // 2020-12 applies the keywords beside `$ref` too: keep them, side by side, under `allOf`.
        core = Object.keys(assertions).length === 0 ? marker : { allOf: [marker, assertions] };
      }
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
  ): void {
    if (SCHEMA_KEYWORDS.has(keyword)) {
      assertions[keyword] = sub(value, at);
    } else if (SCHEMA_ARRAY_KEYWORDS.has(keyword)) {
      assertions[keyword] = (value as unknown[]).map((item, index) => sub(item, childPointer(at, index)));
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword)) {
      const map: Record<string, unknown> = {};
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
    } else if (keyword === 'format' && !SUPPORTED_FORMATS.has(value as string)) {
      this.unsupported(
        'unsupported-format',
        at,
        `format ${JSON.stringify(value)} is not supported and is ignored: validation is more permissive here (supported: ${[...SUPPORTED_FORMATS].join(', ')})`,
      );
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

  /** The normal-form `{ $ref }` node for a `$ref`, or `undefined` (with an error) when it does not resolve locally. */
  private refMarker(ref: string, at: string, scoped: boolean): Record<string, unknown> | undefined {
    const parsed = parseRef(ref);
    if (parsed.kind === 'remote' || scoped) {
      const why = scoped ? 'it sits under a nested $id, which changes the base it resolves against' : '';
      this.report(
        'error',
        'remote-ref',
        at,
        `only local refs ("#" or "#/...") resolve, and never over the network or from disk: ${JSON.stringify(ref)}${why === '' ? '' : ` (${why})`}`,
      );
      return undefined;
    }
    if (parsed.kind === 'malformed') {
      this.report(
        'error',
        'invalid-schema',
        at,
        `$ref ${JSON.stringify(ref)} is not a JSON pointer: ${parsed.reason}`,
      );
      return undefined;
    }
    if (childAt(this.root, parsed.tokens) === undefined) {
      this.report(
        'error',
        'dangling-ref',
        at,
        `$ref ${JSON.stringify(ref)} points at nothing in this schema`,
      );
      return undefined;
    }
    const target = encodePointer(parsed.tokens);
    if (!this.queued.has(target)) {
      this.queued.add(target);
      this.pending.push(parsed.tokens);
    }
    const marker = { $ref: `#${target}` };
    this.refPointers.set(marker, `${this.settings.basePointer}${at}`);
    return marker;
  }
}
