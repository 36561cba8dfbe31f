// Load generation shared by the receiving benches: work driven back to back on a fixed number of lanes for a
// warm-up and then a measured stretch, run in a child process so it never shares the server's event loop.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';

/** Lanes kept busy at once (keep-alive connections for HTTP load). */
export const CONCURRENCY = 32;
const WARMUP_MS = 500;
const DURATION_MS = 2000;

/** What one stretch of load did. Warm-up work is counted apart, and the time is the measured stretch only. */
export interface LoadCounts {
  readonly done: number;
  readonly errors: number;
  readonly warmup: number;
  readonly ms: number;
}

/** Work done and failed in one stretch. */
interface Tally {
  done: number;
  errors: number;
}

/** Keeps CONCURRENCY lanes running `work` back to back while `more()` says so, counting into a new tally. */
async function lanes(more: () => boolean, work: (lane: number) => Promise<boolean>): Promise<Tally> {
  const tally = { done: 0, errors: 0 };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, lane) => {
      while (more()) {
        if (await work(lane)) tally.done += 1;
        else tally.errors += 1;
      }
    }),
  );
  return tally;
}

/** Runs `work` back to back on CONCURRENCY lanes for a warm-up, then for the measured stretch. */
export async function drive(work: (lane: number, n: number) => Promise<boolean>): Promise<LoadCounts> {
  let n = 0;
  const run = (until: number) =>
    lanes(
      () => performance.now() < until,
      (lane) => {
        n += 1;
        return work(lane, n);
      },
    );
  const warmup = await run(performance.now() + WARMUP_MS);
  const start = performance.now();
  const counts = await run(start + DURATION_MS);
  return { ...counts, warmup: warmup.done + warmup.errors, ms: performance.now() - start };
}

/** The target of HTTP load: a loopback port, and the POST body and headers sent every time. */
export interface HttpTarget {
  readonly port: number;
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** POSTs the same request over keep-alive connections; a 200 counts as done, anything else as an error. */
export async function httpLoad(target: HttpTarget): Promise<LoadCounts> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const counts = await drive(() => post(agent, target));
  agent.destroy();
  return counts;
}

/**
 * POSTs the same request `requests` times over `agent`'s keep-alive connections, with no warm-up and no clock: for
 * a server so slow (under valgrind) that a fixed stretch of time would see too few requests. The agent stays open,
 * so a later stretch goes on over the same connections.
 */
export async function httpLoadCount(target: HttpTarget, requests: number, agent: Agent): Promise<LoadCounts> {
  let started = 0;
  const start = performance.now();
  const counts = await lanes(
    () => started < requests,
    () => {
      started += 1;
      return post(agent, target);
    },
  );
  return { ...counts, warmup: 0, ms: performance.now() - start };
}

function post(agent: Agent, target: HttpTarget): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const outgoing = httpRequest(
      { agent, host: '127.0.0.1', port: target.port, method: 'POST', path: '/', headers: target.headers },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode === 200));
      },
    );
    outgoing.on('error', () => resolve(false));
    outgoing.end(target.body);
  });
}

/**
 * Runs `file` again as a child process in `mode` with a JSON argument, and returns the LoadCounts it writes to
 * stdout. The bench file dispatches on `process.argv[2]` (see {@link childMode}).
 */
export async function inChild(file: string, mode: string, argument: unknown): Promise<LoadCounts> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, mode, JSON.stringify(argument)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`bench child ${mode} exited with ${String(code)}`);
  return JSON.parse(output) as LoadCounts;
}

/** In a child started by {@link inChild}: its mode and parsed argument, or undefined in the parent. */
export function childMode(): { mode: string; argument: unknown } | undefined {
  const [mode, argument] = process.argv.slice(2);
  return mode === undefined ? undefined : { mode, argument: JSON.parse(argument ?? 'null') };
}

/** Writes a child's result for {@link inChild} to read. */
export function report(counts: LoadCounts): void {
  process.stdout.write(JSON.stringify(counts));
}

/** The middle value (upper middle for an even count). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}
