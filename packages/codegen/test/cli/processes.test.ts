import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../../src/write/manifest.js';
import { codegenRoot, repoRoot, runCli, snapshotDir, startCli, tempDir } from '../helpers.js';

const fixtures = join(codegenRoot, 'test/fixtures/cli/definitions');

/** What the writer left beside its folders, but the stat caches it keeps there on purpose. */
async function strays(parent: string): Promise<string[]> {
  return (await readdir(parent)).filter(
    (name) => name.startsWith('.fluid-codegen-') && !name.endsWith('.stat.json'),
  );
}

/** Waits until `text` appears in a growing stream. */
function waitFor(stream: NodeJS.ReadableStream, text: string): Promise<void> {
  let seen = '';
  return new Promise((resolve) => {
    stream.on('data', (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
  });
}

describe('fluid-codegen as concurrent processes (B3.34)', () => {
  it('two runs on one folder, one of them killed with SIGKILL, leave one complete tree that tsc accepts', async () => {
    // Inside the repository so the generated modules resolve `zod` for tsc.
    await mkdir(join(codegenRoot, 'test/.tmp'), { recursive: true });
    const dir = await tempDir(join(codegenRoot, 'test/.tmp/concurrent-'));
    await cp(fixtures, join(dir, 'one'), { recursive: true });
    await cp(fixtures, join(dir, 'two'), { recursive: true });
    await writeFile(
      join(dir, 'two', 'third.json'),
      JSON.stringify({ name: 'third', request_schema: {}, response_schema: {} }),
    );
    const args = (input: string) => ['generate', '--input', input, '--out', 'out'];

    // Reference trees: each input generated alone.
    expect((await runCli([...args('one'), '--out', 'ref-one'], dir)).code).toBe(0);
    expect((await runCli([...args('two'), '--out', 'ref-two'], dir)).code).toBe(0);
    // The reference trees name their own --out in the banners (and so in the manifest's hashes); only
    // that may differ, so banners are compared as if made for `out` and manifests are left out.
    const tree = async (name: string): Promise<Record<string, string>> => {
      const { [MANIFEST_NAME]: _manifest, ...files } = await snapshotDir(join(dir, name));
      return JSON.parse(JSON.stringify(files).replaceAll(`--out ${name}`, '--out out'));
    };
    const refs = [await tree('ref-one'), await tree('ref-two')];

    const together = await Promise.all([runCli(args('one'), dir), runCli(args('two'), dir)]);
    expect(together.map((run) => run.code)).toEqual([0, 0]);
    expect(refs).toContainEqual(await tree('out'));
    expect(await strays(dir)).toEqual([]);

    const victim = startCli(args('one'), dir);
    const survivor = runCli(args('two'), dir);
    await new Promise((resolve) => setTimeout(resolve, 150 + Math.floor(Math.random() * 400)));
    victim.kill('SIGKILL');
    expect((await survivor).code).toBe(0);
    expect(refs).toContainEqual(await tree('out'));

    // Whatever the kill left behind (a lock, a temp folder) the next run clears.
    expect((await runCli(args('two'), dir)).code).toBe(0);
    expect(await tree('out')).toEqual(refs[1]);
    expect(await strays(dir)).toEqual([]);

    const tsconfig = {
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: ['out/*.ts'],
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }');
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], {
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});

describe('fluid-codegen generate --watch', () => {
  it('regenerates on change and re-emits only the changed definition', async () => {
    const dir = await tempDir();
    await cp(fixtures, join(dir, 'defs'), { recursive: true });
    const child = startCli(['generate', '--input', 'defs', '--out', 'out', '--watch'], dir);
    try {
      await waitFor(child.stderr, 'watching defs');
      const first = await snapshotDir(join(dir, 'out'));
      expect(Object.keys(first)).toContain('order-quote.ts');

      const regenerated = waitFor(child.stderr, 're-emitted: test_callback_system\n');
      const path = join(dir, 'defs', 'test_callback_system.json');
      const definition = JSON.parse(await readFile(path, 'utf8'));
      await writeFile(path, JSON.stringify({ ...definition, description: 'Edited while watching' }));
      await regenerated;
      const second = await snapshotDir(join(dir, 'out'));
      expect(second['test-callback-system.ts']).not.toBe(first['test-callback-system.ts']);
      expect(second['order-quote.ts']).toBe(first['order-quote.ts']);
      expect(second['index.ts']).toContain('Edited while watching');

      const failed = waitFor(child.stderr, 'regenerated (exit 1)');
      await writeFile(path, '{ broken');
      await failed;
      expect(await snapshotDir(join(dir, 'out'))).toEqual(second);
    } finally {
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGTERM');
      await closed;
    }
    // Stopped by SIGTERM: 128 + 15, as a shell reports it.
    expect(child.exitCode).toBe(143);
  }, 120_000);
});
