import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as codegen } from '@fluid-droplet/codegen';
import { DefinitionLoadError, loadDefinitionsDir, mergeDefinitions } from '@fluid-droplet/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter, type Route } from '../src/server/router.js';
import { maskSecrets } from '../src/util/mask-secrets.js';
import { createIdSource } from '../src/util/random.js';
import { escapeHtml } from '../src/web/escape-html.js';

describe('createRouter', () => {
  const route = (method: Route['method'], path: string): Route => ({
    method,
    path,
    handle: () => ({ status: 200, json: { path } }),
  });
  const find = createRouter([
    route('GET', '/api/company/webhooks/:id'),
    route('GET', '/api/company/webhooks/resources'),
    route('DELETE', '/api/company/webhooks/:id'),
    route('DELETE', '/api/company/webhooks/bulk_delete'),
  ]);

  it('prefers literal segments over parameters whatever the registration order', () => {
    expect(find('GET', '/api/company/webhooks/resources')?.route.path).toBe(
      '/api/company/webhooks/resources',
    );
    expect(find('DELETE', '/api/company/webhooks/bulk_delete')?.route.path).toBe(
      '/api/company/webhooks/bulk_delete',
    );
    expect(find('GET', '/api/company/webhooks/12')?.params).toEqual({ id: '12' });
  });

  it('decodes parameters, tolerates a trailing slash, and misses on method, length or empty segment', () => {
    expect(find('GET', '/api/company/webhooks/a%20b/')?.params).toEqual({ id: 'a b' });
    expect(find('GET', '/api/company/webhooks/%E0%A4%A')?.params).toEqual({ id: '%E0%A4%A' });
    expect(find('PUT', '/api/company/webhooks/1')).toBeUndefined();
    expect(find('GET', '/api/company/webhooks/1/extra')).toBeUndefined();
    expect(find('GET', '/api/company/webhooks//')).toBeUndefined();
  });
});

describe('createIdSource', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const take = (seed: number | string) => {
      const ids = createIdSource(seed);
      return [ids.token(12), ids.uuid(), ids.next()];
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    expect(take('a')).toEqual(take('a'));
  });

  it('makes version 4 UUIDs and base62 tokens', () => {
    const ids = createIdSource();
    for (let i = 0; i < 50; i++) {
      expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ids.token(20)).toMatch(/^[0-9A-Za-z]{20}$/);
    }
  });
});

describe('escapeHtml', () => {
  it('escapes every character that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });
});

describe("definitions (read by fluid-codegen's reader)", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const folder = async (files: Record<string, string>) => {
    const dir = await mkdtemp(join(tmpdir(), 'fluid-defs-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  };
  const definition = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    description: null,
    example_response: null,
    request_schema: { type: 'object' },
    response_schema: { type: 'object' },
    ...extra,
  });
  /** What `fluid-codegen generate` prints on stderr for the same folder. */
  const codegenErrors = async (dir: string): Promise<string> => {
    let stderr = '';
    const out = await mkdtemp(join(tmpdir(), 'fluid-out-'));
    dirs.push(out);
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } };
    expect(await codegen(['generate', '--input', dir, '--out', join(out, 'generated')], io)).toBe(1);
    return stderr;
  };

  it('reads one definition per file, arrays, and the API list response, sorted by file name', async () => {
    const dir = await folder({
      'b.json': JSON.stringify({ definitions: [definition('b1'), definition('b2')] }),
      'a.json': JSON.stringify(definition('a')),
      'notes.txt': 'ignored',
    });
    expect((await loadDefinitionsDir(dir)).map((d) => d.name)).toEqual(['a', 'b1', 'b2']);
  });

  it.each([
    ['bad JSON', { 'x.json': '{"name":' }],
    ['a name that is not a string', { 'x.json': JSON.stringify({ name: 3 }) }],
    [
      'a schema that is a string',
      { 'x.json': JSON.stringify(definition('x', { request_schema: 'string' })) },
    ],
    [
      'a remote $ref',
      {
        'x.json': JSON.stringify(definition('x', { request_schema: { $ref: 'https://example.com/s.json' } })),
      },
    ],
    [
      'the same name twice',
      { 'a.json': JSON.stringify(definition('same')), 'b.json': JSON.stringify(definition('same')) },
    ],
  ])('rejects %s with exactly the lines fluid-codegen prints', async (_case, files) => {
    const dir = await folder(files);
    const error = await loadDefinitionsDir(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DefinitionLoadError);
    const lines = (error as Error).message.split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const printed = await codegenErrors(dir);
    for (const line of lines) expect(printed).toContain(line);
  });

  it('adds to the built-in definitions and replaces one of the same name', async () => {
    const replaced = definition('update_cart_shipping', { description: 'ours' });
    const merged = mergeDefinitions(
      [definition('update_cart_shipping'), definition('test_callback_system')],
      [replaced, definition('extra')],
    );
    expect(merged.map((d) => d.name)).toEqual(['update_cart_shipping', 'test_callback_system', 'extra']);
    expect(merged[0]).toBe(replaced);
  });
});

describe('maskSecrets', () => {
  it('masks Fluid tokens wherever they appear and values under secret keys, and nothing else', () => {
    const masked = maskSecrets({
      company: { authentication_token: 'dit_0123456789abcdef', credentials: { exchange_token: 'short' } },
      list: ['wvt_abcdefghijklmnop', 'C-0123456789ABCDEFGHIJ', 'C-3PO', 'plain'],
    });
    expect(masked).toEqual({
      company: { authentication_token: 'dit_…cdef', credentials: { exchange_token: '…' } },
      list: ['wvt_…mnop', 'C-…GHIJ', 'C-3PO', 'plain'],
    });
  });
});
