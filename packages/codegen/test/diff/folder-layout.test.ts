// `fluid-codegen diff` on folders laid out as the folder of Fluid's callback definitions in ../shared is: definition
// files beside `_` notes (`_all_definition_names.json`, a list of names; `_list_response_example.json`), a
// SOURCES.md and a facts/ folder. Both snapshots are copies of that folder made in a temp dir (never in the repo).
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DiffReport } from '../../src/diff/types.js';
import { repoRoot, runMain, tempDir } from '../helpers.js';

const shared = join(repoRoot, '../shared/fluid/data/callback-definitions');
const missing = existsSync(shared) ? undefined : `${shared} is absent`;
if (missing !== undefined) process.stderr.write(`diff on the shared folder layout: skipped, ${missing}\n`);

describe.skipIf(missing !== undefined)(
  "fluid-codegen diff on the layout of Fluid's definitions folder",
  () => {
    test('reads both folders as generate does (the `_` notes skipped) and reports the one change', async () => {
      const dir = await tempDir();
      await cp(shared, join(dir, 'base'), { recursive: true });
      await cp(shared, join(dir, 'head'), { recursive: true });
      expect(existsSync(join(dir, 'base', '_all_definition_names.json'))).toBe(true);
      const changed = join(dir, 'head', 'test_callback_system.json');
      const definition = JSON.parse(await readFile(changed, 'utf8')) as Record<string, unknown>;
      await writeFile(
        changed,
        JSON.stringify({
          ...definition,
          response_schema: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } },
        }),
      );

      const generated = await runMain(['generate', '--input', 'base', '--out', 'out'], dir, {});
      expect(generated.stderr).not.toContain('error[');
      expect(generated.code).toBe(0);

      const same = await runMain(['diff', '--base', 'base', '--head', 'base'], dir, {});
      expect(same.stderr).not.toContain('error[');
      expect(same.code).toBe(0);

      const result = await runMain(['diff', '--base', 'base', '--head', 'head', '--format', 'json'], dir, {});
      expect(result.stderr).not.toContain('error[');
      expect(result.stderr).not.toContain('_all_definition_names.json');
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as DiffReport;
      const definitionFiles = (await readdir(shared)).filter(
        (name) => name.endsWith('.json') && !name.startsWith('_'),
      );
      expect(report.definitions.map((entry) => entry.name)).toEqual(
        definitionFiles.map((name) => name.replace(/\.json$/, '')).sort(),
      );
      expect(
        report.definitions
          .filter((entry) => entry.change !== 'unchanged')
          .map((entry) => [entry.name, entry.change, entry.breaking]),
      ).toEqual([['test_callback_system', 'changed', true]]);
    });
  },
);
