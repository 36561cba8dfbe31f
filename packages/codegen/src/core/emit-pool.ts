import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { emitDefinition, emitMemo } from './emit-definition.js';
import type { DefinitionOutput, EmitJob } from './types.js';

/** From this many definitions to emit, a run spreads them over worker threads as well as the main thread. */
export const PARALLEL_THRESHOLD = 200;

type WorkerReply =
  | { readonly index: number; readonly output: DefinitionOutput }
  | { readonly index: number; readonly error: string };

/**
 * The worker entry beside this module: `emit-worker.js` in the build, `emit-worker.ts` when run from
 * source through tsx (which the worker then needs as a loader too). `undefined` where there is no file
 * URL (the CommonJS build), and the run stays on one thread.
 */
function workerEntry(): { url: URL; execArgv: string[] } | undefined {
  const here: string | undefined = import.meta.url;
  if (typeof here !== 'string' || !here.startsWith('file:')) return undefined;
  if (here.endsWith('.ts')) {
    const execArgv = process.execArgv.some((arg) => arg.includes('tsx'))
      ? process.execArgv
      : [...process.execArgv, '--import', 'tsx'];
    return { url: new URL('./emit-worker.ts', here), execArgv };
  }
  return { url: new URL('./emit-worker.js', here), execArgv: process.execArgv };
}

/** Threads to use for `count` definitions: 1 below the threshold, else every core (at most 8). */
export function threadsFor(count: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.floor(requested));
  return count < PARALLEL_THRESHOLD ? 1 : Math.min(8, availableParallelism());
}

/**
 * Emits every job and returns the outputs in job order. With `threads` > 1 the main thread works
 * alongside `threads - 1` workers, each taking the next job when it finishes one; every output is
 * made by the same `emitDefinition`, so the result is byte-identical to a one-thread run. A worker
 * that cannot start or fails hands its job back to the main thread.
 */
export async function emitAll(
  jobs: readonly EmitJob[],
  threads: number,
  signal?: AbortSignal,
): Promise<DefinitionOutput[]> {
  const outputs: Array<DefinitionOutput | undefined> = new Array(jobs.length);
  let next = 0;
  const retry: number[] = [];
  const take = (): number | undefined => {
    if (signal?.aborted === true) return undefined;
    const again = retry.pop();
    if (again !== undefined) return again;
    return next < jobs.length ? next++ : undefined;
  };
  const entry = threads > 1 ? workerEntry() : undefined;
  const workers = entry === undefined ? [] : Array.from({ length: threads - 1 }, () => runWorker(entry));

  async function runWorker(where: { url: URL; execArgv: string[] }): Promise<void> {
    let worker: Worker;
    try {
      worker = new Worker(where.url, { execArgv: where.execArgv });
    } catch {
      return;
    }
    await new Promise<void>((resolve) => {
      let current: number | undefined;
      const finish = (): void => {
        if (current !== undefined) retry.push(current);
        current = undefined;
        void worker.terminate();
        resolve();
      };
      const send = (): void => {
        current = take();
        if (current === undefined) {
          finish();
          return;
        }
        const job = jobs[current];
        worker.postMessage({ index: current, job });
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          finish();
          return;
        }
        outputs[reply.index] = reply.output;
        current = undefined;
        send();
      });
      worker.on('error', finish);
      worker.on('exit', finish);
      send();
    });
  }

  // The main thread's share of the run's memo (each worker keeps its own, and lives one run).
  const memo = emitMemo();
  const local = async (): Promise<void> => {
    for (let index = take(); index !== undefined; index = take()) {
      const job = jobs[index];
      if (job !== undefined) outputs[index] = await emitDefinition(job, memo);
      // Emitting awaits only promises already settled, which never lets the event loop turn: without this,
      // workers would wait for their next job (handed out from their 'message' events) until the main thread
      // ran out of jobs, and SIGINT/SIGTERM would not stop the run until it was done.
      await nextTurn();
    }
  };
  await Promise.all([local(), ...workers]);
  // Jobs a failing worker handed back after the main thread had finished.
  await local();
  signal?.throwIfAborted();
  return outputs.map((output, index) => {
    if (output === undefined) throw new Error(`definition ${index} was not emitted`);
    return output;
  });
}
