import { checkAllowedHost } from '../server/control-hosts.js';
import { startEmulator } from '../start-emulator.js';
import type { EmulatorLogger } from '../util/logger.js';
import type { CliIo } from './io.js';
import { readInteger } from './shared-options.js';
import { UsageError } from './usage-error.js';

/** Options of the default command. */
export interface ServeOptions {
  readonly port?: string;
  readonly host?: string;
  readonly 'allowed-host'?: readonly string[];
  readonly definitions?: string;
  readonly data?: string;
  readonly seed?: string;
  readonly 'company-token'?: string;
  readonly 'installation-token'?: string;
}

/**
 * Starts the emulator and prints its URL and the credentials it accepts; resolves with a stop function that the
 * binary calls on SIGINT/SIGTERM.
 */
export async function serve(options: ServeOptions, io: CliIo): Promise<() => Promise<void>> {
  const port = readInteger(options.port, '--port', 0, 65535);
  const seed = readInteger(options.seed, '--seed', 0, 2 ** 31);
  const logger: EmulatorLogger = {
    info: (message, fields) => io.out(`${message} ${JSON.stringify(fields ?? {})}`),
    warn: (message, fields) => io.err(`${message} ${JSON.stringify(fields ?? {})}`),
    error: (message, fields) => io.err(`${message} ${JSON.stringify(fields ?? {})}`),
  };
  const emulator = await startEmulator({
    ...(options.definitions === undefined ? {} : { definitions: options.definitions }),
    logger,
    ...(port === undefined ? {} : { port }),
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options['allowed-host'] === undefined
      ? {}
      : { allowedHosts: options['allowed-host'].map(allowedHost) }),
    ...(options.data === undefined ? {} : { dataFile: options.data }),
    ...(seed === undefined ? {} : { seed }),
    tokens: {
      ...(options['company-token'] === undefined ? {} : { company: options['company-token'] }),
      ...(options['installation-token'] === undefined ? {} : { installation: options['installation-token'] }),
    },
  });
  io.out(`Fluid emulator listening on ${emulator.url}`);
  io.out(`  company token:          ${emulator.tokens.company}`);
  io.out(`  installation token:     ${emulator.tokens.installation}`);
  io.out(`  droplet webhook secret: ${emulator.state.droplet.webhook_secret}`);
  io.out(`  callback definitions:   ${emulator.state.definitions.size}`);
  io.out(`  status page:            ${emulator.url}/`);
  return () => emulator.close();
}

function allowedHost(host: string): string {
  try {
    return checkAllowedHost(host, '--allowed-host');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
