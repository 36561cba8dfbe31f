/**
 * Where the SDK reports what happened: one logger type for the client, the receiving side and the stores. Messages
 * and fields never carry a token, a signing key or a request or response body. `debug` and `info` are optional.
 */
export interface FluidLogger {
  debug?(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info?(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}
