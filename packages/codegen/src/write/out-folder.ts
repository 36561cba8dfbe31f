// Which output folders the writer may replace, and the names of the folders it keeps beside one.
import { type Dirent, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { OutputError, systemErrorCode } from '../errors/codegen-error.js';
import { type FileIdentity, identityOf } from '../file-identity.js';

// Synchronous file system calls throughout: each is one cheap system call, where a promise round trip through
// the thread pool costs more, and every run makes a couple of dozen of them.

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The entry's own stats, or `undefined` when it cannot be had (missing, or a parent is a file). */
function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The folder as the writer will treat it: symlinks followed, so a linked folder is updated, never replaced. */
export async function realTarget(outDir: string): Promise<string> {
  const absolute = resolve(outDir);
  const info = lstatOrUndefined(absolute);
  if (info?.isSymbolicLink() === true) {
    let followed: string;
    try {
      followed = realpathSync(absolute);
    } catch (error) {
      throw new OutputError('the output path is a symlink to nothing', absolute, systemErrorCode(error), {
        cause: error,
      });
    }
    const target = statSync(followed);
    if (!target.isDirectory())
      throw new OutputError('the output path is a symlink to a file', absolute, 'ENOTDIR');
    return followed;
  }
  // The folder itself may not exist yet; its nearest existing ancestor is resolved, the rest kept.
  let existing = dirname(absolute);
  const rest = [basename(absolute)];
  for (;;) {
    const real = realpathOrUndefined(existing);
    if (real !== undefined) return join(real, ...rest);
    if (dirname(existing) === existing) return absolute;
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
}

function contains(ancestor: string, path: string): boolean {
  const between = relative(ancestor, path);
  return between === '' || (between !== '..' && !between.startsWith(`..${sep}`) && !isAbsolute(between));
}

/**
 * Refuses an output folder whose replacement would destroy what the generator does not own: the file
 * system root, the home folder, or any folder that is or holds one of `protect` (the input). Paths are
 * compared after resolving symlinks.
 */
export async function checkNotProtected(target: string, protect: readonly string[]): Promise<void> {
  if (dirname(target) === target)
    throw new OutputError('refusing to use the file system root as output', target, undefined);
  const home = realpathOrUndefined(homedir()) ?? resolve(homedir());
  if (target === home) throw new OutputError('refusing to use the home folder as output', target, undefined);
  for (const path of protect) {
    const real = await realTarget(path);
    if (contains(target, real)) {
      throw new OutputError(
        real === target ? 'the output folder is the input' : `the output folder holds the input ${real}`,
        target,
        undefined,
      );
    }
  }
}

/**
 * Walks the existing output folder and refuses it, naming the entry, when it holds anything but
 * regular files and folders on its own file system: a symlink, socket, FIFO or device, or a mount
 * point. The writer moves the whole folder aside, which would carry a mount away or follow a link.
 */
export async function checkEntries(target: string): Promise<Map<string, FileIdentity>> {
  const identities = new Map<string, FileIdentity>();
  const root = statSync(target);
  const parent = statSync(dirname(target));
  if (root.dev !== parent.dev) throw new OutputError('the output folder is a mount point', target, 'EBUSY');
  const walk = (folder: string): void => {
    const entries: Dirent[] = readdirSync(folder, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (!entry.isFile() && !entry.isDirectory()) {
        throw new OutputError(
          `the output folder holds ${kindOf(entry)}, not a regular file or folder; refusing to replace it`,
          path,
          undefined,
        );
      }
      const info = lstatSync(path);
      if (folder === target && entry.isFile()) identities.set(entry.name, identityOf(info));
      if (info.dev !== root.dev) {
        throw new OutputError('the output folder holds a mount point; refusing to replace it', path, 'EBUSY');
      }
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(target);
  return identities;
}

function kindOf(entry: {
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
}): string {
  if (entry.isSymbolicLink()) return 'a symlink';
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'a special file';
}

/** Folders and the lock the writer keeps next to the output folder, and how to recognise its own. */
export interface Siblings {
  readonly lock: string;
  /** What the last run learned about its inputs (see `write/stat-cache.ts`). */
  readonly statCache: string;
  /** A fresh temp (`tmp`) or moved-aside (`old`) folder name for this run. */
  name(kind: 'tmp' | 'old', suffix: string): string;
  /** Whether `name` (in the parent folder) is this output folder's temp or old folder, and which. */
  owns(name: string): 'tmp' | 'old' | 'stale-lock' | undefined;
}

const LEFTOVER = /^\.fluid-codegen-(.*)\.(tmp|old)-\d+-[0-9a-f]{8}$/s;
const STALE_LOCK = /^\.fluid-codegen-(.*)\.lock-stale-[0-9a-f]{8}$/s;

/**
 * Sibling names for `target`, all `.fluid-codegen-<name>.…` (git-ignored). A leftover is recognised by
 * parsing the whole name and comparing the folder name exactly, so `gen` never claims `gen.v2`'s folders.
 */
export function siblings(target: string): Siblings {
  const parent = dirname(target);
  const base = basename(target);
  return {
    lock: join(parent, `.fluid-codegen-${base}.lock`),
    statCache: join(parent, `.fluid-codegen-${base}.stat.json`),
    name: (kind, suffix) => join(parent, `.fluid-codegen-${base}.${kind}-${suffix}`),
    owns: (name) => {
      const leftover = LEFTOVER.exec(name);
      if (leftover?.[1] === base) return leftover[2] as 'tmp' | 'old';
      const stale = STALE_LOCK.exec(name);
      if (stale?.[1] === base) return 'stale-lock';
      return undefined;
    },
  };
}
