import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import type { FileIdentity } from '../file-identity.js';
import { type DefinitionRecord, type GenerateCache, generate } from '../generate.js';
import type { SourcedDefinition } from '../load/definition.js';
import { diffTree, isCurrent } from '../write/diff-tree.js';
import { moduleSha256, withManifest } from '../write/manifest.js';
import { loadManifestCache, type ManifestCache } from '../write/manifest-cache.js';
import type { ModuleRecord } from '../write/stat-cache.js';
import { writeTree } from '../write/write-tree.js';
import type { GenerateCommandOptions } from './args.js';

/** Where the CLI writes; `process.stdout`/`process.stderr` by default. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Relative paths resolve from here. @default process.cwd() */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Stops `--watch` when aborted. */
  readonly signal?: AbortSignal;
}

/** Definitions from wherever the command reads them, with the loader's diagnostics. */
export interface Loaded {
  readonly definitions: SourcedDefinition[];
  readonly diagnostics: Diagnostic[];
  /** What the stat cache says about the output folder, when the run may take files on trust. */
  readonly stat?: StatSession;
}

/** The stat cache's part in one run (see `write/stat-cache.ts`). */
export interface StatSession {
  /** Modules of the output folder the stat cache vouches for. */
  readonly modules: ReadonlyMap<string, ModuleRecord>;
  /** Keeps what the run learned about its inputs and these modules for the next run, once the output is written. */
  remember(modules: ReadonlyMap<string, ModuleRecord>): void;
}

/** The modules of the written folder a later run may know by their identity, with the hash each must have. */
function moduleRecords(
  definitions: readonly DefinitionRecord[],
  settled: ReadonlyMap<string, FileIdentity>,
): Map<string, ModuleRecord> {
  const records = new Map<string, ModuleRecord>();
  for (const { output } of definitions) {
    const identity = output.file === undefined ? undefined : settled.get(output.file.path);
    if (output.file === undefined || identity === undefined) continue;
    records.set(output.file.path, { identity, sha256: moduleSha256(output.file, output.fileSha256) });
  }
  return records;
}

/** What stopped the load, in words: a failure to pull from the API is not "invalid input". */
function loadFailure(diagnostics: readonly Diagnostic[]): string {
  const codes = new Set(diagnostics.filter((item) => item.severity === 'error').map((item) => item.code));
  if (codes.has('api-network')) return 'network failure while reading definitions from the API';
  if (codes.has('api-auth')) return 'the API refused the token';
  if (codes.has('api-response') || codes.has('api-shape')) return 'bad response from the API';
  if (codes.has('api-error') || codes.has('api-pagination')) return 'the API failed';
  return 'invalid input';
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
}

/** What one run needs besides the options: where it writes and the command banners name. */
export interface RunTarget {
  readonly outDir: string;
  /** The `fluid-codegen generate …` line that remakes the folder, as the consumer runs it. */
  readonly command: string;
  /** Folders the output must not be or hold (the input). */
  readonly protect: readonly string[];
  /** Stops the run before it writes (SIGINT, SIGTERM). */
  readonly signal?: AbortSignal;
}

/**
 * One generation: definitions in, then either the out folder written atomically or (with `--check`)
 * compared. A write reuses every definition whose input hash the output manifest already records
 * (unless `--force`); `--check` always emits everything, so it never trusts what it checks. Returns
 * the exit code and which definitions were re-emitted.
 */
export async function runOnce(
  loaded: Loaded,
  options: GenerateCommandOptions,
  target: RunTarget,
  io: CliIo,
  cache: GenerateCache,
): Promise<{ code: number; emitted: string[] }> {
  const { outDir, command } = target;
  printDiagnostics(io, loaded.diagnostics);
  const loadFailed =
    loaded.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ||
    (options.strict && loaded.diagnostics.length > 0);
  if (loadFailed) {
    io.stderr.write(`fluid-codegen: ${loadFailure(loaded.diagnostics)}; ${options.out} left unchanged\n`);
    return { code: 1, emitted: [] };
  }
  let known: ManifestCache['known'] | undefined;
  if (!options.check && !options.force && cache.size === 0) {
    const previous = await loadManifestCache(outDir, loaded.stat?.modules);
    for (const [key, output] of previous.cache) cache.set(key, output);
    known = previous.known;
  }
  const result = await generate(loaded.definitions, {
    strict: options.strict,
    formats: options.formats,
    command,
    cache: options.check ? new Map() : cache,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(target.signal === undefined ? {} : { signal: target.signal }),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
  });
  printDiagnostics(io, result.diagnostics);
  if (!result.ok) {
    const why = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
      ? 'errors'
      : 'warnings (--strict)';
    io.stderr.write(`fluid-codegen: generation failed with ${why}; ${options.out} left unchanged\n`);
    return { code: 1, emitted: result.emitted };
  }
  if (options.check) {
    const diff = await diffTree(outDir, withManifest(result.files, result.definitions));
    if (isCurrent(diff)) {
      io.stdout.write(`fluid-codegen: ${options.out} is up to date\n`);
      return { code: 0, emitted: result.emitted };
    }
    for (const [label, paths] of [
      ['stale', diff.stale],
      ['missing', diff.missing],
      ['extra', diff.extra],
      ['not ours', diff.conflicts],
    ] as const) {
      for (const path of paths) io.stderr.write(`${label}: ${options.out}/${path}\n`);
    }
    io.stderr.write(`fluid-codegen: ${options.out} is out of date; run \`${command}\`\n`);
    return { code: 1, emitted: result.emitted };
  }
  const summary = await writeTree(outDir, result.files, {
    definitions: result.definitions,
    protect: target.protect,
    ...(known === undefined ? {} : { known }),
    ...(target.signal === undefined ? {} : { signal: target.signal }),
  });
  loaded.stat?.remember(moduleRecords(result.definitions, summary.settled));
  io.stdout.write(
    summary.changed
      ? `fluid-codegen: wrote ${summary.written.length} and removed ${summary.removed.length} file(s) in ${options.out}\n`
      : `fluid-codegen: ${options.out} already up to date\n`,
  );
  return { code: 0, emitted: result.emitted };
}
