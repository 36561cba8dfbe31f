#!/usr/bin/env node
// The `fluid-codegen` executable: runs `main` with the process's arguments; Ctrl-C ends `--watch` cleanly.
import { main } from './main.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
