// The manifest's text: JSON with one line per file and one per definition, read back to the same records.
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { MANIFEST_NAME, readManifest, withManifest } from '../../src/write/manifest.js';
import { sourced } from '../helpers.js';

const definitions = ['a_first', 'b_second', 'c_third'].map((name, index) =>
  sourced(name, {
    request_schema: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
    response_schema: {
      type: 'object',
      properties: { ok: { type: 'string', format: index === 2 ? 'made-up' : 'date' } },
    },
  }),
);

describe('the manifest', () => {
  it('has one line per file and one per definition, and reads back to the records it was made from', async () => {
    const result = await generate(definitions);
    expect(result.ok).toBe(true);
    const manifest = withManifest(result.files, result.definitions).find(
      (file) => file.path === MANIFEST_NAME,
    );
    const text = manifest?.contents ?? '';
    const lines = text.trimEnd().split('\n');
    // Braces, five keys (two of them lists that open and close on their own lines), the files and the records.
    expect(lines).toHaveLength(2 + 3 + 2 * 2 + result.files.length + result.definitions.length);
    for (const record of result.definitions) {
      expect(lines.filter((line) => line.includes(`"name":"${record.name}"`))).toHaveLength(1);
    }
    const parsed = JSON.parse(text) as { files: string[]; definitions: Array<{ name: string }> };
    expect(parsed.files).toEqual(result.files.map((file) => file.path).sort());
    const read = readManifest(text);
    expect(read.ours).toBe(true);
    expect(read.definitions.map((record) => record.name)).toEqual(['a_first', 'b_second', 'c_third']);
    // Warnings travel with their record, on its line.
    const warned = read.definitions.find((record) => record.name === 'c_third');
    const expected = result.diagnostics.filter((diagnostic) => diagnostic.definition === 'c_third');
    expect(expected.length).toBeGreaterThan(0);
    expect(warned?.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(expected.map((d) => d.code));
  });

  it('is valid JSON with empty lists', () => {
    const text = withManifest([]).find((file) => file.path === MANIFEST_NAME)?.contents ?? '';
    expect(JSON.parse(text)).toEqual({
      generator: 'fluid-codegen',
      version: expect.any(String),
      files: [],
      definitions: [],
    });
  });
});
