import { definitionFragments } from './core/emit-definition.js';
import { emitAll, threadsFor } from './core/emit-pool.js';
import type { DefinitionOutput, EmitJob, EmitSettings, GeneratedFile } from './core/types.js';
import { type Diagnostic, failsUnderStrict } from './diagnostics.js';
import { emitZodRuntime } from './emit/emitters.js';
import { banner, DEFAULT_COMMAND } from './emit/module.js';
import { REGISTRY_FILE, renderRegistry } from './emit/registry.js';
import { canonicalJson, sha256 } from './hash.js';
import type { SourcedDefinition } from './load/definition.js';
import { assignNames, type DefinitionNames } from './naming/assign-names.js';
import { compareText } from './order.js';
import type { FormatMode } from './schema/prepared.js';
import { VERSION } from './version.js';

export { PARALLEL_THRESHOLD } from './core/emit-pool.js';
export type { DefinitionOutput, GeneratedFile } from './core/types.js';

/** Per-definition outputs from earlier runs, keyed by {@link cacheKey}; pass the same map each run. */
export type GenerateCache = Map<string, DefinitionOutput>;

/** Options for {@link generate}. */
export interface GenerateOptions {
  /** Warnings fail the run and the schema step reports unsupported keywords as errors. @default false */
  readonly strict?: boolean;
  /** Schema nesting limit handed to the schema step (its own default when absent). */
  readonly maxDepth?: number;
  /** `format` checked (`assert`, the default) or only an annotation (`annotate`). */
  readonly formats?: FormatMode;
  /** Reuse outputs of unchanged definitions (watch mode, or the output manifest of an earlier run). */
  readonly cache?: GenerateCache;
  /**
   * The command every banner names as the way to regenerate the file, as the consumer runs it.
   * @default 'fluid-codegen generate'
   */
  readonly command?: string;
  /**
   * Threads to emit on. By default one below {@link PARALLEL_THRESHOLD} definitions to emit, else
   * every core; the output is byte-identical either way.
   */
  readonly threads?: number;
  /** Stops emitting when aborted; `generate` then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** One definition of a successful or failed run: its name, cache key and output. */
export interface DefinitionRecord {
  readonly name: string;
  readonly source: string;
  /** The input hash: definition, names, generator version and every setting that changes the output. */
  readonly key: string;
  readonly output: DefinitionOutput;
}

/** The output tree (empty when the run failed), every diagnostic, and which definitions were re-emitted. */
export interface GenerateResult {
  readonly ok: boolean;
  readonly files: GeneratedFile[];
  readonly diagnostics: Diagnostic[];
  /** Names of the definitions emitted in this run rather than taken from the cache. */
  readonly emitted: string[];
  /** Every definition with its input hash and output, sorted by name (what the manifest records). */
  readonly definitions: DefinitionRecord[];
}

function byNameThenSource(a: SourcedDefinition, b: SourcedDefinition): number {
  const name = compareText(a.definition.name, b.definition.name);
  return name !== 0 ? name : compareText(a.source, b.source);
}

/**
 * The input hash of one definition under `settings`: what a cached output is looked up by. The
 * source label is not part of it (diagnostics are re-located on reuse), so moving the input folder
 * keeps the cache.
 */
export function cacheKey(hash: string, settings: EmitSettings): string {
  return keyFor(settingsJson(settings))(hash);
}

function settingsJson(settings: EmitSettings): string {
  return canonicalJson({ ...settings, maxDepth: settings.maxDepth ?? null });
}

/**
 * {@link cacheKey} for one run's settings, serialized once: the same text as the canonical JSON of
 * `{ hash, settings }` (keys in order: `hash`, then `settings`).
 */
function keyFor(settings: string): (hash: string) => string {
  return (hash) => sha256(`{"hash":${JSON.stringify(hash)},"settings":${settings}}`);
}

/** Cached outputs by definition name and source bytes (`name`, newline, `sourceSha256`). */
function sourceIndex(cache: GenerateCache | undefined): Map<string, DefinitionOutput> {
  const index = new Map<string, DefinitionOutput>();
  for (const output of cache?.values() ?? []) {
    if (output.source !== undefined) index.set(`${output.source.name}\n${output.source.sha256}`, output);
  }
  return index;
}

/**
 * The input hash of a definition read from the same bytes as one already cached under the same names: the
 * cached output's own (its hash covers the definition, the names and the generator version), so the
 * definition need not be serialized and hashed again. `undefined` when there is none.
 */
function knownHash(
  index: ReadonlyMap<string, DefinitionOutput>,
  item: SourcedDefinition,
  names: DefinitionNames,
): string | undefined {
  if (item.sourceSha256 === undefined) return undefined;
  const output = index.get(`${item.definition.name}\n${item.sourceSha256}`);
  const same =
    output?.file?.path === names.fileName &&
    output.types[0] === `${names.typePrefix}Request` &&
    output.validators[0] === `${names.constPrefix}RequestSchema`;
  return same ? output.hash : undefined;
}

/**
 * `output` as reused for `item`: its diagnostics carry this run's source label, and its source this run's
 * bytes (the file may have changed elsewhere, as a list file does when another of its definitions does).
 */
function relocate(output: DefinitionOutput, item: SourcedDefinition): DefinitionOutput {
  const diagnostics = output.diagnostics.map((diagnostic) => ({
    ...diagnostic,
    file: item.source,
    definition: item.definition.name,
  }));
  const { source: _, ...rest } = output;
  const { sourceSha256 } = item;
  return sourceSha256 === undefined
    ? { ...rest, diagnostics }
    : { ...rest, diagnostics, source: { name: item.definition.name, sha256: sourceSha256 } };
}

/** Names the registry module declares itself. */
const REGISTRY_NAMES = new Set([
  'callbacks',
  'callbackNames',
  'definitions',
  'CallbackName',
  'CallbackTypes',
  'CallbackRequest',
  'CallbackResponse',
  'CallbackDefinitionData',
  'CallbackJsonSchema',
]);

/** Errors for exported names two modules share (the registry re-exports them all from one place). */
function exportCollisions(
  entries: ReadonlyArray<{ item: SourcedDefinition; names: readonly string[] }>,
): Diagnostic[] {
  const owners = new Map<string, SourcedDefinition>();
  const diagnostics: Diagnostic[] = [];
  for (const { item, names } of entries) {
    for (const name of names) {
      if (REGISTRY_NAMES.has(name)) {
        diagnostics.push({
          severity: 'error',
          code: 'name-collision',
          message: `exports ${name}, a name the registry index.ts declares itself`,
          pointer: '',
          file: item.source,
          definition: item.definition.name,
        });
      }
      const owner = owners.get(name);
      if (owner !== undefined && owner !== item) {
        diagnostics.push({
          severity: 'error',
          code: 'name-collision',
          message: `exports ${name}, which ${JSON.stringify(owner.definition.name)} from ${owner.source} also exports`,
          pointer: '',
          file: item.source,
          definition: item.definition.name,
        });
      }
      owners.set(name, item);
    }
  }
  return diagnostics;
}

/**
 * The generator's pure core: callback definitions in, the output tree out (one module per definition,
 * the `index.ts` registry, `_runtime.ts` when a validator needs it). No I/O; the result is the same
 * bytes for the same definitions in any order.
 *
 * @example
 * const { ok, files, diagnostics } = await generate(loaded.definitions, { strict: false });
 */
export async function generate(
  definitions: readonly SourcedDefinition[],
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const sorted = [...definitions].sort(byNameThenSource);
  const assigned = assignNames(sorted);
  const diagnostics: Diagnostic[] = [...assigned.diagnostics];
  if (sorted.length === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'no-definitions',
      message: 'no definitions to generate',
      pointer: '',
    });
  }
  const settings: EmitSettings = {
    strict: options.strict ?? false,
    maxDepth: options.maxDepth,
    formats: options.formats ?? 'assert',
    command: options.command ?? DEFAULT_COMMAND,
  };
  const unchanged = sourceIndex(options.cache);
  const keyOf = keyFor(settingsJson(settings));
  const planned: Array<{ item: SourcedDefinition; names: DefinitionNames; key: string; hash: string }> = [];
  for (const item of sorted) {
    const names = assigned.names.get(item);
    if (names === undefined) continue;
    const hash =
      knownHash(unchanged, item, names) ??
      sha256(canonicalJson({ definition: item.definition, names, version: VERSION }));
    planned.push({ item, names, hash, key: keyOf(hash) });
  }
  const misses = planned.flatMap((plan, index) => (options.cache?.has(plan.key) === true ? [] : [index]));
  const jobs: EmitJob[] = misses.map((index) => {
    const { item, names, hash } = planned[index] as (typeof planned)[number];
    return { item, names, hash, settings };
  });
  const fresh = await emitAll(jobs, threadsFor(jobs.length, options.threads), options.signal);
  const emittedOutputs = new Map<number, DefinitionOutput>();
  misses.forEach((planIndex, jobIndex) => {
    const plan = planned[planIndex];
    const output = fresh[jobIndex];
    if (plan === undefined || output === undefined) return;
    const { definition, sourceSha256 } = plan.item;
    const made =
      sourceSha256 === undefined
        ? output
        : { ...output, source: { name: definition.name, sha256: sourceSha256 } };
    emittedOutputs.set(planIndex, made);
    options.cache?.set(plan.key, made);
  });
  const emitted = misses.map((index) => planned[index]?.item.definition.name ?? '');
  const outputs: Array<{
    item: SourcedDefinition;
    names: DefinitionNames;
    key: string;
    output: DefinitionOutput;
  }> = [];
  planned.forEach(({ item, names, key }, index) => {
    const own = emittedOutputs.get(index);
    const cached = options.cache?.get(key);
    let output = own ?? (cached === undefined ? undefined : relocate(cached, item));
    if (output === undefined) return;
    if (output.registry === undefined && output.file !== undefined) {
      // Reused without its registry parts (not recovered from index.ts): render them once, and keep them.
      const registry = definitionFragments(item, names, output.types);
      output = { ...output, registry };
      if (cached !== undefined) options.cache?.set(key, { ...cached, registry });
    }
    diagnostics.push(...output.diagnostics);
    outputs.push({ item, names, key, output });
  });
  const records: DefinitionRecord[] = outputs.map(({ item, key, output }) => ({
    name: item.definition.name,
    source: item.source,
    key,
    output,
  }));
  diagnostics.push(
    ...exportCollisions(
      outputs.map(({ item, output }) => ({
        item,
        names: [...output.types, ...output.validators],
      })),
    ),
  );
  const failed =
    diagnostics.some((diagnostic) => diagnostic.severity === 'error') ||
    (settings.strict && diagnostics.some(failsUnderStrict));
  if (failed) return { ok: false, files: [], diagnostics, emitted, definitions: records };

  const files: GeneratedFile[] = [];
  for (const { output } of outputs) if (output.file !== undefined) files.push(output.file);
  const fragments = outputs.flatMap(({ output }) => (output.registry === undefined ? [] : [output.registry]));
  const inputHash = sha256(outputs.map(({ output }) => output.hash).join('\n'));
  files.push({ path: REGISTRY_FILE, contents: renderRegistry(fragments, inputHash, settings.command) });
  if (outputs.some(({ output }) => output.runtime.size > 0)) {
    const runtime = emitZodRuntime();
    files.push({ path: '_runtime.ts', contents: `${banner(sha256(runtime), settings.command)}${runtime}` });
  }
  files.sort((a, b) => compareText(a.path, b.path));
  return { ok: true, files, diagnostics, emitted, definitions: records };
}
