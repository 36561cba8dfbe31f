/** Where the emulator reports what it does; tokens and secrets are never passed to it. */
export interface EmulatorLogger {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** A logger that drops everything: the library default, so tests and embedding apps stay quiet. */
export const silentLogger: EmulatorLogger = { info() {}, warn() {}, error() {} };
