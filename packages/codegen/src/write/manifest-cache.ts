import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionOutput, GeneratedFile } from '../core/types.js';
import { REGISTRY_FILE, type RegistryFragments, splitRegistry } from '../emit/registry.js';
import { FileChangedError } from '../errors/codegen-error.js';
import { type FileIdentity, identityOf, sameIdentity } from '../file-identity.js';
import type { GenerateCache } from '../generate.js';
import { sha256 } from '../hash.js';
import { VERSION } from '../version.js';
import { MANIFEST_NAME, type ManifestDefinition, readManifest } from './manifest.js';
import type { ModuleRecord } from './stat-cache.js';

/** A module path the manifest may name: one plain file in the output folder, nothing else. */
function isPlainFile(path: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*\.ts$/.test(path) && !path.includes('..');
}

/**
 * Each record's parts of the registry, cut out of the `index.ts` the manifest describes; none when that file
 * is not the one the manifest hashed (edited, or from an interrupted run) or a record has no lengths.
 */
function registryParts(
  read: StoredFile | undefined,
  hash: string | undefined,
  records: readonly ManifestDefinition[],
): Array<RegistryFragments | undefined> {
  const lengths = records.map((record) => record.registry);
  if (read === undefined || read.sha256 !== hash || lengths.some((entry) => entry === undefined)) return [];
  return splitRegistry(read.contents, lengths as number[][]) ?? [];
}

/**
 * A module the stat cache vouches for: on disk with the identity it recorded, and recorded with the hash the
 * manifest has for it. Its contents are read only if something asks for them, and must then still hash to it.
 */
function unread(
  outDir: string,
  record: ManifestDefinition,
  trusted: ModuleRecord | undefined,
): StoredFile | undefined {
  if (trusted === undefined || trusted.sha256 !== record.sha256) return undefined;
  const path = join(outDir, record.file);
  const info = lstatSync(path, { throwIfNoEntry: false });
  if (info === undefined || !info.isFile() || !sameIdentity(identityOf(info), trusted.identity))
    return undefined;
  let contents: string | undefined;
  return {
    get contents() {
      if (contents === undefined) {
        const read = readWithIdentity(path);
        if (read?.sha256 !== record.sha256) throw new FileChangedError(path);
        contents = read.contents;
      }
      return contents;
    },
    sha256: record.sha256,
    identity: trusted.identity,
    unread: true,
  };
}

/**
 * The outputs an earlier run recorded in `outDir`'s manifest, as a {@link GenerateCache}: each entry
 * keyed by its input hash, with its module read back from disk and its parts of `index.ts`. A module that
 * is missing or differs from what the manifest hashed (edited by hand, or left by an interrupted run) is
 * left out, so it is emitted again. A module `trusted` (the stat cache) records with the identity it has now
 * and the hash the manifest has is not read: its contents are read only if something asks for them.
 */
export async function loadManifestCache(
  outDir: string,
  trusted: ReadonlyMap<string, ModuleRecord> = new Map(),
): Promise<ManifestCache> {
  const cache: GenerateCache = new Map();
  const known = new Map<string, KnownModule>();
  const stored = readWithIdentity(join(outDir, MANIFEST_NAME));
  const manifest = readManifest(stored?.contents);
  const index = manifest.index === undefined ? undefined : readWithIdentity(join(outDir, REGISTRY_FILE));
  const registry = registryParts(index, manifest.index, manifest.definitions);
  // A record's input hash names this generator version only if the manifest is this version's.
  const current = manifest.version === VERSION;
  // The writer compares the folder with the new tree: it need not read these again either.
  for (const [name, read] of [
    [MANIFEST_NAME, stored],
    [REGISTRY_FILE, index],
  ] as const) {
    if (read !== undefined) known.set(name, { contents: read.contents, identity: read.identity });
  }
  for (const [position, record] of manifest.definitions.entries()) {
    if (!isPlainFile(record.file)) continue;
    const read =
      unread(outDir, record, trusted.get(record.file)) ?? readWithIdentity(join(outDir, record.file));
    if (read === undefined || read.sha256 !== record.sha256) continue;
    const file: GeneratedFile = read.unread
      ? {
          path: record.file,
          get contents() {
            return read.contents;
          },
        }
      : { path: record.file, contents: read.contents };
    known.set(record.file, {
      get contents() {
        return read.contents;
      },
      identity: read.identity,
      ...(read.unread ? { file } : {}),
    });
    const fragments = registry[position];
    const output: DefinitionOutput = {
      hash: record.hash,
      file,
      fileSha256: read.sha256,
      diagnostics: record.diagnostics.map((diagnostic) => ({ ...diagnostic, definition: record.name })),
      runtime: new Set(record.runtime),
      types: record.types,
      validators: record.validators,
      ...(fragments === undefined ? {} : { registry: fragments }),
      ...(record.source === undefined || !current
        ? {}
        : { source: { name: record.name, sha256: record.source } }),
    };
    cache.set(record.input, output);
  }
  return { cache, known };
}

/**
 * A module the cache read or vouched for, with its identity then. `file`, when set, is the output's own file
 * object, whose contents are that module on disk unread: a writer finding the module still of that identity
 * knows it needs no rewriting without reading it.
 */
export interface KnownModule {
  readonly contents: string;
  readonly identity: FileIdentity;
  readonly file?: GeneratedFile;
}

/** The reused outputs, and the modules read to check them (so the writer need not read them again). */
export interface ManifestCache {
  readonly cache: GenerateCache;
  readonly known: ReadonlyMap<string, KnownModule>;
}

/**
 * One stored file, its SHA-256 (of the bytes, as `sha256` of the text would be) and its identity, all from the
 * same open descriptor (so the identity is that of the contents read). Synchronous on purpose: the modules are
 * small and a run reads up to thousands of them, where the promise API's four thread-pool round trips per file
 * (open, stat, read, close) cost more than the reads; profiled on 1000 modules, this step went from about 90 ms
 * to a few.
 */
/** A file read back from the output folder. */
interface StoredFile {
  readonly contents: string;
  readonly sha256: string;
  readonly identity: FileIdentity;
  /** Contents not read yet (the stat cache vouched for the file). */
  readonly unread?: boolean;
}

function readWithIdentity(path: string): StoredFile | undefined {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO put in a module's place must not hang the open; it is refused as not a file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) return undefined;
    const bytes = readFileSync(fd);
    return { contents: bytes.toString('utf8'), sha256: sha256(bytes), identity: identityOf(info) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
