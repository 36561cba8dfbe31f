import { UsageError } from './usage-error.js';

/** The environment variable that points the CLI at a running emulator, like `--emulator <url>`. */
export const EMULATOR_URL_ENV = 'FLUID_EMULATOR_URL';

/**
 * Calls a running emulator's control API (`/_emulator/…`). Anything but a 2xx reply, and an emulator that cannot be
 * reached, is one clear line for the user (a {@link UsageError}).
 */
export async function callControl(
  emulatorUrl: string,
  path: string,
  body: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const url = new URL(path, emulatorUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new UsageError(`cannot reach the emulator at ${url.origin} (is \`fluid-emulator\` running there?)`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(
      `${url.origin} answered ${path} with HTTP ${response.status} and no JSON: is it an emulator?`,
    );
  }
  const record =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  if (!response.ok) {
    const message =
      typeof record.error_message === 'string' ? record.error_message : `HTTP ${response.status}`;
    const errors =
      record.errors === null || record.errors === undefined ? '' : ` ${JSON.stringify(record.errors)}`;
    throw new UsageError(`the emulator refused ${path} (HTTP ${response.status}): ${message}${errors}`);
  }
  return record;
}

/** Reads `--emulator <url>` or `FLUID_EMULATOR_URL`; `undefined` means standalone mode. */
export function emulatorUrl(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const value = flag ?? env[EMULATOR_URL_ENV];
  if (value === undefined || value === '') return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  } catch {
    // reported below
  }
  throw new UsageError(`--emulator (or ${EMULATOR_URL_ENV}) must be an http(s) URL, got "${value}"`);
}
