import { type Diagnostic, failsUnderStrict } from './diagnostics.js';
import { emitTypes, emitZod, emitZodRuntime, type PreparedSchema, prepareSchema } from './emit/emitters.js';
import { banner, renderModule } from './emit/module.js';
import { type RegistryEntry, renderRegistry } from './emit/registry.js';
import { stripVendorKeywords } from './emit/strip-vendor.js';
import { canonicalJson, sha256 } from './hash.js';
import { checkExample } from './load/check-example.js';
import type { CallbackDefinition, SourcedDefinition } from './load/definition.js';
import { assignNames, type DefinitionNames } from './naming/assign-names.js';
import type { FormatMode } from './schema/prepared.js';
import { VERSION } from './version.js';

/** One file of output, its path relative to the output folder (forward slashes). */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

/** What one definition turned into; cached by hash so watch mode skips unchanged definitions. */
export interface DefinitionOutput {
  readonly hash: string;
  readonly file: GeneratedFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly runtime: ReadonlySet<string>;
  /** Every type the module exports, root types first. */
  readonly types: readonly string[];
  /** Every validator the module exports. */
  readonly validators: readonly string[];
}

/** Per-definition outputs from earlier runs, keyed by definition, settings and source; pass the same map each run. */
export type GenerateCache = Map<string, DefinitionOutput>;

/** Options for {@link generate}. */
export interface GenerateOptions {
  /** Warnings fail the run and the schema step reports unsupported keywords as errors. @default false */
  readonly strict?: boolean;
  /** Schema nesting limit handed to the schema step (its own default when absent). */
  readonly maxDepth?: number;
  /** `format` checked (`assert`, the default) or only an annotation (`annotate`). */
  readonly formats?: FormatMode;
  /** Reuse outputs of unchanged definitions (watch mode). */
  readonly cache?: GenerateCache;
}

/** The output tree (empty when the run failed), every diagnostic, and which definitions were re-emitted. */
export interface GenerateResult {
  readonly ok: boolean;
  readonly files: GeneratedFile[];
  readonly diagnostics: Diagnostic[];
  /** Names of the definitions emitted in this run rather than taken from the cache. */
  readonly emitted: string[];
}

const DIRECTIONS = [
  { key: 'request_schema', suffix: 'Request', pointer: '/request_schema' },
  { key: 'response_schema', suffix: 'Response', pointer: '/response_schema' },
] as const;

function byNameThenSource(a: SourcedDefinition, b: SourcedDefinition): number {
  const name = compare(a.definition.name, b.definition.name);
  return name !== 0 ? name : compare(a.source, b.source);
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function rootDescription(definition: CallbackDefinition, direction: 'Request' | 'Response'): string {
  const lead =
    direction === 'Request'
      ? `Request body Fluid sends for the \`${definition.name}\` callback.`
      : `Response body a service returns for the \`${definition.name}\` callback.`;
  return definition.description === null ? lead : `${lead}\n\n${definition.description}`;
}

/** Suffixes of a prepared schema's named definitions, sorted. */
function suffixesOf(prepared: PreparedSchema): string[] {
  return [...prepared.definitions.values()].map((entry) => entry.suffix).sort(compare);
}

async function emitDefinition(
  item: SourcedDefinition,
  names: DefinitionNames,
  options: GenerateOptions,
  hash: string,
): Promise<DefinitionOutput> {
  const { definition } = item;
  const locate = (diagnostic: Diagnostic): Diagnostic => ({
    ...diagnostic,
    file: diagnostic.file ?? item.source,
    definition: diagnostic.definition ?? definition.name,
  });
  const diagnostics: Diagnostic[] = [];
  const sections: string[] = [];
  const runtime = new Set<string>();
  const types: string[] = [];
  const validators: string[] = [];
  let failed = false;
  for (const direction of DIRECTIONS) {
    const prepared = prepareSchema(definition[direction.key], {
      pointer: direction.pointer,
      ...(options.strict === undefined ? {} : { strict: options.strict }),
      ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
      ...(options.formats === undefined ? {} : { formats: options.formats }),
    });
    diagnostics.push(...prepared.diagnostics.map(locate));
    if (prepared.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
      failed = true;
      continue;
    }
    const typeName = `${names.typePrefix}${direction.suffix}`;
    const emittedTypes = await emitTypes(prepared, {
      typeName,
      pointer: direction.pointer,
      description: rootDescription(definition, direction.suffix),
      ...(direction.suffix === 'Response' && definition.example_response !== null
        ? { example: definition.example_response }
        : {}),
    });
    const constPrefix = `${names.constPrefix}${direction.suffix}`;
    const emittedZod = emitZod(prepared, {
      constName: `${constPrefix}Schema`,
      typeName,
      pointer: direction.pointer,
    });
    diagnostics.push(...emittedTypes.diagnostics.map(locate), ...emittedZod.diagnostics.map(locate));
    for (const helper of emittedZod.runtime) runtime.add(helper);
    sections.push(emittedTypes.code, emittedZod.code);
    const suffixes = suffixesOf(prepared);
    types.push(typeName, ...suffixes.map((suffix) => `${typeName}${suffix}`));
    validators.push(`${constPrefix}Schema`, ...suffixes.map((suffix) => `${constPrefix}${suffix}Schema`));
  }
  if (!failed) diagnostics.push(...checkExample(item, options.strict ?? false));
  failed ||= diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const file = failed
    ? undefined
    : { path: names.fileName, contents: renderModule({ hash, runtime, sections }) };
  return { hash, file, diagnostics, runtime, types, validators };
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
  const outputs: Array<{ item: SourcedDefinition; names: DefinitionNames; output: DefinitionOutput }> = [];
  const emitted: string[] = [];
  const settings = {
    strict: options.strict ?? false,
    maxDepth: options.maxDepth ?? null,
    formats: options.formats ?? 'assert',
    version: VERSION,
  };
  for (const item of sorted) {
    const names = assigned.names.get(item);
    if (names === undefined) continue;
    const hash = sha256(canonicalJson({ definition: item.definition, names, version: VERSION }));
    // Diagnostics carry the source label, so a cached output is reused only for the same source.
    const cacheKey = sha256(canonicalJson({ hash, settings, source: item.source }));
    let output = options.cache?.get(cacheKey);
    if (output === undefined) {
      output = await emitDefinition(item, names, options, hash);
      options.cache?.set(cacheKey, output);
      emitted.push(item.definition.name);
    }
    diagnostics.push(...output.diagnostics);
    outputs.push({ item, names, output });
  }
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
  if (failed) return { ok: false, files: [], diagnostics, emitted };

  const files: GeneratedFile[] = [];
  const entries: RegistryEntry[] = [];
  for (const { item, names, output } of outputs) {
    if (output.file !== undefined) files.push(output.file);
    const { definition } = item;
    entries.push({
      names,
      types: output.types,
      definition: {
        ...definition,
        request_schema: stripVendorKeywords(definition.request_schema),
        response_schema: stripVendorKeywords(definition.response_schema),
      },
    });
  }
  const inputHash = sha256(outputs.map(({ output }) => output.hash).join('\n'));
  files.push({ path: 'index.ts', contents: renderRegistry(entries, inputHash) });
  if (outputs.some(({ output }) => output.runtime.size > 0)) {
    const runtime = emitZodRuntime();
    files.push({ path: '_runtime.ts', contents: `${banner(sha256(runtime))}${runtime}` });
  }
  files.sort((a, b) => compare(a.path, b.path));
  return { ok: true, files, diagnostics, emitted };
}
