import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../core/types.js';
import { OutputError, systemErrorCode } from '../errors/codegen-error.js';
import { type FileIdentity, identityOf, isSettled, sameIdentity } from '../file-identity.js';
import type { DefinitionRecord } from '../generate.js';
import { diffTree, isCurrent, type TreeDiff } from './diff-tree.js';
import { acquireLock } from './lock.js';
import { isManifest, MANIFEST_NAME, withManifest } from './manifest.js';
import type { KnownModule } from './manifest-cache.js';
import { checkEntries, checkNotProtected, realTarget, type Siblings, siblings } from './out-folder.js';

/**
 * The stages of a write, reported to {@link WriteOptions.onStage} (tests use it to crash at each one). A new
 * or foreign folder is replaced whole: `staged`, `moved-aside`, `swapped`. A folder the generator wrote before
 * (it holds the manifest) is updated in place: `written` (changed files replaced), then `recorded` (the new
 * manifest written), then the files it no longer produces are removed.
 */
export type WriteStage = 'locked' | 'staged' | 'moved-aside' | 'swapped' | 'written' | 'recorded';

/** Options for {@link writeTree}. */
export interface WriteOptions {
  /** How long to wait for another run's lock on the same folder. @default 60_000 */
  readonly lockTimeoutMs?: number;
  /** Called at each stage of the write; awaited. */
  readonly onStage?: (stage: WriteStage) => void | Promise<void>;
  /** The run's definitions, recorded in the manifest with their input hashes for the next run. */
  readonly definitions?: readonly DefinitionRecord[];
  /**
   * Folders the output must not be, nor hold (the input); the file system root and the home folder
   * are always refused.
   */
  readonly protect?: readonly string[];
  /**
   * Module contents the caller read from the folder earlier in the run, with each file's identity
   * then; a file still of that identity is not read again.
   */
  readonly known?: ReadonlyMap<string, KnownModule>;
  /** Aborting before anything is written leaves the folder as it was and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** What a write changed. */
export interface WriteSummary {
  readonly written: string[];
  readonly removed: string[];
  readonly changed: boolean;
  /**
   * The files in the folder after the write that it did not write just now (they had settled, see
   * `isSettled`), with their identity: what a later run may recognise them by without reading them.
   */
  readonly settled: ReadonlyMap<string, FileIdentity>;
}

function fail(message: string, path: string, error: unknown): never {
  throw new OutputError(message, path, systemErrorCode(error), { cause: error });
}

/** The nearest ancestor of `path` that exists and is a file (what makes `path` ENOTDIR). */
function fileAncestor(path: string): string {
  for (let current = dirname(path); current !== dirname(current); current = dirname(current)) {
    try {
      if (statSync(current).isFile()) return current;
    } catch {
      // Not there, or under the file we are looking for: keep going up.
    }
  }
  return path;
}

/**
 * Fails with EACCES/ENOTDIR naming the path when the folder cannot be (re)placed, before anything is written.
 * The writer's checks and bookkeeping use synchronous calls: each is one cheap system call, where a promise
 * round trip through the thread pool costs more, and a run makes a couple of dozen of them.
 */
function checkWritable(outDir: string): boolean {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(outDir);
  } catch (error) {
    if (systemErrorCode(error) === 'ENOENT') {
      try {
        mkdirSync(dirname(outDir), { recursive: true });
      } catch (mkdirError) {
        fail('cannot create the output folder', dirname(outDir), mkdirError);
      }
      return false;
    }
    if (systemErrorCode(error) === 'ENOTDIR') {
      throw new OutputError('a path component is a file, not a folder', fileAncestor(outDir), 'ENOTDIR');
    }
    return fail('cannot use the output folder', outDir, error);
  }
  if (info === undefined || !info.isDirectory())
    throw new OutputError('the output path is not a folder', outDir, 'ENOTDIR');
  // Checked by mode bits as well as access(), since root passes access() on a read-only folder.
  const readOnly = (info.mode & 0o222) === 0;
  try {
    accessSync(outDir, constants.W_OK);
    accessSync(dirname(outDir), constants.W_OK);
  } catch (error) {
    fail('the output folder is not writable', outDir, error);
  }
  if (readOnly) throw new OutputError('the output folder is read-only', outDir, 'EACCES');
  return true;
}

// Temp files an in-place update writes inside the folder before renaming each over its file.
const INSIDE_TEMP = /^\.fluid-codegen-tmp-\d+-[0-9a-f]{8}-/;

/** Puts a crashed run's leftovers right: restores a folder moved aside, then removes stray temp folders. */
function recover(outDir: string, names: Siblings): void {
  const parent = dirname(outDir);
  const leftovers = readdirSync(parent)
    .filter((name) => names.owns(name) !== undefined)
    .sort();
  let exists = true;
  try {
    lstatSync(outDir);
  } catch {
    exists = false;
  }
  for (const name of leftovers) {
    const path = join(parent, name);
    if (!exists && names.owns(name) === 'old') {
      renameSync(path, outDir);
      recover(outDir, names);
      return;
    }
    rmSync(path, { recursive: true, force: true });
  }
}

/** Removes the temp files an interrupted in-place update left inside the folder. */
function removeInsideTemps(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    if (INSIDE_TEMP.test(name)) rmSync(join(outDir, name), { force: true });
  }
}

/**
 * Replaces one file inside the folder atomically: a temp file beside it, renamed over it. Synchronous: an update
 * writes a few files, and each promise round trip costs more than the small writes themselves.
 */
function replaceFile(outDir: string, file: GeneratedFile, suffix: string): void {
  const temp = join(outDir, `.fluid-codegen-tmp-${suffix}-${file.path}`);
  try {
    writeFileSync(temp, file.contents);
    renameSync(temp, join(outDir, file.path));
  } catch (error) {
    rmSync(temp, { force: true });
    fail('cannot write the new output', join(outDir, file.path), error);
  }
}

/**
 * Updates a folder the generator wrote before in place: each changed file replaced atomically, then the
 * manifest, then the files it no longer produces removed. An interruption leaves every file whole, and the old
 * manifest (written last) no longer matching what changed: the next run sees which modules differ from what
 * the manifest hashed, emits them again and finishes the update.
 */
async function updateInPlace(
  outDir: string,
  wanted: readonly GeneratedFile[],
  diff: TreeDiff,
  suffix: string,
  onStage: WriteOptions['onStage'],
): Promise<void> {
  const changed = new Set([...diff.missing, ...diff.stale]);
  const files = wanted.filter((file) => changed.has(file.path) && file.path !== MANIFEST_NAME);
  for (const file of files) replaceFile(outDir, file, suffix);
  await onStage?.('written');
  const manifest = wanted.find((file) => file.path === MANIFEST_NAME);
  if (manifest !== undefined && changed.has(MANIFEST_NAME)) replaceFile(outDir, manifest, suffix);
  await onStage?.('recorded');
  for (const name of diff.extra) {
    try {
      rmSync(join(outDir, name), { recursive: true, force: true });
    } catch (error) {
      fail('cannot remove a file it no longer writes', join(outDir, name), error);
    }
  }
}

/**
 * Re-creates `source` at `target` sharing file contents (hard links; copies where links fail).
 * Synchronous: a link is one cheap system call, and a tree of a thousand modules linked through the
 * promise API spent most of an incremental run's write in thread-pool round trips.
 */
function carryOver(source: string, target: string): void {
  const info = lstatSync(source);
  if (info.isDirectory()) {
    mkdirSync(target, { mode: info.mode });
    for (const name of readdirSync(source)) carryOver(join(source, name), join(target, name));
  } else {
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

/** Runs `task` on every item, a bounded number at a time. */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>, size = 32): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(task));
  }
}

async function stage(
  outDir: string,
  temp: string,
  wanted: readonly GeneratedFile[],
  diff: TreeDiff,
  existed: boolean,
): Promise<void> {
  await mkdir(temp);
  if (existed) await chmod(temp, (await stat(outDir)).mode & 0o7777);
  const wantedByPath = new Map(wanted.map((file) => [file.path, file]));
  const carried: string[] = [];
  for (const [name, entry] of diff.existing) {
    const current = wantedByPath.get(name);
    if (entry.owned && current === undefined) continue;
    if (current !== undefined && current.contents !== entry.contents) continue;
    carried.push(name);
  }
  for (const name of carried) carryOver(join(outDir, name), join(temp, name));
  const changed = new Set([...diff.missing, ...diff.stale]);
  await inBatches(
    wanted.filter((file) => changed.has(file.path)),
    (file) => writeFile(join(temp, file.path), file.contents),
  );
}

/** The identities, taken at `seenAt`, of the files that had settled by then and are not in `skip`. */
function settledOf(
  identities: ReadonlyMap<string, FileIdentity>,
  seenAt: number,
  skip: ReadonlySet<string>,
): Map<string, FileIdentity> {
  const settled = new Map<string, FileIdentity>();
  for (const [name, identity] of identities) {
    if (!skip.has(name) && isSettled(identity, seenAt)) settled.set(name, identity);
  }
  return settled;
}

/** The identities of `files` in the folder (a new tree, just swapped in). */
function statFiles(outDir: string, files: readonly GeneratedFile[]): Map<string, FileIdentity> {
  const identities = new Map<string, FileIdentity>();
  for (const file of files) {
    const info = lstatSync(join(outDir, file.path), { throwIfNoEntry: false });
    if (info?.isFile() === true) identities.set(file.path, identityOf(info));
  }
  return identities;
}

/**
 * Replaces the generator's files in `outDir` with `files`, under a lock. A folder the generator wrote before
 * (it holds the manifest) is updated in place: only the changed files are replaced, each atomically, and the
 * manifest last, so an interrupted update is found and finished by the next run. Any other folder is replaced
 * whole: the new tree is staged in a sibling temp folder (carrying over, by hard link, every file the
 * generator does not own), then swapped in with two renames; a crash leaves the old tree in place or
 * recoverable by the next run. Either way only the generator's own files are ever replaced or removed.
 *
 * @example
 * await writeTree('generated/callbacks', result.files);
 */
export async function writeTree(
  outDir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const { signal } = options;
  signal?.throwIfAborted();
  const target = await realTarget(outDir);
  await checkNotProtected(target, options.protect ?? []);
  const names = siblings(target);
  checkWritable(target);
  const lock = await acquireLock(names.lock, options.lockTimeoutMs ?? 60_000, signal);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = names.name('tmp', suffix);
  try {
    await options.onStage?.('locked');
    recover(target, names);
    const existed = checkWritable(target);
    if (existed) removeInsideTemps(target);
    const seenAt = Date.now();
    const identities = existed ? await checkEntries(target) : new Map<string, FileIdentity>();
    const wanted = withManifest(files, options.definitions);
    const diff = await diffTree(target, wanted, {
      recall: (name) => {
        const earlier = options.known?.get(name);
        const now = identities.get(name);
        return earlier !== undefined && now !== undefined && sameIdentity(earlier.identity, now)
          ? earlier
          : undefined;
      },
    });
    if (diff.conflicts.length > 0) {
      throw new OutputError(
        'refusing to overwrite a file fluid-codegen did not write',
        join(target, diff.conflicts[0] ?? ''),
        undefined,
      );
    }
    const written = [...diff.missing, ...diff.stale].sort();
    const summary = {
      written,
      removed: diff.extra,
      changed: !isCurrent(diff),
      settled: settledOf(identities, seenAt, new Set([...written, ...diff.extra])),
    };
    if (!summary.changed) return summary;
    signal?.throwIfAborted();
    if (existed && isManifest(diff.existing.get(MANIFEST_NAME)?.contents)) {
      // From here the update runs to the end: every file it writes is whole, and the manifest comes last.
      await updateInPlace(target, wanted, diff, suffix, options.onStage);
      return summary;
    }
    try {
      await stage(target, temp, wanted, diff, existed);
    } catch (error) {
      fail('cannot write the new output', temp, error);
    }
    await options.onStage?.('staged');
    // The last point a signal can stop the run: from here the two renames run to the end.
    signal?.throwIfAborted();
    const aside = names.name('old', suffix);
    if (existed) {
      await rename(target, aside).catch((error: unknown) =>
        fail('cannot move the old output aside', target, error),
      );
    }
    await options.onStage?.('moved-aside');
    try {
      await rename(temp, target);
    } catch (error) {
      if (existed) await rename(aside, target);
      fail('cannot move the new output into place', target, error);
    }
    await options.onStage?.('swapped');
    const swappedAt = Date.now();
    const settled = settledOf(statFiles(target, wanted), swappedAt, new Set());
    // Synchronous for the same reason as carryOver: a thousand unlinks, each one cheap.
    rmSync(aside, { recursive: true, force: true });
    return { ...summary, settled };
  } finally {
    await rm(temp, { recursive: true, force: true });
    await lock.release();
  }
}
