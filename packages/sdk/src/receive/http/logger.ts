import type { FluidLogger } from '../../logger.js';

/** The default logger: the console. */
export const consoleLogger: FluidLogger = {
  warn: (message, fields) => console.warn(`[fluid-droplet] ${message}`, fields ?? {}),
  error: (message, fields) => console.error(`[fluid-droplet] ${message}`, fields ?? {}),
};

/** A logger that drops everything. */
export const silentLogger: FluidLogger = { warn: () => undefined, error: () => undefined };

/**
 * A short description of a thrown value for a log line: its name, never its message, stack or properties, which
 * may quote a token or a body.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}
