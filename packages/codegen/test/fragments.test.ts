import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { loadDefinitions } from '../src/load/load-definitions.js';
import { repoRoot } from './helpers.js';

// Real definition fragments published by Fluid and droplet authors, read where they are (never copied).
const shared = join(repoRoot, '../shared/fluid/data/callback-definitions');

describe.skipIf(!existsSync(shared))('real callback definition fragments (../shared)', () => {
  it('generates every fragment file on its own', async () => {
    const files = (await readdir(shared)).filter(
      (name) => name.endsWith('.json') && name !== '_all_definition_names.json',
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files.sort()) {
      const loaded = await loadDefinitions(file, { cwd: shared });
      expect(
        loaded.diagnostics.filter((item) => item.severity === 'error'),
        file,
      ).toEqual([]);
      const result = await generate(loaded.definitions);
      expect(
        result.diagnostics.filter((item) => item.severity === 'error'),
        file,
      ).toEqual([]);
      expect(result.ok, file).toBe(true);
      expect(result.files.map((item) => item.path)).toContain('index.ts');
    }
  });

  it('reads the whole folder as it is kept: the `_` notes skipped, every definition generated', async () => {
    const loaded = await loadDefinitions('.', { cwd: shared });
    expect(loaded.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    expect(loaded.definitions.map((item) => item.source).filter((source) => source.startsWith('_'))).toEqual(
      [],
    );
    const result = await generate(loaded.definitions);
    expect(result.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('reports the list response and the single files defining the same names as duplicates, naming both', async () => {
    const list = await loadDefinitions('_list_response_example.json', { cwd: shared });
    const folder = await loadDefinitions('.', { cwd: shared });
    const result = await generate([...list.definitions, ...folder.definitions]);
    expect(result.ok).toBe(false);
    const duplicates = result.diagnostics.filter((item) => item.code === 'duplicate-name');
    expect(duplicates.map((item) => item.definition).sort()).toEqual([
      'apply_subscription_order_discount',
      'redirect_cart_payment',
    ]);
    expect(duplicates.map((item) => item.message).join('\n')).toContain(
      '_list_response_example.json#/definitions/0',
    );
  });
});
