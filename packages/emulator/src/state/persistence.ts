import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { DataFileError } from '../errors/emulator-error.js';
import type { EmulatorData } from './types.js';

/**
 * Reads a data file written by {@link createPersister}; `undefined` when the file does not exist yet.
 * Throws {@link DataFileError} for a file that exists but is not emulator data.
 */
export async function loadDataFile(file: string): Promise<EmulatorData | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (isErrno(cause) && cause.code === 'ENOENT') return undefined;
    throw new DataFileError(`cannot read data file ${file}`, file, cause);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new DataFileError(`data file ${file} is not valid JSON`, file, cause);
  }
  if (!isEmulatorData(parsed))
    throw new DataFileError(`data file ${file} is not emulator data (version 1)`, file);
  // Files written before installs could add companies hold only the first one.
  if (!Array.isArray(parsed.companies)) {
    parsed.companies = [parsed.company];
    parsed.next_company_id = parsed.company.id + 1;
  }
  return parsed;
}

/** Writes state to a file atomically and in order: each write goes to a temp file that is renamed over the target. */
export interface Persister {
  /** Schedules a write of the current state; writes requested while one runs coalesce into one. */
  schedule(): void;
  /** Resolves once every scheduled write has landed; rejects with the last write error, if any. */
  flush(): Promise<void>;
}

/**
 * Creates a {@link Persister} for `file` that snapshots state through `read` at write time.
 *
 * @example
 * const persister = createPersister('fluid.json', () => state.snapshot())
 */
export function createPersister(file: string, read: () => EmulatorData): Persister {
  let pending = false;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;

  const write = async (): Promise<void> => {
    pending = false;
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, `${JSON.stringify(read(), null, 2)}\n`, { mode: 0o600 });
      await rename(temp, file);
      failure = undefined;
    } catch (cause) {
      failure = new DataFileError(`cannot write data file ${file}`, file, cause);
      await rm(temp, { force: true });
    }
  };

  return {
    schedule() {
      if (pending) return;
      pending = true;
      chain = chain.then(write);
    },
    async flush() {
      await chain;
      if (failure !== undefined) throw failure;
    },
  };
}

function isEmulatorData(value: unknown): value is EmulatorData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    data.version === 1 &&
    typeof data.company === 'object' &&
    data.company !== null &&
    typeof data.company_token === 'string' &&
    Array.isArray(data.installations) &&
    Array.isArray(data.webhooks) &&
    Array.isArray(data.registrations) &&
    Array.isArray(data.exchange_tokens)
  );
}

function isErrno(value: unknown): value is NodeJS.ErrnoException {
  return value instanceof Error && 'code' in value;
}
