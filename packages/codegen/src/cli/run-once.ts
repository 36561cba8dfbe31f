import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import { type GenerateCache, generate } from '../generate.js';
import type { SourcedDefinition } from '../load/definition.js';
import { diffTree, isCurrent } from '../write/diff-tree.js';
import { withManifest } from '../write/manifest.js';
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
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
}

/**
 * One generation: definitions in, then either the out folder written atomically or (with `--check`)
 * compared. Returns the exit code and which definitions were re-emitted.
 */
export async function runOnce(
  loaded: Loaded,
  options: GenerateCommandOptions,
  outDir: string,
  io: CliIo,
  cache: GenerateCache,
): Promise<{ code: number; emitted: string[] }> {
  printDiagnostics(io, loaded.diagnostics);
  const loadFailed =
    loaded.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ||
    (options.strict && loaded.diagnostics.length > 0);
  if (loadFailed) {
    io.stderr.write(`fluid-codegen: invalid input; ${options.out} left unchanged\n`);
    return { code: 1, emitted: [] };
  }
  const result = await generate(loaded.definitions, {
    strict: options.strict,
    formats: options.formats,
    cache,
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
    const diff = await diffTree(outDir, withManifest(result.files));
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
    io.stderr.write(
      `fluid-codegen: ${options.out} is out of date; run \`pnpm generate\` (fluid-codegen generate without --check)\n`,
    );
    return { code: 1, emitted: result.emitted };
  }
  const summary = await writeTree(outDir, result.files);
  io.stdout.write(
    summary.changed
      ? `fluid-codegen: wrote ${summary.written.length} and removed ${summary.removed.length} file(s) in ${options.out}\n`
      : `fluid-codegen: ${options.out} already up to date\n`,
  );
  return { code: 0, emitted: result.emitted };
}
