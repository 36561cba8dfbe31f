import { parseArgs } from 'node:util';
import type { RequestSampler } from '../delivery/request-sampler.js';
import { isEmulatorError } from '../errors/emulator-error.js';
import { emulatorUrl } from './control-client.js';
import { fuzz } from './fuzz-command.js';
import { install } from './install-command.js';
import type { CliIo } from './io.js';
import { serve } from './serve-command.js';
import { triggerCallback, triggerWebhook } from './trigger-command.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage:
  fluid-emulator [--port N] [--host H] [--allowed-host name ...] [--definitions <dir>] [--data <file>]
                 [--seed S] [--company-token C-...] [--installation-token dit_...]

Through a running emulator (--emulator <url>, or FLUID_EMULATOR_URL):
  fluid-emulator install --url <service-url> [--version v2|v1] [--shop <slug>]
  fluid-emulator trigger webhook <event> [--payload <json>] [--shop <slug>]
  fluid-emulator trigger callback <name> [--request <json>] [--shop <slug>]
  fluid-emulator fuzz <name> [-n 200] [--seed S] [--shop <slug>] [--neutral <json>]

Standalone (no emulator; you give the service URL and the signing key):
  fluid-emulator trigger webhook <event> --url <service-url> --key <secret> [--payload <json>] [--shop <slug>]
  fluid-emulator trigger callback <name> --url <service-url> --key <cvt_...> [--request <json>]
                 [--definitions <dir>] [--seed S] [--timeout seconds]
  fluid-emulator fuzz <name> --url <service-url> --key <cvt_...> [-n 200] [--seed S] [--definitions <dir>]
                 [--timeout seconds] [--neutral <json>]`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
  definitions: { type: 'string' },
  data: { type: 'string' },
  seed: { type: 'string' },
  'company-token': { type: 'string' },
  'installation-token': { type: 'string' },
  url: { type: 'string' },
  emulator: { type: 'string' },
  version: { type: 'string' },
  neutral: { type: 'string' },
  key: { type: 'string' },
  shop: { type: 'string' },
  payload: { type: 'string' },
  request: { type: 'string' },
  timeout: { type: 'string' },
  n: { type: 'string', short: 'n' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The result of a CLI run: an exit code, or a running server to stop. */
export type CliOutcome = { readonly exitCode: number } | { readonly stop: () => Promise<void> };

/**
 * Runs `fluid-emulator` with `argv` (without `node` and the script). User mistakes print one line and exit 1;
 * anything else is a crash and propagates with its stack.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  sampler: RequestSampler,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CliOutcome> {
  try {
    return await dispatch(argv, io, sampler, env);
  } catch (error) {
    if (error instanceof UsageError || isEmulatorError(error) || isParseArgsError(error)) {
      io.err(`fluid-emulator: ${(error as Error).message}`);
      return { exitCode: 1 };
    }
    throw error;
  }
}

async function dispatch(
  argv: readonly string[],
  io: CliIo,
  sampler: RequestSampler,
  env: Readonly<Record<string, string | undefined>>,
): Promise<CliOutcome> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    io.out(USAGE);
    return { exitCode: 0 };
  }
  const [command, kind, name, ...rest] = positionals;
  if (command === undefined) return { stop: await serve(values, io) };
  const emulator = emulatorUrl(values.emulator, env);
  if (command === 'install' && kind === undefined) {
    return { exitCode: await install(values, emulator, io) };
  }
  if (
    command === 'trigger' &&
    (kind === 'webhook' || kind === 'callback') &&
    name !== undefined &&
    rest.length === 0
  ) {
    const code =
      kind === 'webhook'
        ? await triggerWebhook(name, values, emulator, io)
        : await triggerCallback(name, values, sampler, emulator, io);
    return { exitCode: code };
  }
  if (command === 'fuzz' && kind !== undefined && name === undefined) {
    return { exitCode: await fuzz(kind, values, sampler, emulator, io) };
  }
  throw new UsageError(`unexpected arguments "${positionals.join(' ')}"\n${USAGE}`);
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
