import { EmulatorError } from '../errors/emulator-error.js';

/** A mistake on the command line: reported as one line, exit code 1, no stack trace. */
export class UsageError extends EmulatorError {
  override readonly name = 'UsageError';
}
