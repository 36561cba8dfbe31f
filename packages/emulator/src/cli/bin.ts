#!/usr/bin/env node
import { defaultSampler } from '../defaults.js';
import { runCli } from './main.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

const outcome = await runCli(process.argv.slice(2), io, defaultSampler);
if ('exitCode' in outcome) {
  process.exitCode = outcome.exitCode;
} else {
  const stop = () => {
    outcome.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        io.err(`fluid-emulator: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
