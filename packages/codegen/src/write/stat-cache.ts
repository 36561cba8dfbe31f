// The stat cache: what the last successful run learned about its input files and output modules, kept beside
// the output folder (`.fluid-codegen-<name>.stat.json`, git-ignored with the other `.fluid-codegen-*` names)
// rather than in the manifest, which is committed and must be the same bytes on every machine. Every entry is a
// fact about one file version (its identity, see `file-identity.ts`), so an entry of another run, another input
// folder or an older tree is never wrong, only unused; a missing or damaged cache only makes the run read every
// file, as a cold run does.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { FileIdentity } from '../file-identity.js';
import type { InputRecord } from '../load/input-record.js';
import { VERSION } from '../version.js';
import { siblings } from './out-folder.js';

/** A module of the output folder as a run left it: its identity, and the SHA-256 the manifest records for it. */
export interface ModuleRecord {
  readonly identity: FileIdentity;
  readonly sha256: string;
}

/** The cache as read: its text (to skip rewriting it unchanged), input records by path, modules by name. */
export interface StatCache {
  readonly text: string | undefined;
  readonly inputs: ReadonlyMap<string, InputRecord>;
  readonly modules: ReadonlyMap<string, ModuleRecord>;
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

// On disk each record is a tuple (a thousand files make a cache read and written every run, and tuples parse
// and print in about half the time of objects): an identity is `[dev, ino, size, mtimeMs, ctimeMs]`, an input
// `[path, sha256, identity, [at, name, at, name, ...], diagnostics]`, a module `[sha256, identity]`.
type IdentityTuple = [number, number, number, number, number];

function identityTuple({ dev, ino, size, mtimeMs, ctimeMs }: FileIdentity): IdentityTuple {
  return [dev, ino, size, mtimeMs, ctimeMs];
}

function identityFrom(value: unknown): FileIdentity | undefined {
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  for (const part of value) if (typeof part !== 'number') return undefined;
  const [dev, ino, size, mtimeMs, ctimeMs] = value as IdentityTuple;
  return { dev, ino, size, mtimeMs, ctimeMs };
}

function isInputDiagnostic(value: unknown): value is InputRecord['diagnostics'][number] {
  return (
    isObject(value) &&
    ['code', 'message', 'pointer', 'at'].every((key) => typeof value[key] === 'string') &&
    (value.severity === 'error' || value.severity === 'warning') &&
    (value.definition === undefined || typeof value.definition === 'string')
  );
}

function inputTuple(record: InputRecord): unknown[] {
  const definitions = record.definitions.flatMap(({ at, name }) => [at, name]);
  return [record.path, record.sha256, identityTuple(record.identity), definitions, record.diagnostics];
}

function inputFrom(value: unknown): InputRecord | undefined {
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  const [path, sha256, id, flat, diagnostics] = value as unknown[];
  const identity = identityFrom(id);
  if (typeof path !== 'string' || typeof sha256 !== 'string' || identity === undefined) return undefined;
  if (!Array.isArray(flat) || flat.length % 2 !== 0 || !Array.isArray(diagnostics)) return undefined;
  const definitions: Array<{ at: string; name: string }> = [];
  for (let index = 0; index < flat.length; index += 2) {
    const at: unknown = flat[index];
    const name: unknown = flat[index + 1];
    if (typeof at !== 'string' || typeof name !== 'string') return undefined;
    definitions.push({ at, name });
  }
  if (!diagnostics.every(isInputDiagnostic)) return undefined;
  return { path, sha256, identity, definitions, diagnostics };
}

function moduleFrom(value: unknown): ModuleRecord | undefined {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return undefined;
  const identity = identityFrom(value[1]);
  return identity === undefined ? undefined : { sha256: value[0], identity };
}

/**
 * The stat cache beside `outDir`, if this generator version wrote it under the same JSON depth limit (which
 * changes what reading an input gives); empty when it is missing, damaged or another version's.
 */
export function readStatCache(outDir: string, maxJsonDepth: number): StatCache {
  const inputs = new Map<string, InputRecord>();
  const modules = new Map<string, ModuleRecord>();
  let text: string | undefined;
  try {
    text = readFileSync(siblings(outDir).statCache, 'utf8');
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return { text, inputs, modules };
    const { generator, version, depth, files, outputs } = value;
    if (generator !== 'fluid-codegen' || version !== VERSION || depth !== maxJsonDepth) {
      return { text, inputs, modules };
    }
    if (Array.isArray(files)) {
      for (const tuple of files) {
        const record = inputFrom(tuple);
        if (record !== undefined) inputs.set(record.path, record);
      }
    }
    if (isObject(outputs)) {
      for (const [name, tuple] of Object.entries(outputs)) {
        const record = moduleFrom(tuple);
        if (record !== undefined) modules.set(name, record);
      }
    }
  } catch {
    // Missing or damaged: every file is read.
  }
  return { text, inputs, modules };
}

function byKey<T>(entries: Iterable<[string, T]>): Array<[string, T]> {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Writes the records to the stat cache beside `outDir`, unless it already says the same: a temp file beside
 * it, renamed over it, so a reader never sees half of it. Best effort: the cache only saves work, so failing to
 * write it fails nothing.
 */
export function writeStatCache(
  outDir: string,
  previous: StatCache | undefined,
  inputs: readonly InputRecord[],
  modules: ReadonlyMap<string, ModuleRecord>,
  maxJsonDepth: number,
): void {
  const files = byKey(inputs.map((record): [string, InputRecord] => [record.path, record])).map(
    ([, record]) => inputTuple(record),
  );
  const outputs = Object.fromEntries(
    byKey(modules).map(([name, record]) => [name, [record.sha256, identityTuple(record.identity)]]),
  );
  const text = `${JSON.stringify({ generator: 'fluid-codegen', version: VERSION, depth: maxJsonDepth, files, outputs })}\n`;
  if (text === previous?.text) return;
  const names = siblings(outDir);
  // A temp name the folder's next run recognises as its own leftover and removes, should this one be killed.
  const temp = names.name('tmp', `${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, names.statCache);
  } catch {
    rmSync(temp, { force: true });
  }
}
