#!/usr/bin/env node
// The `fluid-codegen` executable: runs `main` with the process's arguments. SIGINT and SIGTERM stop the
// run before it writes anything (the output folder stays as it was) and exit 130 or 143; they also end
// `--watch`. The handlers stay installed, so a second Ctrl-C cannot kill the process halfway through a write.
import { main } from './main.js';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!controller.signal.aborted) controller.abort(signal);
  });
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
