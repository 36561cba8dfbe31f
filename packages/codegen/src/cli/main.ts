import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FileChangedError, isCodegenError } from '../errors/codegen-error.js';
import type { GenerateCache } from '../generate.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { loadRecorded } from '../load/load-definitions.js';
import { VERSION } from '../version.js';
import { MANIFEST_NAME } from '../write/manifest.js';
import { realTarget } from '../write/out-folder.js';
import { readStatCache, writeStatCache } from '../write/stat-cache.js';
import { type GenerateCommandOptions, HELP, parseCommand, UsageError } from './args.js';
import { diffCommand } from './diff-command.js';
import { loadFromApi } from './from-api.js';
import { regenerateCommand } from './regenerate-command.js';
import { type CliIo, type Loaded, type RunTarget, runOnce, type StatSession } from './run-once.js';
import { watchInput } from './watch.js';

export type { CliIo } from './run-once.js';

/**
 * The definitions the command generates from. From files, a write that reuses outputs (no `--check`, no
 * `--force`) takes each file whose stats match the stat cache beside the output folder from the cache
 * (`trust`), and keeps what it learned there once the output is written.
 */
async function load(
  options: GenerateCommandOptions,
  io: CliIo,
  cwd: string,
  outDir: string,
  trust: boolean,
): Promise<Loaded> {
  if (options.fromApi || options.input === undefined) return loadFromApi(options, io, cwd);
  const depth = DEFAULT_LIMITS.maxJsonDepth;
  const reuse = !options.check && !options.force;
  // The folder the writer writes (a symlinked --out followed), so the cache sits beside its lock.
  const folder = reuse ? await realTarget(outDir).catch(() => undefined) : undefined;
  // Without a manifest no output is reused, so every definition is needed: the run reads them as a cold one does.
  const manifest =
    folder === undefined ? undefined : statSync(join(folder, MANIFEST_NAME), { throwIfNoEntry: false });
  const previous =
    folder !== undefined && trust && manifest?.isFile() === true ? readStatCache(folder, depth) : undefined;
  const loaded = await loadRecorded(
    options.input,
    {
      cwd,
      limits: {
        ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
        ...(options.maxDefinitions === undefined ? {} : { maxDefinitions: options.maxDefinitions }),
      },
    },
    previous?.inputs,
  );
  const { definitions, diagnostics, records } = loaded;
  if (folder === undefined) return { definitions, diagnostics };
  const stat: StatSession = {
    modules: previous?.modules ?? new Map(),
    remember: (modules) => writeStatCache(folder, previous, records, modules, depth),
  };
  return { definitions, diagnostics, stat };
}

/**
 * One run; made again reading every file when a file changed while the run took it from the stat cache (its
 * stats matched, its bytes no longer did), so the output is always what the files now hold.
 */
async function run(
  options: GenerateCommandOptions,
  io: CliIo,
  cwd: string,
  target: RunTarget,
  cache: GenerateCache,
): Promise<{ code: number; emitted: string[] }> {
  const printed: unknown[] = [];
  const recording: CliIo = {
    ...io,
    stderr: {
      write: (text) => {
        printed.push(text);
        return io.stderr.write(text);
      },
    },
  };
  try {
    return await runOnce(
      await load(options, io, cwd, target.outDir, true),
      options,
      target,
      recording,
      cache,
    );
  } catch (error) {
    if (!(error instanceof FileChangedError)) throw error;
  }
  // The outputs taken from the manifest may hold a module that changed: they are taken again, read. The lines
  // the first attempt printed (the loader's warnings; it stops before writing) are not printed twice.
  cache.clear();
  let repeated = 0;
  const again: CliIo = {
    ...io,
    stderr: {
      write: (text) => {
        if (repeated >= 0 && printed[repeated] === text) {
          repeated += 1;
          return true;
        }
        repeated = -1;
        return io.stderr.write(text);
      },
    },
  };
  return runOnce(await load(options, io, cwd, target.outDir, false), options, target, again, cache);
}

async function generateCommand(options: GenerateCommandOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const target: RunTarget = {
    outDir: resolve(cwd, options.out),
    command: regenerateCommand(options, cwd),
    protect: options.input === undefined ? [] : [resolve(cwd, options.input)],
    ...(io.signal === undefined ? {} : { signal: io.signal }),
  };
  const cache: GenerateCache = new Map();
  const first = await run(options, io, cwd, target, cache);
  if (!options.watch || options.input === undefined) return interrupted(io.signal) ?? first.code;
  const signal = io.signal ?? new AbortController().signal;
  await watchInput(
    resolve(cwd, options.input),
    async () => {
      try {
        const next = await run(options, io, cwd, target, cache);
        const names = next.emitted.length === 0 ? 'none' : next.emitted.join(', ');
        io.stderr.write(`fluid-codegen: regenerated (exit ${next.code}); re-emitted: ${names}\n`);
      } catch (error) {
        io.stderr.write(`fluid-codegen: ${describe(error)}\n`);
      }
    },
    signal,
    () => io.stderr.write(`fluid-codegen: watching ${options.input} (Ctrl-C to stop)\n`),
  );
  return interrupted(io.signal) ?? 0;
}

/** The exit code for a run a signal stopped: 128 + the signal's number, as shells report it. */
function interrupted(signal: AbortSignal | undefined): number | undefined {
  if (signal?.aborted !== true) return undefined;
  if (signal.reason === 'SIGINT') return 130;
  if (signal.reason === 'SIGTERM') return 143;
  return 1;
}

function describe(error: unknown): string {
  if (isCodegenError(error)) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Runs the `fluid-codegen` command line and resolves to its exit code: 0 success, 1 for bad input,
 * stale output or usage mistakes (one line each on stderr), 2 for internal errors (with the stack).
 *
 * @example
 * process.exitCode = await main(['generate', '--input', 'definitions/callbacks', '--out', 'generated/callbacks']);
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    if (argv[0] === 'diff') return await diffCommand(argv.slice(1), io);
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(
        `${HELP}\nAlso: fluid-codegen diff --base <dir|file> --head <dir|file> (see fluid-codegen diff --help)\n`,
      );
      return 0;
    }
    if (command.kind === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    return await generateCommand(command.options, io);
  } catch (error) {
    const stopped = interrupted(io.signal);
    if (stopped !== undefined) {
      io.stderr.write('fluid-codegen: interrupted; the output folder was left as it was\n');
      return stopped;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`fluid-codegen: ${error.message}\nRun \`fluid-codegen --help\` for usage.\n`);
      return 1;
    }
    if (isCodegenError(error)) {
      io.stderr.write(`fluid-codegen: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`fluid-codegen: internal error (please report it)\n${describe(error)}\n`);
    return 2;
  }
}
