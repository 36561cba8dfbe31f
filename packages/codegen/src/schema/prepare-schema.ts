import type { Diagnostic } from '../diagnostics.js';
import { compareText } from '../order.js';
import { isRecord, type JsonRecord } from './json.js';
import { nameDefinitions } from './name-definitions.js';
import { Normalizer, pointerOfKey } from './normalize.js';
import {
  ANNOTATION_KEYWORDS,
  type JsonSchema,
  type PreparedSchema,
  type PrepareOptions,
  type SchemaDefinition,
} from './prepared.js';
import { nodesOnCycles, refNodes } from './ref-graph.js';

const DEFAULT_MAX_DEPTH = 100;

/** The target of a normal-form `$ref` placeholder (`#` plus the target's pointer), as that pointer. */
function targetOf(node: JsonRecord): string {
  return (node.$ref as string).slice(1);
}

/** A node that only points elsewhere: `$ref` plus annotations. */
function isAlias(schema: JsonSchema | undefined): schema is JsonRecord {
  return (
    isRecord(schema) &&
    typeof schema.$ref === 'string' &&
    Object.keys(schema).every((key) => key === '$ref' || ANNOTATION_KEYWORDS.has(key))
  );
}

/** Follows alias chains (`A: { $ref: B }`) to the schema they end at; `undefined` on a cycle of aliases. */
function finalTarget(pointer: string, byPointer: ReadonlyMap<string, JsonSchema>): string | undefined {
  const visited = new Set<string>();
  let current = pointer;
  for (let schema = byPointer.get(current); isAlias(schema); schema = byPointer.get(current)) {
    if (visited.has(current)) return undefined;
    visited.add(current);
    current = targetOf(schema);
  }
  return current;
}

/** The pointers reachable from the root through `$ref`, and each node's outgoing refs (all, and in-place only). */
function refGraph(byPointer: ReadonlyMap<string, JsonSchema>) {
  const all = new Map<string, string[]>();
  const inPlace = new Map<string, JsonRecord[]>();
  const queue = [''];
  for (let pointer = queue.pop(); pointer !== undefined; pointer = queue.pop()) {
    if (all.has(pointer)) continue;
    const schema = byPointer.get(pointer) ?? true;
    const targets = [...new Set(refNodes(schema, false).map(targetOf))];
    all.set(pointer, targets);
    inPlace.set(pointer, refNodes(schema, true));
    queue.push(...targets);
  }
  return { all, inPlace };
}

/**
 * Errors for cycles of `$ref`s that never descend into the instance (`A: { $ref: A }`, `A → B → A`,
 * `{ $ref: '#' }` at the root, `A: { anyOf: [{ $ref: A }, …] }`): validating them would never end.
 */
function degenerateCycles(
  inPlace: ReadonlyMap<string, readonly JsonRecord[]>,
  refPointers: ReadonlyMap<JsonRecord, string>,
): Diagnostic[] {
  const edges = new Map([...inPlace].map(([pointer, nodes]) => [pointer, nodes.map(targetOf)]));
  return nodesOnCycles([...inPlace.keys()], edges).map((component) => {
    const members = new Set(component);
    const where = component
      .flatMap((pointer) => (inPlace.get(pointer) ?? []).filter((node) => members.has(targetOf(node))))
      .map((node) => refPointers.get(node) ?? '')
      .sort()[0] as string;
    return {
      severity: 'error',
      code: 'circular-ref',
      pointer: where,
      message: `circular reference without structure at ${where === '' ? '/' : where}: the $refs lead back to the same instance without descending into it`,
    };
  });
}

/** Replaces every `$ref` placeholder in the normal form with `#` or `#/$defs/<suffix>`. */
function rewriteRefs(
  schemas: readonly JsonSchema[],
  byPointer: ReadonlyMap<string, JsonSchema>,
  suffixes: ReadonlyMap<string, string>,
): void {
  // Resolve every placeholder before changing any: alias chains are followed through the placeholders.
  const resolved = new Map<JsonRecord, string>();
  for (const schema of schemas) {
    for (const node of refNodes(schema, false)) {
      if (resolved.has(node)) continue;
      const target = finalTarget(targetOf(node), byPointer);
      const suffix = target === undefined ? undefined : suffixes.get(target);
      resolved.set(node, suffix === undefined ? '#' : `#/$defs/${suffix}`);
    }
  }
  for (const [node, ref] of resolved) (node as Record<string, unknown>).$ref = ref;
}

/**
 * The schema step: checks a definition's `request_schema` or `response_schema` like the draft 2020-12
 * meta-schema would, reports unsupported and vendor keywords, resolves local `$ref`s only (no I/O at all),
 * names every reachable `$ref` target, marks recursion and rewrites the schema into the normal form the
 * emitters read (see {@link PreparedSchema}). Never throws and never mutates `input`.
 *
 * @example
 * const prepared = prepareSchema(definition.request_schema, { pointer: '/request_schema' });
 * if (prepared.diagnostics.some((d) => d.severity === 'error')) return;
 */
export function prepareSchema(input: unknown, options: PrepareOptions): PreparedSchema {
  const normalizer = new Normalizer(input, {
    basePointer: options.pointer,
    strict: options.strict ?? false,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    formats: options.formats ?? 'assert',
  });
  try {
    normalizer.run();
  } catch (error) {
    // The depth limit keeps recursion short; a huge --max-depth could still exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    return {
      schema: true,
      definitions: new Map(),
      rootRecursive: false,
      pointer: options.pointer,
      diagnostics: [
        ...normalizer.diagnostics,
        {
          severity: 'error',
          code: 'too-deep',
          pointer: options.pointer,
          message: 'schema nests too deeply to process; lower --max-depth',
        },
      ],
    };
  }
  const { byPointer, refPointers } = normalizer;
  const diagnostics: Diagnostic[] = [...normalizer.diagnostics];
  const { all, inPlace } = refGraph(byPointer);
  diagnostics.push(...degenerateCycles(inPlace, refPointers));

  const targets = new Set<string>();
  for (const pointer of all.keys()) {
    const target = pointer === '' ? undefined : finalTarget(pointer, byPointer);
    if (target !== undefined && target !== '') targets.add(target);
  }
  const suffixes = nameDefinitions(targets, pointerOfKey);
  const recursive = new Set(nodesOnCycles([...all.keys()], all).flat());
  const root = byPointer.get('') ?? true;
  const ordered = [...suffixes].sort(([, a], [, b]) => compareText(a, b));
  rewriteRefs([root, ...ordered.map(([pointer]) => byPointer.get(pointer) ?? true)], byPointer, suffixes);

  const definitions = new Map<string, SchemaDefinition>();
  const $defs: Record<string, JsonSchema> = {};
  for (const [pointer, suffix] of ordered) {
    definitions.set(suffix, {
      suffix,
      recursive: recursive.has(pointer),
      pointer: `${options.pointer}${pointerOfKey(pointer)}`,
    });
    $defs[suffix] = byPointer.get(pointer) ?? true;
  }
  const schema = isRecord(root) && definitions.size > 0 ? { ...root, $defs } : root;
  return { schema, definitions, rootRecursive: recursive.has(''), pointer: options.pointer, diagnostics };
}
