import { resolve } from 'node:path';
import { isCodegenError } from '../errors/codegen-error.js';
import type { GenerateCache } from '../generate.js';
import { loadDefinitions } from '../load/load-definitions.js';
import { VERSION } from '../version.js';
import { type GenerateCommandOptions, HELP, parseCommand, UsageError } from './args.js';
import { diffCommand } from './diff-command.js';
import { loadFromApi } from './from-api.js';
import { regenerateCommand } from './regenerate-command.js';
import { type CliIo, type Loaded, type RunTarget, runOnce } from './run-once.js';
import { watchInput } from './watch.js';

export type { CliIo } from './run-once.js';

async function load(options: GenerateCommandOptions, io: CliIo, cwd: string): Promise<Loaded> {
  if (options.fromApi || options.input === undefined) return loadFromApi(options, io, cwd);
  return loadDefinitions(options.input, {
    cwd,
    limits: {
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      ...(options.maxDefinitions === undefined ? {} : { maxDefinitions: options.maxDefinitions }),
    },
  });
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
  const first = await runOnce(await load(options, io, cwd), options, target, io, cache);
  if (!options.watch || options.input === undefined) return interrupted(io.signal) ?? first.code;
  const signal = io.signal ?? new AbortController().signal;
  await watchInput(
    resolve(cwd, options.input),
    async () => {
      try {
        const next = await runOnce(await load(options, io, cwd), options, target, io, cache);
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
