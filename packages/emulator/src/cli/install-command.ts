import { callControl } from './control-client.js';
import type { CliIo } from './io.js';
import { readUrl } from './shared-options.js';
import { UsageError } from './usage-error.js';

/** Options of `install`. */
export interface InstallCommandOptions {
  readonly url?: string;
  readonly version?: string;
  readonly shop?: string;
}

/**
 * `install --url <service>`: has the running emulator create an installation and deliver `droplet_installed` to the
 * service; prints the installation, its tokens and the delivery. Exit 0 when the service answered 2xx.
 */
export async function install(
  options: InstallCommandOptions,
  emulator: string | undefined,
  io: CliIo,
): Promise<number> {
  if (emulator === undefined) {
    throw new UsageError('install needs a running emulator: pass --emulator <url> or set FLUID_EMULATOR_URL');
  }
  const url = readUrl(options.url);
  if (options.version !== undefined && options.version !== 'v1' && options.version !== 'v2') {
    throw new UsageError(`--version must be v1 or v2, got "${options.version}"`);
  }
  const result = await callControl(emulator, '/_emulator/installations', {
    url,
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.shop === undefined ? {} : { shop: options.shop }),
  });
  const { meta: _meta, ...shown } = result;
  io.out(JSON.stringify(shown, null, 2));
  const delivery = result.delivery as { ok?: unknown } | undefined;
  return delivery?.ok === true ? 0 : 1;
}
