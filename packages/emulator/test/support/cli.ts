import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const tsxLoader = join(repoRoot, 'node_modules/tsx/dist/loader.mjs');
const binSource = join(repoRoot, 'packages/emulator/src/cli/bin.ts');

/** Outcome of a finished CLI process. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the real `fluid-emulator` executable from source through tsx (run from the repo root for its paths). */
export function startCli(args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', tsxLoader, binSource, ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[]): Promise<CliRun> {
  const child = startCli(args);
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

/** Waits until the process has printed a line matching `pattern` on stdout, and returns the match. */
export function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  let seen = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = seen.match(pattern);
      if (match !== null) {
        child.stdout.off('data', onData);
        resolvePromise(match);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`CLI exited with ${code} before printing ${pattern}: ${seen}`)),
    );
  });
}
