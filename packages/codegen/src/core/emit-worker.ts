// Entry of a generator worker thread: emits each definition the main thread sends and posts the output back.
import { parentPort } from 'node:worker_threads';
import { emitDefinition } from './emit-definition.js';
import type { EmitJob } from './types.js';

/** A job for the worker: its index in the run and what to emit. */
export interface WorkerRequest {
  readonly index: number;
  readonly job: EmitJob;
}

parentPort?.on('message', async ({ index, job }: WorkerRequest) => {
  try {
    parentPort?.postMessage({ index, output: await emitDefinition(job) });
  } catch (error) {
    parentPort?.postMessage({
      index,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
