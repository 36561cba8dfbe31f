// Runs that take unchanged files on trust from the stat cache (their stats match what an earlier run recorded):
// after every kind of edit, the tree they leave is the one a cold run makes, and they print the same lines.
import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileChangedError } from '../src/errors/codegen-error.js';
import { isSettled } from '../src/file-identity.js';
import { loadRecorded } from '../src/load/load-definitions.js';
import { loadManifestCache } from '../src/write/manifest-cache.js';
import { readStatCache } from '../src/write/stat-cache.js';
import { runMain, snapshotDir, tempDir } from './helpers.js';

const ARGS = ['generate', '--input', 'defs', '--out', 'out'];
/** A modification time in seconds. */
const OLD = 1_700_000_000.25;

function definition(index: number, name = `callback_${index}`) {
  return {
    name,
    description: `Callback ${index}.`,
    request_schema: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', minLength: index % 5 }, tag: { enum: ['a', `b${index}`] } },
    },
    response_schema: { type: 'object', properties: { ok: { type: 'boolean' } } },
  };
}

/** A definitions folder: single files, a list file of two, and a file with a warning. */
async function project(): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, 'defs'));
  for (let index = 0; index < 8; index++) {
    await writeFile(join(dir, 'defs', `callback_${index}.json`), JSON.stringify(definition(index)));
  }
  await writeFile(
    join(dir, 'defs', 'list.json'),
    JSON.stringify({ definitions: [definition(20), definition(21)], meta: {} }),
  );
  await writeFile(join(dir, 'defs', 'warned.json'), JSON.stringify({ ...definition(30), extra: 1 }));
  // Old files, as a checkout may leave them (a time with a fraction, as fine-grained file systems stamp).
  for (const name of await readdir(join(dir, 'defs'))) await utimes(join(dir, 'defs', name), OLD, OLD);
  return dir;
}

/**
 * Waits until the files written so far count as settled, so the next run records them. Every file is waited for:
 * on a busy machine the last one's ctime can be well after the first one's.
 */
async function settle(dir: string): Promise<void> {
  let mtimeMs = 0;
  let ctimeMs = 0;
  for (const name of await readdir(join(dir, 'defs'))) {
    const info = await stat(join(dir, 'defs', name));
    mtimeMs = Math.max(mtimeMs, info.mtimeMs);
    ctimeMs = Math.max(ctimeMs, info.ctimeMs);
  }
  const identity = { dev: 0, ino: 0, size: 0, mtimeMs, ctimeMs };
  const started = Date.now();
  while (!isSettled(identity, Date.now())) {
    if (Date.now() - started > 10_000) throw new Error('files never settled');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The tree and output of a cold run on a copy of `dir`'s definitions (no manifest, no stat cache). */
async function cold(dir: string, args: readonly string[] = ARGS) {
  const fresh = await tempDir();
  await cp(join(dir, 'defs'), join(fresh, 'defs'), { recursive: true });
  const run = await runMain(args, fresh);
  return { ...run, tree: await snapshotDir(join(fresh, 'out')) };
}

/**
 * Runs on `dir` and expects what a cold run on the same definitions gives: the same exit code and warnings, and
 * the same tree, or (when both fail) the folder left as it was.
 */
async function expectCold(dir: string, args: readonly string[] = ARGS) {
  const before = await snapshotDir(join(dir, 'out'));
  const run = await runMain(args, dir);
  const reference = await cold(dir, args);
  expect(run.code).toBe(reference.code);
  expect(run.stderr).toBe(reference.stderr);
  expect(await snapshotDir(join(dir, 'out'))).toEqual(run.code === 0 ? reference.tree : before);
  return run;
}

describe('the stat cache', () => {
  it('is kept beside the output folder, not in it, and records the settled inputs and modules', async () => {
    const dir = await project();
    await settle(dir);
    expect((await runMain(ARGS, dir)).code).toBe(0);
    const cache = readStatCache(join(dir, 'out'), 512);
    expect(cache.inputs.size).toBe(10);
    expect(Object.keys(await snapshotDir(join(dir, 'out')))).not.toContain('.fluid-codegen-out.stat.json');
    expect(await stat(join(dir, '.fluid-codegen-out.stat.json'))).toBeTruthy();
    // A second run, a while later, also vouches for the modules the first one wrote.
    await settle(dir);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await runMain(ARGS, dir);
    expect(again.stdout).toContain('already up to date');
    expect(readStatCache(join(dir, 'out'), 512).modules.size).toBe(11);
  }, 120_000);

  it('takes unchanged files on trust: their definitions and modules are not read until needed', async () => {
    const dir = await project();
    await settle(dir);
    expect((await runMain(ARGS, dir)).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await runMain(ARGS, dir)).code).toBe(0);
    const cache = readStatCache(join(dir, 'out'), 512);
    const loaded = await loadRecorded('defs', { cwd: dir }, cache.inputs);
    const list = loaded.definitions.find((item) => item.definition.name === 'callback_21');
    expect(list?.source).toBe('defs/list.json#/definitions/1');
    const schema = Object.getOwnPropertyDescriptor(list?.definition, 'request_schema');
    expect(schema?.get).toBeTypeOf('function');
    // Read on first use, the same as a fresh read.
    expect(list?.definition.request_schema).toEqual(definition(21).request_schema);
    expect(loaded.diagnostics.map((item) => `${item.file} ${item.code}`)).toEqual([
      'defs/warned.json unknown-field',
    ]);
    const modules = await loadManifestCache(join(dir, 'out'), cache.modules);
    const output = [...modules.cache.values()].find((item) => item.file?.path === 'callback-3.ts');
    expect(Object.getOwnPropertyDescriptor(output?.file, 'contents')?.get).toBeTypeOf('function');
    expect(output?.file?.contents).toBe(await readFile(join(dir, 'out', 'callback-3.ts'), 'utf8'));
  }, 120_000);

  it('gives the tree and output of a cold run after every kind of edit', async () => {
    const dir = await project();
    const defs = join(dir, 'defs');
    await settle(dir);
    await expectCold(dir);
    await settle(dir);
    const unchanged = await expectCold(dir);
    expect(unchanged.stdout).toContain('already up to date');
    expect(unchanged.stderr).toContain('defs/warned.json: callback_30: /extra: warning[unknown-field]');

    // Same size, mtime put back: the ctime still tells.
    const path = join(defs, 'callback_2.json');
    const before = await stat(path);
    expect(before.mtimeMs).toBe(OLD * 1000);
    const text = await readFile(path, 'utf8');
    const edited = text.replace('"Callback 2."', '"Callback X."');
    expect(edited.length).toBe(text.length);
    await writeFile(path, edited);
    await utimes(path, OLD, OLD);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    expect((await stat(path)).size).toBe(before.size);
    expect((await expectCold(dir)).stdout).toContain('wrote 3 and removed 0 file(s)');
    expect(await readFile(join(dir, 'out', 'callback-2.ts'), 'utf8')).toContain('Callback X.');

    // A definition renamed inside its file (same size), a file renamed, one deleted, one added.
    await settle(dir);
    const list = join(defs, 'list.json');
    await writeFile(list, (await readFile(list, 'utf8')).replace('callback_21', 'callback_22'));
    await rename(join(defs, 'callback_4.json'), join(defs, 'renamed.json'));
    await rm(join(defs, 'callback_5.json'));
    await writeFile(join(defs, 'added.json'), JSON.stringify(definition(40)));
    await expectCold(dir);
    expect(await readFile(join(dir, 'out', '.fluid-codegen.json'), 'utf8')).toContain('"callback_22"');

    // Settings that change the output.
    await settle(dir);
    await expectCold(dir, [...ARGS, '--formats', 'annotate']);
    expect((await expectCold(dir, [...ARGS, '--strict'])).code).toBe(1);
    await rm(join(defs, 'warned.json'));
    await expectCold(dir, [...ARGS, '--strict']);
    await expectCold(dir);

    // Two files defining one name: the same error as a cold run, and the folder left as it was.
    await settle(dir);
    await writeFile(join(defs, 'again.json'), JSON.stringify(definition(0)));
    const tree = await snapshotDir(join(dir, 'out'));
    expect((await expectCold(dir)).code).toBe(1);
    expect(await snapshotDir(join(dir, 'out'))).toEqual(tree);
    await rm(join(defs, 'again.json'));
    await expectCold(dir);
  }, 240_000);

  it('re-emits a module edited by hand to the same size and mtime', async () => {
    const dir = await project();
    await settle(dir);
    expect((await runMain(ARGS, dir)).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await runMain(ARGS, dir)).code).toBe(0);
    expect(readStatCache(join(dir, 'out'), 512).modules.has('callback-6.ts')).toBe(true);
    const module = join(dir, 'out', 'callback-6.ts');
    const before = await stat(module);
    const text = await readFile(module, 'utf8');
    await writeFile(module, text.replace('Callback 6.', 'Callback ?.'));
    // Node sets times to the microsecond; the module's own stamp has nanoseconds. Put back as near as it can.
    await utimes(module, before.atimeMs / 1000, before.mtimeMs / 1000);
    expect(Math.abs((await stat(module)).mtimeMs - before.mtimeMs)).toBeLessThan(0.01);
    expect((await stat(module)).size).toBe(before.size);
    expect((await runMain(ARGS, dir)).stdout).toContain('wrote 1 and removed 0 file(s)');
    expect(await readFile(module, 'utf8')).toBe(text);
  }, 120_000);

  it('reads every file again when one changed under the record it was taken on', async () => {
    const dir = await project();
    await settle(dir);
    expect((await runMain(ARGS, dir)).code).toBe(0);
    // A record that no longer says what the file holds (as if it changed without its stats changing): the
    // definition is needed (no output has that source hash), its bytes do not match, and the run starts over.
    const cachePath = join(dir, '.fluid-codegen-out.stat.json');
    const text = await readFile(cachePath, 'utf8');
    const { sha256 } =
      readStatCache(join(dir, 'out'), 512).inputs.get(join(dir, 'defs', 'callback_1.json')) ?? {};
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(cachePath, text.replace(sha256 ?? '', '0'.repeat(64)));
    const cache = readStatCache(join(dir, 'out'), 512);
    const loaded = await loadRecorded('defs', { cwd: dir }, cache.inputs);
    const item = loaded.definitions.find((entry) => entry.definition.name === 'callback_1');
    expect(() => item?.definition.request_schema).toThrow(FileChangedError);
    await writeFile(cachePath, text.replace(sha256 ?? '', '0'.repeat(64)));
    await writeFile(join(dir, 'out', '.fluid-codegen.json'), '{}');
    const run = await runMain(ARGS, dir);
    expect(run.code).toBe(0);
    // The warning is printed once, as in a cold run.
    expect(run.stderr).toBe((await cold(dir)).stderr);
    expect(await snapshotDir(join(dir, 'out'))).toEqual((await cold(dir)).tree);
  }, 120_000);

  it('is not used by --check or --force, and a damaged or foreign cache is ignored', async () => {
    const dir = await project();
    await settle(dir);
    expect((await runMain(ARGS, dir)).code).toBe(0);
    const cachePath = join(dir, '.fluid-codegen-out.stat.json');
    for (const damaged of ['not json', '[]', '{"generator":"fluid-codegen","version":"0.0.0","files":[]}']) {
      await writeFile(cachePath, damaged);
      await expectCold(dir);
    }
    // One damaged line costs only its own record.
    await expectCold(dir);
    const good = await readFile(cachePath, 'utf8');
    const inputs = readStatCache(join(dir, 'out'), 512).inputs.size;
    expect(inputs).toBe(10);
    await writeFile(cachePath, `${good}["input", "half a rec\n`);
    expect(readStatCache(join(dir, 'out'), 512).inputs.size).toBe(inputs);
    await expectCold(dir);
    const text = await readFile(cachePath, 'utf8');
    expect((await runMain([...ARGS, '--check'], dir)).code).toBe(0);
    expect((await runMain([...ARGS, '--force'], dir)).code).toBe(0);
    expect(await readFile(cachePath, 'utf8')).toBe(text);
  }, 120_000);
});
