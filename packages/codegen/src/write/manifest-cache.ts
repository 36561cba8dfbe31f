import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DefinitionOutput } from '../core/types.js';
import type { GenerateCache } from '../generate.js';
import { sha256 } from '../hash.js';
import { MANIFEST_NAME, readManifest } from './manifest.js';
import { type FileIdentity, identityOf } from './out-folder.js';

/** A module path the manifest may name: one plain file in the output folder, nothing else. */
function isPlainFile(path: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*\.ts$/.test(path) && !path.includes('..');
}

/**
 * The outputs an earlier run recorded in `outDir`'s manifest, as a {@link GenerateCache}: each entry
 * keyed by its input hash, with its module read back from disk. A module that is missing or differs
 * from what the manifest hashed (edited by hand) is left out, so it is emitted again.
 */
export async function loadManifestCache(outDir: string): Promise<ManifestCache> {
  const cache: GenerateCache = new Map();
  const known = new Map<string, { contents: string; identity: FileIdentity }>();
  const text = await readFile(join(outDir, MANIFEST_NAME), 'utf8').catch(() => undefined);
  const manifest = readManifest(text);
  for (const record of manifest.definitions) {
    if (!isPlainFile(record.file)) continue;
    const read = readWithIdentity(join(outDir, record.file));
    if (read === undefined || sha256(read.contents) !== record.sha256) continue;
    const { contents } = read;
    known.set(record.file, read);
    const output: DefinitionOutput = {
      hash: record.hash,
      file: { path: record.file, contents },
      diagnostics: record.diagnostics.map((diagnostic) => ({ ...diagnostic, definition: record.name })),
      runtime: new Set(record.runtime),
      types: record.types,
      validators: record.validators,
    };
    cache.set(record.input, output);
  }
  return { cache, known };
}

/** The reused outputs, and the modules read to check them (so the writer need not read them again). */
export interface ManifestCache {
  readonly cache: GenerateCache;
  readonly known: ReadonlyMap<string, { readonly contents: string; readonly identity: FileIdentity }>;
}

/**
 * One stored module and its identity, both from the same open descriptor (so the identity is that of
 * the contents read). Synchronous on purpose: the modules are small and a run reads up to thousands of
 * them, where the promise API's four thread-pool round trips per file (open, stat, read, close) cost
 * more than the reads; profiled on 1000 modules, this step went from about 90 ms to a few.
 */
function readWithIdentity(path: string): { contents: string; identity: FileIdentity } | undefined {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO put in a module's place must not hang the open; it is refused as not a file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) return undefined;
    return { contents: readFileSync(fd, 'utf8'), identity: identityOf(info) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
