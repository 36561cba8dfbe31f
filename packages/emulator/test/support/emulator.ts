import { resolve } from 'node:path';
import {
  type Emulator,
  type EmulatorOptions,
  loadDefinitionsDir,
  startEmulator,
} from '@fluid-droplet/emulator';
import { afterEach } from 'vitest';

/** The repository's own callback definitions. */
export const definitionsDir = resolve(import.meta.dirname, '../../../../definitions/callbacks');

export const COMPANY = 'C-test-company-token';
export const INSTALLATION = 'dit_test-installation-token';

const running: Emulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** Starts an emulator with the repository's definitions and known tokens; it is closed after the test. */
export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const started = await startEmulator({
    definitions: await loadDefinitionsDir(definitionsDir),
    tokens: { company: COMPANY, installation: INSTALLATION },
    seed: 7,
    ...options,
  });
  running.push(started);
  return started;
}

/** A JSON API call against an emulator. */
export async function api(
  base: string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const token = options.token === undefined ? COMPANY : options.token;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : JSON.parse(text), headers: response.headers };
}
