import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FluidLogger } from '@fluid-droplet/sdk/receive';
import { signFluidRequest } from '@fluid-droplet/sdk/receive';

/** The shared research folder, read in place (never copied); tests that need it skip when it is absent. */
export const sharedPayloads = fileURLToPath(
  new URL('../../../../../shared/fluid/data/webhook-payloads/', import.meta.url),
);
export const hasSharedPayloads = existsSync(sharedPayloads);

/** The raw text of a documented payload example. */
export function readPayload(file: string): string {
  return readFileSync(new URL(file, `file://${sharedPayloads}`), 'utf8');
}

/** Builds a real `Request` signed the way Fluid signs, with optional header overrides (null removes). */
export async function signedRequest(options: {
  body: string | Uint8Array;
  key: string;
  url?: string;
  timestamp?: number;
  shop?: string;
  kind?: 'webhook' | 'callback';
  headers?: Record<string, string | null>;
}): Promise<Request> {
  const signed = await signFluidRequest({
    body: options.body,
    key: options.key,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.shop === undefined ? {} : { shop: options.shop }),
    ...(options.kind === undefined ? {} : { kind: options.kind }),
  });
  const headers = new Headers(signed);
  // The legacy token headers carry the raw key; keep them out unless a test asks, so nothing relies on them.
  headers.delete('AUTH_TOKEN');
  headers.delete('X-Fluid-Token');
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return new Request(options.url ?? 'http://127.0.0.1/fluid', {
    method: 'POST',
    headers,
    body: typeof options.body === 'string' ? options.body : new Uint8Array(options.body),
  });
}

/** A logger that records lines, so tests can assert on them and stay quiet. */
export function recordingLogger(): FluidLogger & {
  lines: { level: string; message: string; fields: unknown }[];
} {
  const lines: { level: string; message: string; fields: unknown }[] = [];
  return {
    lines,
    debug: (message, fields) => lines.push({ level: 'debug', message, fields }),
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
}
