// Instructions per request, counted by valgrind's callgrind in the server's process. On a quiet machine the count
// repeats where CPU time does not: two runs of the receive bench counted 354,476 and 354,374 instructions per
// request for createCallbackHandler and 334,264 and 332,620 for the hand-written reference, where CPU-time ratios
// of the same code on the same host ranged from 1.03 to 1.21. Heavy load from elsewhere can still move it, mostly in
// V8's background threads, whose collector paces itself by the clock: beside a CI run the same code counted 412,149
// (344,027 on the main thread, against 329,789 quiet). So run it on a quiet machine, and read the main-thread
// column beside the whole. It counts user-space instructions only: the kernel's share (socket reads and writes,
// the same few per request for every target) is left out, and it weighs every instruction the same, so cache misses
// do not show. Both make it a measure of the code's own work.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Instructions run in one stretch: by every thread of the process, and by its main thread alone. */
export interface InstructionCount {
  readonly all: number;
  /** The JavaScript thread: the request handling itself, without V8's background collector and compiler threads. */
  readonly main: number;
}

/** A server process running under callgrind. */
export interface CountedServer {
  readonly port: number;
  /** Its process id, for {@link callgrindControl}. */
  readonly pid: number;
  /** The counts of the `n`th dump (1 for the first `callgrindControl(pid, '-d')`). */
  read(n: number): InstructionCount;
  close(): Promise<void>;
}

/**
 * Zeroes (`-z`) or dumps (`-d`) the counters of the process `pid` runs under callgrind. A load generator calls it
 * itself between its warm-up and its counted stretch, so both go over the same connections: opening new ones
 * makes V8 drop and recompile Node's stream code, which would land in the count.
 */
export function callgrindControl(pid: number, flag: '-z' | '-d'): void {
  const result = spawnSync('callgrind_control', [flag, String(pid)], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`callgrind_control ${flag} ${String(pid)} failed: ${result.stderr}`);
}

/** Why instruction counts cannot be taken here, or undefined when valgrind is at hand. */
export function callgrindMissing(): string | undefined {
  const probe = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'valgrind is not installed (Debian: apt-get install valgrind)';
}

/**
 * Starts `node <args>` under callgrind, writing its dumps into `dir`. The process must print one line of JSON with
 * its `port` on stdout once it listens. Starting a Node process under valgrind takes tens of seconds.
 */
export async function startCounted(
  args: readonly string[],
  dir: string,
  label: string,
): Promise<CountedServer> {
  const out = join(dir, `${label}.callgrind`);
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      // V8 rewrites its generated code in place; valgrind must notice, or it runs stale translations.
      '--smc-check=all-non-file',
      // A file per thread, so the main thread's share can be told apart.
      '--separate-threads=yes',
      `--callgrind-out-file=${out}`,
      process.execPath,
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-4000);
  });
  const port = await firstLine(child).then(
    (line) => (JSON.parse(line) as { port: number }).port,
    (error: unknown) => {
      throw new Error(`${label}: the counted server did not start (${String(error)}):\n${errors}`);
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${label}: valgrind did not start`);
  return {
    port,
    pid,
    read: (n) => countOf(dir, `${label}.callgrind`, n),
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

/**
 * The counts of dump number `n`, from its files: callgrind names them `<base>.<n>-<thread>`, the main thread being
 * thread 01.
 */
function countOf(dir: string, base: string, n: number): InstructionCount {
  const prefix = `${base}.${String(n)}-`;
  const files = readdirSync(dir).filter((file) => file.startsWith(prefix));
  if (files.length === 0) throw new Error(`callgrind wrote no dump ${String(n)} for ${base} in ${dir}`);
  let all = 0;
  let main: number | undefined;
  for (const file of files) {
    const count = summaryOf(join(dir, file));
    all += count;
    if (file === `${prefix}01`) main = count;
  }
  if (main === undefined) throw new Error(`callgrind wrote no main-thread dump ${prefix}01 in ${dir}`);
  return { all, main };
}

function summaryOf(file: string): number {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('summary:') || text.startsWith('totals:'));
  const count = Number(line?.split(':')[1]?.trim().split(/\s+/)[0]);
  if (!Number.isFinite(count)) throw new Error(`no instruction count in ${file}`);
  return count;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end < 0) return;
      child.stdout?.off('data', onData);
      resolve(text.slice(0, end));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${String(code)}`)));
  });
}
