import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutputError, systemErrorCode } from '../errors/codegen-error.js';
import type { GeneratedFile } from '../generate.js';
import { BANNER_PREFIX, MANIFEST_NAME, parseManifest } from './manifest.js';

/** How the output folder differs from what the generator would write. */
export interface TreeDiff {
  /** Files the generator would write that do not exist. */
  readonly missing: string[];
  /** Files that exist with other contents. */
  readonly stale: string[];
  /** Files the generator wrote before but would not write now (they will be removed). */
  readonly extra: string[];
  /** Files the generator would write over that it did not write (it refuses). */
  readonly conflicts: string[];
  /** Every existing entry in the folder and whether the generator owns it. */
  readonly existing: ReadonlyMap<string, { readonly owned: boolean; readonly contents: string | undefined }>;
}

/**
 * Files whose contents are already known (read earlier in the run), for {@link diffTree} to take
 * instead of reading: `recall` answers only when the file on disk is still the version that was read.
 * When it answers with `file`, that wanted file's contents are the file on disk (vouched for, not read): it
 * is current without a comparison.
 */
export interface KnownFiles {
  recall(name: string): { readonly contents: string; readonly file?: GeneratedFile } | undefined;
}

/** Whether the folder already matches the wanted files exactly. */
export function isCurrent(diff: TreeDiff): boolean {
  return diff.missing.length + diff.stale.length + diff.extra.length + diff.conflicts.length === 0;
}

// Synchronous reads: a folder of a thousand small modules costs more in promise round trips than in reading.
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (['ENOENT', 'EISDIR'].includes(systemErrorCode(error) ?? '')) return undefined;
    throw new OutputError('cannot read', path, systemErrorCode(error), { cause: error });
  }
}

/**
 * Compares the output folder with `wanted` (which includes the manifest). A file is the generator's
 * when the previous manifest lists it or it starts with the generator's banner; nothing else is
 * ever reported as extra.
 */
export async function diffTree(
  outDir: string,
  wanted: readonly GeneratedFile[],
  known?: KnownFiles,
): Promise<TreeDiff> {
  let names: string[];
  let folders = new Set<string>();
  try {
    const entries: Dirent[] = readdirSync(outDir, { withFileTypes: true });
    names = entries.map((entry) => entry.name).sort();
    folders = new Set(entries.filter((entry) => !entry.isFile()).map((entry) => entry.name));
  } catch (error) {
    if (systemErrorCode(error) !== 'ENOENT')
      throw new OutputError('cannot read the output folder', outDir, systemErrorCode(error), {
        cause: error,
      });
    names = [];
  }
  const manifest = parseManifest(
    names.includes(MANIFEST_NAME)
      ? (known?.recall(MANIFEST_NAME)?.contents ?? readText(join(outDir, MANIFEST_NAME)))
      : undefined,
  );
  const existing = new Map<string, { owned: boolean; contents: string | undefined }>();
  // Wanted files that are the file on disk, unread.
  const onDisk = new Map<string, GeneratedFile>();
  for (const name of names) {
    // Only regular files are read (a FIFO would block).
    const recalled = folders.has(name) ? undefined : known?.recall(name);
    if (recalled?.file !== undefined) {
      onDisk.set(name, recalled.file);
      existing.set(name, {
        owned: name === MANIFEST_NAME || manifest.has(name) || recalled.contents.startsWith(BANNER_PREFIX),
        get contents() {
          return recalled.contents;
        },
      });
      continue;
    }
    const text = folders.has(name) ? undefined : (recalled?.contents ?? readText(join(outDir, name)));
    const owned = name === MANIFEST_NAME || manifest.has(name) || (text?.startsWith(BANNER_PREFIX) ?? false);
    existing.set(name, { owned, contents: text });
  }
  const wantedPaths = new Set(wanted.map((file) => file.path));
  const diff: TreeDiff = { missing: [], stale: [], extra: [], conflicts: [], existing };
  for (const file of wanted) {
    const current = existing.get(file.path);
    if (current === undefined) diff.missing.push(file.path);
    else if (onDisk.get(file.path) === file || current.contents === file.contents) continue;
    else if (current.owned) diff.stale.push(file.path);
    else diff.conflicts.push(file.path);
  }
  for (const [name, entry] of existing) {
    if (entry.owned && !wantedPaths.has(name)) diff.extra.push(name);
  }
  return diff;
}
