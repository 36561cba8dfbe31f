import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { codegenRoot, runCli, runMain, snapshotDir, tempDir } from '../helpers.js';

const fixtures = join(codegenRoot, 'test/fixtures/cli');

/** A temp project holding a copy of the fixture definitions. */
async function project(): Promise<string> {
  const dir = await tempDir();
  await cp(join(fixtures, 'definitions'), join(dir, 'defs'), { recursive: true });
  return dir;
}

const generateArgs = ['generate', '--input', 'defs', '--out', 'out'];

describe('fluid-codegen (the real executable)', () => {
  it('prints help and version', async () => {
    const dir = await tempDir();
    const help = await runCli(['--help'], dir);
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toContain('fluid-codegen generate --input <dir|file> --out <dir>');
    expect(await runCli(['--version'], dir)).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('generates the fixture set exactly as committed, then finds it up to date', async () => {
    const dir = await project();
    const run = await runCli(generateArgs, dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const tree = await snapshotDir(join(dir, 'out'));
    for (const [path, contents] of Object.entries(tree)) {
      await expect(contents).toMatchFileSnapshot(join(fixtures, 'out', path));
    }
    const check = await runCli([...generateArgs, '--check'], dir);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toContain('up to date');
  });
});

describe('fluid-codegen generate --check', () => {
  it('lists stale, missing and extra files, exits 1 and writes nothing', async () => {
    const dir = await project();
    expect((await runMain(generateArgs, dir)).code).toBe(0);
    const out = join(dir, 'out');
    await writeFile(
      join(dir, 'defs', 'extra_one.json'),
      JSON.stringify({ name: 'extra_one', request_schema: {}, response_schema: {} }),
    );
    const definition = JSON.parse(await readFile(join(dir, 'defs', 'order_quote.json'), 'utf8'));
    await writeFile(
      join(dir, 'defs', 'order_quote.json'),
      JSON.stringify({ ...definition, description: 'changed' }),
    );
    await writeFile(join(out, 'test-callback-system.ts.bak'), 'not ours');
    const before = await snapshotDir(out);
    const check = await runMain([...generateArgs, '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        'stale: out/.fluid-codegen.json',
        'stale: out/index.ts',
        'stale: out/order-quote.ts',
        'missing: out/extra-one.ts',
      ]),
    );
    // The fix is named as the consumer runs it, never this repository's own script.
    expect(check.stderr).toContain('run `fluid-codegen generate --input defs --out out`');
    expect(await snapshotDir(out)).toEqual(before);

    await writeFile(join(dir, 'defs', 'order_quote.json'), JSON.stringify(definition));
    await runMain(generateArgs, dir);
    await cp(join(dir, 'defs', 'extra_one.json'), join(dir, 'extra_one.json'));
    await writeFile(join(dir, 'defs', 'extra_one.json'), '[]');
    const extra = await runMain([...generateArgs, '--check'], dir);
    expect(extra.code).toBe(1);
    expect(extra.stderr).toContain('extra: out/extra-one.ts');
    expect(extra.stderr).not.toContain('.bak');
  });
});

describe('fluid-codegen errors', () => {
  it('reports every error on its own line with file, definition and pointer, exits 1 and leaves out/ as it was', async () => {
    const dir = await project();
    await runMain(generateArgs, dir);
    const before = await snapshotDir(join(dir, 'out'));
    await writeFile(join(dir, 'defs', 'bad_json.json'), '{\n  "name": "x",\n}');
    await writeFile(
      join(dir, 'defs', 'bad_type.json'),
      JSON.stringify({ name: 'bad_type', request_schema: 'string' }),
    );
    await writeFile(
      join(dir, 'defs', 'dup.json'),
      JSON.stringify({ name: 'order.quote', request_schema: {}, response_schema: {} }),
    );
    const run = await runMain(generateArgs, dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'defs/bad_json.json:3:1: /: error[invalid-json]: not valid JSON: unexpected "}", expected a property name in double quotes',
        'defs/bad_type.json: bad_type: /request_schema: error[invalid-field]: request_schema must be a JSON Schema (an object or a boolean), got a string',
      ]),
    );
    expect(await snapshotDir(join(dir, 'out'))).toEqual(before);
  });

  it('never writes outside --out for a path-like name (B1.6)', async () => {
    const dir = await tempDir();
    await cp(join(fixtures, 'definitions'), join(dir, 'a', 'defs'), { recursive: true });
    await writeFile(
      join(dir, 'a', 'defs', 'evil.json'),
      JSON.stringify({ name: '../../outside/evil', request_schema: {}, response_schema: {} }),
    );
    const run = await runMain(generateArgs, join(dir, 'a'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('defs/evil.json: ../../outside/evil: /name: error[invalid-name]');
    expect(Object.keys(await snapshotDir(dir)).filter((path) => !path.startsWith('a/defs/'))).toEqual([]);
  });

  it('fails on warnings under --strict, and passes without it', async () => {
    const dir = await project();
    await writeFile(join(dir, 'defs', 'loose.json'), JSON.stringify({ name: 'loose', timeout: 3 }));
    const strict = await runMain([...generateArgs, '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('defs/loose.json: loose: /timeout: warning[unknown-field]');
    const lenient = await runMain(generateArgs, dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('warning[missing-schema]');
  });

  it('never fails --strict on annotations, and --formats annotate drops format checks', async () => {
    const dir = await project();
    const schema = {
      type: 'object',
      properties: { blob: { type: 'string', contentMediaType: 'text/plain', 'x-doc': 1, madeUp: true } },
      additionalProperties: { type: 'string', format: 'email' },
    };
    const definition = { name: 'annotated', request_schema: schema, response_schema: schema };
    await writeFile(join(dir, 'defs', 'annotated.json'), JSON.stringify(definition));
    const strict = await runMain([...generateArgs, '--strict'], dir);
    expect(strict.stderr).toContain('warning[annotation-keyword]');
    expect(strict.stderr).not.toContain('error[');
    expect(strict.code).toBe(0);
    const asserted = await readFile(join(dir, 'out', 'annotated.ts'), 'utf8');
    expect(asserted).toContain('format("email")');
    expect(asserted).toContain('run `fluid-codegen generate --input defs --out out`');
    // A different --formats is a different input hash, so the manifest's cache cannot serve it.
    expect((await runMain([...generateArgs, '--formats', 'annotate'], dir)).code).toBe(0);
    const annotated = await readFile(join(dir, 'out', 'annotated.ts'), 'utf8');
    expect(annotated).not.toContain('format(');
    expect(annotated).toContain('run `fluid-codegen generate --input defs --out out --formats annotate`');
  });

  it.each([
    [
      ['generate', '--input', 'defs', '--out', 'out', '--formats', 'loose'],
      '--formats must be assert or annotate',
    ],
    [['generate', '--out', 'out'], 'missing --input'],
    [['generate', '--input', 'defs'], 'missing --out'],
    [['frobnicate'], 'unknown command'],
    [
      ['generate', '--input', 'defs', '--out', 'out', '--max-bytes', 'lots'],
      '--max-bytes must be a positive integer',
    ],
    [['generate', '--bogus'], "Unknown option '--bogus'"],
  ])('treats %j as a usage error (exit 1)', async (args, message) => {
    const run = await runMain(args, await tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
  });
});
