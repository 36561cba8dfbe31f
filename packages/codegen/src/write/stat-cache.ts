// The stat cache: what the last successful run learned about its input files and output modules, kept beside
// the output folder (`.fluid-codegen-<name>.stat.json`, git-ignored with the other `.fluid-codegen-*` names)
// rather than in the manifest, which is committed and must be the same bytes on every machine. Every entry is a
// fact about one file version (its identity, see `file-identity.ts`), so an entry of another run, another input
// folder or an older tree is never wrong, only unused; a missing or damaged cache only makes the run read every
// file, as a cold run does.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { type FileIdentity, sameIdentity } from '../file-identity.js';
import type { InputRecord } from '../load/input-record.js';
import { compareText } from '../order.js';
import { isRecord } from '../schema/json.js';
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

// On disk: a header line, then one line per record (a thousand files make a cache read and written every run;
// a record that did not change keeps its line as read, so writing joins lines rather than printing records).
// Each record is a tuple, which parses and prints in about half the time of an object: an identity is
// `[dev, ino, size, mtimeMs, ctimeMs]`, an input `["input", path, sha256, identity, [at, name, ...], diagnostics]`,
// a module `["module", name, sha256, identity]`.
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
    isRecord(value) &&
    ['code', 'message', 'pointer', 'at'].every((key) => typeof value[key] === 'string') &&
    (value.severity === 'error' || value.severity === 'warning') &&
    (value.definition === undefined || typeof value.definition === 'string')
  );
}

/** Each record read, with its line: written again as it was when the record is unchanged. */
const lines = new WeakMap<object, string>();

function inputLine(record: InputRecord): string {
  const line = lines.get(record);
  if (line !== undefined) return line;
  const definitions = record.definitions.flatMap(({ at, name }) => [at, name]);
  const { path, sha256, identity, diagnostics } = record;
  return JSON.stringify(['input', path, sha256, identityTuple(identity), definitions, diagnostics]);
}

function inputFrom(value: readonly unknown[]): InputRecord | undefined {
  if (value.length !== 6) return undefined;
  const [, path, sha256, id, flat, diagnostics] = value;
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

function moduleFrom(value: readonly unknown[]): [string, ModuleRecord] | undefined {
  if (value.length !== 4) return undefined;
  const [, name, sha256, id] = value;
  const identity = identityFrom(id);
  if (typeof name !== 'string' || typeof sha256 !== 'string' || identity === undefined) return undefined;
  return [name, { sha256, identity }];
}

/** The header line: a cache is used only by the generator version that wrote it, at the same depth limit. */
function header(maxJsonDepth: number): string {
  return JSON.stringify({ generator: 'fluid-codegen', version: VERSION, depth: maxJsonDepth });
}

/** Each line's JSON value: parsed as one array (one call is faster than thousands), line by line if damaged. */
function parseLines(records: readonly string[]): unknown[] {
  try {
    const values: unknown = JSON.parse(`[${records.join(',')}]`);
    if (Array.isArray(values) && values.length === records.length) return values;
  } catch {
    // A damaged line: the others are still of use.
  }
  return records.map((line) => {
    try {
      return JSON.parse(line);
    } catch {
      return undefined;
    }
  });
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
  } catch {
    // Missing: every file is read.
    return { text, inputs, modules };
  }
  const [first, ...rest] = text.split('\n');
  if (first !== header(maxJsonDepth)) return { text, inputs, modules };
  const records = rest.filter((line) => line !== '');
  for (const [index, value] of parseLines(records).entries()) {
    const line = records[index];
    if (!Array.isArray(value) || line === undefined) continue;
    if (value[0] === 'input') {
      const record = inputFrom(value);
      if (record === undefined) continue;
      lines.set(record, line);
      inputs.set(record.path, record);
    } else if (value[0] === 'module') {
      const entry = moduleFrom(value);
      if (entry === undefined) continue;
      lines.set(entry[1], line);
      modules.set(...entry);
    }
  }
  return { text, inputs, modules };
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
  const out = [header(maxJsonDepth)];
  for (const record of [...inputs].sort((a, b) => compareText(a.path, b.path))) out.push(inputLine(record));
  for (const name of [...modules.keys()].sort(compareText)) {
    const record = modules.get(name);
    if (record === undefined) continue;
    const before = previous?.modules.get(name);
    const same = before?.sha256 === record.sha256 && sameIdentity(before.identity, record.identity);
    const line = same ? lines.get(before) : undefined;
    out.push(line ?? JSON.stringify(['module', name, record.sha256, identityTuple(record.identity)]));
  }
  const text = `${out.join('\n')}\n`;
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
