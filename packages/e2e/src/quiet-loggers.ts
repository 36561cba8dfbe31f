import type { EmulatorLogger } from '@fluid-droplet/emulator';
import type { FluidLogger } from '@fluid-droplet/sdk/receive';

/** A line the emulator or the service logged during an end-to-end test. */
export interface LoggedLine {
  readonly source: 'emulator' | 'service';
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

/**
 * Loggers for both sides of an end-to-end test that record instead of printing (tests fail on console output),
 * so a test can assert that nothing went wrong and print the record when it did.
 */
export function recordingLoggers(): {
  lines: LoggedLine[];
  emulator: EmulatorLogger;
  service: FluidLogger;
} {
  const lines: LoggedLine[] = [];
  const record =
    (source: LoggedLine['source'], level: LoggedLine['level']) =>
    (message: string, fields?: Readonly<Record<string, unknown>>) => {
      lines.push({
        source,
        level,
        message: fields === undefined ? message : `${message} ${JSON.stringify(fields)}`,
      });
    };
  return {
    lines,
    emulator: {
      info: record('emulator', 'info'),
      warn: record('emulator', 'warn'),
      error: record('emulator', 'error'),
    },
    service: { warn: record('service', 'warn'), error: record('service', 'error') },
  };
}
