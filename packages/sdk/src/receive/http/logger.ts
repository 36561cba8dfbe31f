/** Where the receive handlers report problems. Messages and fields never contain keys, tokens or bodies. */
export interface ReceiveLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The default logger: the console. */
export const consoleLogger: ReceiveLogger = {
  warn: (message, fields) => console.warn(`[fluid-droplet] ${message}`, fields ?? {}),
  error: (message, fields) => console.error(`[fluid-droplet] ${message}`, fields ?? {}),
};

/** A logger that drops everything. */
export const silentLogger: ReceiveLogger = { warn: () => undefined, error: () => undefined };

/** A short description of a thrown value for a log line: its name, never its stack or properties. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}
