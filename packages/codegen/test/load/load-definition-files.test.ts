// The reader shared with the emulator: the CLI's diagnostics, symlinked files followed or reported.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadDefinitionFiles } from '../../src/load/load-definition-files.js';
import { tempDir } from '../helpers.js';

const definition = (name: string) => JSON.stringify({ name, request_schema: {}, response_schema: {} });

describe('loadDefinitionFiles', () => {
  it('follows a symlinked definition file and reports a broken one instead of skipping it', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'defs'));
    await writeFile(join(dir, 'elsewhere.json'), definition('linked_in'));
    await symlink(join(dir, 'elsewhere.json'), join(dir, 'defs', 'linked.json'));
    await symlink(join(dir, 'missing.json'), join(dir, 'defs', 'broken.json'));
    await symlink(join(dir, 'defs'), join(dir, 'defs', 'folder.json'));
    await writeFile(join(dir, 'defs', 'plain.json'), definition('plain'));
    const read = await loadDefinitionFiles('defs', { cwd: dir });
    expect(read.definitions.map((item) => item.definition.name)).toEqual(['linked_in', 'plain']);
    expect(read.ok).toBe(false);
    expect(read.diagnostics.map(formatDiagnostic)).toEqual([
      'defs/broken.json: /: error[input-unreadable]: symlink to nothing: its target does not exist',
      'defs/folder.json: /: error[input-unreadable]: symlink to something other than a regular file',
    ]);
  });

  it('reports duplicate names as the CLI does, and keeps warnings from failing the read', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'defs'));
    await writeFile(join(dir, 'defs', 'a.json'), definition('same'));
    await writeFile(join(dir, 'defs', 'b.json'), definition('same'));
    const duplicate = await loadDefinitionFiles('defs', { cwd: dir });
    expect(duplicate.ok).toBe(false);
    expect(duplicate.diagnostics.map((item) => item.code)).toEqual(['duplicate-name']);

    await writeFile(join(dir, 'defs', 'b.json'), JSON.stringify({ name: 'other', extra: true }));
    const warned = await loadDefinitionFiles('defs', { cwd: dir });
    expect(warned.ok).toBe(true);
    expect(warned.diagnostics.map((item) => item.code)).toEqual([
      'missing-schema',
      'missing-schema',
      'unknown-field',
    ]);
  });
});
