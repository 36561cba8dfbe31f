import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { staleBuild } from '../../../../scripts/release-pack.js';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const tsxLoader = join(repoRoot, 'node_modules/tsx/dist/loader.mjs');
const binSource = join(repoRoot, 'packages/emulator/src/cli/bin.ts');
const binBuilt = join(repoRoot, 'packages/emulator/dist/cli.js');

/**
 * How to start the executable: the built `dist/cli.js` (what `npm install` gives a user) when every package's dist/
 * is built from the current sources, else the sources through tsx. Decided once per file. A built child starts in a
 * fraction of the time (tsx transforms the whole program again in every child). The test is `pnpm release:pack`'s:
 * the consumer test rebuilds only when it says stale, so a dist/ in use here is never rebuilt under a running test.
 */
const command: readonly string[] =
  staleBuild() === undefined ? [binBuilt] : ['--import', tsxLoader, binSource];

/** Outcome of a finished CLI process. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Everything each started child has printed on stdout so far, so later waits see earlier chunks. */
const printed = new WeakMap<ChildProcessWithoutNullStreams, { text: string }>();

/** Starts the real `fluid-emulator` executable (built when fresh, else from source; run from the repo root). */
export function startCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [...command, ...args], {
    cwd: repoRoot,
    env: { ...process.env, FLUID_EMULATOR_URL: '', NODE_OPTIONS: '', ...env },
  });
  const output = { text: '' };
  printed.set(child, output);
  child.stdout.on('data', (chunk: Buffer) => {
    output.text += chunk.toString('utf8');
  });
  return child;
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  const child = startCli(args, env);
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/**
 * Waits until the process has printed text matching `pattern` on stdout (since it started, so a line that
 * arrived in the same chunk as an earlier awaited one still counts), and returns the match.
 */
export function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  const output = printed.get(child);
  if (output === undefined) throw new Error('waitForOutput needs a child started with startCli');
  return new Promise((resolvePromise, reject) => {
    const check = (): void => {
      const match = output.text.match(pattern);
      if (match === null) return;
      child.stdout.off('data', check);
      child.off('exit', onExit);
      resolvePromise(match);
    };
    const onExit = (code: number | null): void =>
      reject(new Error(`CLI exited with ${code} before printing ${pattern}: ${output.text}`));
    // Listeners run in order: startCli's accumulator has already appended the chunk when `check` runs.
    child.stdout.on('data', check);
    child.once('exit', onExit);
    check();
  });
}
