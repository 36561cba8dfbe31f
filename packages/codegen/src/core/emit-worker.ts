// Entry of a generator worker thread: emits each definition the main thread sends and posts the output back.
import { parentPort } from 'node:worker_threads';
import { emitDefinition, emitMemo } from './emit-definition.js';
import type { EmitJob } from './types.js';

/** A job for the worker: its index in the run and what to emit. */
export interface WorkerRequest {
  readonly index: number;
  readonly job: EmitJob;
}

// A worker serves one run (the pool ends it when the run is done), so its memo is that run's.
const memo = emitMemo();

parentPort?.on('message', async ({ index, job }: WorkerRequest) => {
  try {
    parentPort?.postMessage({ index, output: await emitDefinition(job, memo) });
  } catch (error) {
    parentPort?.postMessage({
      index,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
