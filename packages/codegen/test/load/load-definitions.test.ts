import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadDefinitions } from '../../src/load/load-definitions.js';
import { tempDir } from '../helpers.js';

const definition = (name: string) => JSON.stringify({ name, request_schema: {}, response_schema: {} });

describe('loadDefinitions', () => {
  it('reads every .json file of a folder in sorted order and ignores others (hidden ones, `_` notes)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'b.json'), definition('b'));
    await writeFile(join(dir, 'a.json'), definition('a'));
    await writeFile(join(dir, 'notes.md'), 'not a definition');
    await writeFile(join(dir, '.hidden.json'), '{');
    await writeFile(join(dir, '_all_definition_names.json'), JSON.stringify({ names: ['a', 'b', 'c'] }));
    await mkdir(join(dir, 'sub.json'));
    const result = await loadDefinitions('.', { cwd: dir });
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions.map((item) => item.source)).toEqual(['a.json', 'b.json']);
  });

  it('reads the API list response from one file', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'list.json'),
      JSON.stringify({ definitions: [JSON.parse(definition('a'))], meta: {} }),
    );
    const result = await loadDefinitions('list.json', { cwd: dir });
    expect(result.definitions.map((item) => item.source)).toEqual(['list.json#/definitions/0']);
  });

  it('reports an empty folder as "no definitions found" (B1.10)', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'defs'));
    const result = await loadDefinitions('defs', { cwd: dir });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'defs: /: error[no-definitions]: no definitions found in defs',
    ]);
  });

  it('reports an input that does not exist', async () => {
    const dir = await tempDir();
    const result = await loadDefinitions('missing', { cwd: dir });
    expect(result.diagnostics).toMatchObject([{ code: 'input-unreadable', file: 'missing' }]);
  });

  it('rejects a file over --max-bytes before reading it (B1.11)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'big.json'), definition('a').padEnd(2000, ' '));
    const result = await loadDefinitions('.', { cwd: dir, limits: { maxBytes: 1000 } });
    expect(result.diagnostics).toMatchObject([
      {
        severity: 'error',
        code: 'input-too-large',
        file: 'big.json',
        message: expect.stringContaining('--max-bytes'),
      },
    ]);
  });

  it('rejects more than --max-definitions definitions (B1.11)', async () => {
    const dir = await tempDir();
    const many = Array.from({ length: 30 }, (_, index) => JSON.parse(definition(`d${index}`)));
    await writeFile(join(dir, 'list.json'), JSON.stringify(many));
    const result = await loadDefinitions('list.json', { cwd: dir, limits: { maxDefinitions: 10 } });
    expect(result.diagnostics).toMatchObject([
      { code: 'too-many-definitions', message: expect.stringContaining('10') },
    ]);
  });

  it('keeps going after a broken file so every error is reported at once', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.json'), '{"name": "a",}');
    await writeFile(join(dir, 'b.json'), '"hello"');
    await writeFile(join(dir, 'c.json'), definition('c'));
    const result = await loadDefinitions('.', { cwd: dir });
    expect(result.diagnostics.map((item) => item.file)).toEqual(['a.json:1:14', 'b.json']);
    expect(result.definitions).toHaveLength(1);
    expect(await readFile(join(dir, 'c.json'), 'utf8')).toBe(definition('c'));
  });
});
