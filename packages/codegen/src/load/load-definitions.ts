import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { identityOf, isSettled, sameIdentity } from '../file-identity.js';
import { sha256 } from '../hash.js';
import { compareText } from '../order.js';
import type { SourcedDefinition } from './definition.js';
import { type InputRecord, recordOf, replay } from './input-record.js';
import { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import { parseJsonFile } from './parse-text.js';
import { type ReadResult, readDefinitions } from './read-definitions.js';

/** What {@link loadDefinitions} found: the definitions, the diagnostics, and every file it read. */
export interface LoadResult {
  readonly definitions: SourcedDefinition[];
  readonly diagnostics: Diagnostic[];
  /** Absolute paths of the files read (what `--watch` watches). */
  readonly files: string[];
}

/** Options for {@link loadDefinitions}. */
export interface LoadOptions {
  /** Labels in diagnostics are relative to this directory. @default process.cwd() */
  readonly cwd?: string;
  readonly limits?: Partial<LoadLimits>;
}

/** Files read at once. */
const BATCH = 32;

function label(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return (relativePath === '' ? '.' : relativePath).split(sep).join('/');
}

function failure(file: string, code: string, message: string): Diagnostic {
  return { severity: 'error', code, message, pointer: '', file };
}

/** One file to read, its label, and whether it was reached through a symlink (checked before it is opened). */
interface Listed {
  readonly path: string;
  readonly label: string;
  readonly symlink: boolean;
}

/**
 * The folder's `.json` files, sorted; symlinks are listed too (they are followed, or reported, when read). Names
 * starting with `.` or `_` are not definitions: `_` marks notes kept beside them, such as the list of names
 * (`_all_definition_names.json`) in the folder of Fluid's definitions. `--save-definitions` never writes one.
 */
async function listJsonFiles(dir: string, dirLabel: string): Promise<Listed[]> {
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries
    .filter(
      (entry) =>
        (entry.isFile() || entry.isSymbolicLink()) &&
        entry.name.endsWith('.json') &&
        !entry.name.startsWith('.') &&
        !entry.name.startsWith('_'),
    )
    .sort((a, b) => compareText(a.name, b.name))
    .map((entry) => ({
      path: join(dir, entry.name),
      // The folder's label once, not a relative path per file: a thousand files add up.
      label: dirLabel === '.' ? entry.name : `${dirLabel}/${entry.name}`,
      symlink: entry.isSymbolicLink(),
    }));
}

/** Why a symlink cannot be read as a definition file (opening a FIFO would block); `undefined` when it can. */
async function unreadableLink(file: string): Promise<string | undefined> {
  let target: ReturnType<typeof statSync>;
  try {
    target = statSync(file);
  } catch {
    target = undefined;
  }
  if (target === undefined) return 'symlink to nothing: its target does not exist';
  if (!target.isFile()) return 'symlink to something other than a regular file';
  return undefined;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Loads callback definitions from a folder of `.json` files (sorted by file name; names starting with `.` or
 * `_` skipped) or from one file holding a definition, an array of them or the API's list response. Reads
 * nothing but its input.
 *
 * @example
 * const { definitions, diagnostics } = await loadDefinitions('definitions/callbacks');
 */
export async function loadDefinitions(input: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { definitions, diagnostics, files } = await loadRecorded(input, options);
  return { definitions, diagnostics, files };
}

/** What {@link loadRecorded} found, and the records of the files a later run may take on trust. */
export interface RecordedLoad extends LoadResult {
  /** Files read that had settled (see `isSettled`), and the files taken from `known`. */
  readonly records: InputRecord[];
}

/**
 * {@link loadDefinitions}, taking a file whose stats match its record in `known` (by absolute path) from the
 * record instead of reading it (its definitions read on first use, see `replay`), and recording each file.
 */
export async function loadRecorded(
  input: string,
  options: LoadOptions = {},
  known: ReadonlyMap<string, InputRecord> = new Map(),
): Promise<RecordedLoad> {
  const records: InputRecord[] = [];
  const cwd = options.cwd ?? process.cwd();
  const limits: LoadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const path = resolve(cwd, input);
  const inputLabel = label(cwd, path);
  const definitions: SourcedDefinition[] = [];
  const diagnostics: Diagnostic[] = [];
  let files: Listed[];
  try {
    // Synchronous, as the reads below: the listing is three cheap calls, not worth three promise round trips.
    const info = statSync(path);
    const link = lstatSync(path);
    files = info.isDirectory()
      ? await listJsonFiles(path, inputLabel)
      : [{ path, label: inputLabel, symlink: link.isSymbolicLink() }];
    if (!info.isDirectory() && !info.isFile()) {
      const message = 'input is neither a folder nor a regular file';
      return {
        definitions,
        diagnostics: [failure(inputLabel, 'input-unreadable', message)],
        files: [],
        records,
      };
    }
  } catch (error) {
    const code = errorCode(error);
    const message =
      code === 'ENOENT' ? 'input does not exist' : `cannot read input (${code ?? String(error)})`;
    return {
      definitions,
      diagnostics: [failure(inputLabel, 'input-unreadable', message)],
      files: [],
      records,
    };
  }
  const readOne = async ({ path: file, label: fileLabel, symlink }: Listed): Promise<ReadResult> => {
    const fail = (code: string, message: string): ReadResult => ({
      definitions: [],
      diagnostics: [failure(fileLabel, code, message)],
    });
    let fd: number | undefined;
    try {
      const record = known.get(file);
      if (record !== undefined) {
        // One stat (following a symlink, so a link pointed elsewhere is another file) instead of a read.
        const info = statSync(file, { throwIfNoEntry: false });
        if (
          info?.isFile() &&
          info.size <= limits.maxBytes &&
          sameIdentity(record.identity, identityOf(info))
        ) {
          records.push(record);
          return replay(record, fileLabel, limits.maxJsonDepth);
        }
      }
      const problem = symlink ? await unreadableLink(file) : undefined;
      if (problem !== undefined) return fail('input-unreadable', problem);
      // One open, then size and contents from the descriptor. Synchronous on purpose: definition files
      // are small and a run reads up to thousands, where the promise API's four thread-pool round trips
      // per file cost more than the reads (profiled: about 85 ms of a 1000-file run, now a few).
      // O_NONBLOCK so a file swapped for a FIFO after listing cannot hang the open; it is then refused below.
      const readStart = Date.now();
      fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
      const info = fstatSync(fd);
      if (!info.isFile()) return fail('input-unreadable', 'not a regular file');
      if (info.size > limits.maxBytes) {
        return fail(
          'input-too-large',
          `file is ${info.size} bytes, over the limit of ${limits.maxBytes} (--max-bytes)`,
        );
      }
      const bytes = readFileSync(fd);
      const parsed = parseJsonFile(fileLabel, bytes);
      if (!parsed.ok) return { definitions: [], diagnostics: parsed.diagnostics };
      const read = readDefinitions(parsed.value, fileLabel, limits.maxJsonDepth);
      const sourceSha256 = sha256(bytes);
      const identity = identityOf(info);
      if (isSettled(identity, readStart))
        records.push(recordOf(file, fileLabel, identity, sourceSha256, read));
      return { ...read, definitions: read.definitions.map((item) => ({ ...item, sourceSha256 })) };
    } catch (error) {
      return fail('input-unreadable', `cannot read file (${errorCode(error) ?? String(error)})`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
  // Files are read a batch at a time (a thousand small files wait mostly on I/O) and taken in order.
  for (let start = 0; start < files.length && definitions.length <= limits.maxDefinitions; start += BATCH) {
    for (const read of await Promise.all(files.slice(start, start + BATCH).map(readOne))) {
      definitions.push(...read.definitions);
      diagnostics.push(...read.diagnostics);
    }
  }
  if (definitions.length > limits.maxDefinitions) {
    diagnostics.push(
      failure(
        inputLabel,
        'too-many-definitions',
        `more than ${limits.maxDefinitions} definitions (--max-definitions)`,
      ),
    );
  } else if (definitions.length === 0 && !diagnostics.some((item) => item.severity === 'error')) {
    diagnostics.push(failure(inputLabel, 'no-definitions', `no definitions found in ${inputLabel}`));
  }
  return { definitions, diagnostics, files: files.map((file) => file.path), records };
}
