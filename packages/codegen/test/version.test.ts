import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { codegenRoot } from './helpers.js';

it('prints the version package.json declares', async () => {
  const manifest = JSON.parse(await readFile(join(codegenRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  expect(VERSION).toBe(manifest.version);
});
