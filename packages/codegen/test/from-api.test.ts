// loadDefinitionsFromApi against a real loopback server: the happy path, shape drift (RELIABILITY B4.47),
// the pagination guard (B1.12) and auth failures.
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadDefinitionsFromApi } from '../src/load/from-api.js';
import { serveLoopback } from './helpers.js';

const TOKEN = 'dit_from-api-secret';
const meta = { request_id: 'req_1', timestamp: '2026-01-01T00:00:00Z' };

const definition = (name: string) => ({
  name,
  description: `The ${name} callback`,
  example_response: { ok: true },
  request_schema: { type: 'object', properties: { cart_token: { type: 'string' } } },
  response_schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
});

const seen: { path: string; headers: IncomingHttpHeaders }[] = [];

/** A loopback server answering each page with `answer`, recording every request in `seen` (cleared first). */
function serve(answer: (page: number) => { status?: number; body: unknown }): Promise<string> {
  seen.length = 0;
  return serveLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: `${url.pathname}${url.search}`, headers: req.headers });
    const { status = 200, body } = answer(Number(url.searchParams.get('page') ?? 1));
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
}

describe('loadDefinitionsFromApi', () => {
  it('pulls GET /api/callback/definitions with the token and reads it as files are read', async () => {
    const baseUrl = await serve(() => ({
      body: { definitions: [definition('a_one'), definition('b_two')], meta },
    }));
    const result = await loadDefinitionsFromApi({ token: TOKEN, baseUrl });
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions.map((item) => [item.definition.name, item.source])).toEqual([
      ['a_one', 'GET /api/callback/definitions#/definitions/0'],
      ['b_two', 'GET /api/callback/definitions#/definitions/1'],
    ]);
    expect(result.pulled).toEqual([definition('a_one'), definition('b_two')]);
    expect(seen.map((request) => [request.path, request.headers.authorization])).toEqual([
      ['/api/callback/definitions', `Bearer ${TOKEN}`],
    ]);
  });

  it('drift: a renamed list key is an api-shape error with its pointer, not a crash', async () => {
    const baseUrl = await serve(() => ({ body: { callback_definitions: [definition('a_one')], meta } }));
    const result = await loadDefinitionsFromApi({ token: TOKEN, baseUrl });
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics).toMatchObject([
      { severity: 'error', code: 'api-shape', pointer: '/definitions' },
    ]);
  });

  it('drift: a definition of the wrong shape is reported against its place in the response', async () => {
    const broken = { ...definition('b_two'), request_schema: 'not a schema' };
    const baseUrl = await serve(() => ({ body: { definitions: [definition('a_one'), broken], meta } }));
    const result = await loadDefinitionsFromApi({ token: TOKEN, baseUrl });
    const errors = result.diagnostics.filter((item) => item.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.file).toBe('GET /api/callback/definitions#/definitions/1');
  });

  it('an empty catalogue is an error, not an empty generation', async () => {
    const baseUrl = await serve(() => ({ body: { definitions: [], meta } }));
    const result = await loadDefinitionsFromApi({ token: TOKEN, baseUrl });
    expect(result.diagnostics).toMatchObject([{ code: 'no-definitions' }]);
  });

  it('B1.12: follows real pages, and stops on a server repeating a page', async () => {
    const paged = await serve((page) => ({
      body: {
        definitions: [definition(`def_${page}`)],
        meta: { ...meta, pagination: { current_page: page, total_pages: 3, total_count: 3, per_page: 1 } },
      },
    }));
    const ok = await loadDefinitionsFromApi({ token: TOKEN, baseUrl: paged });
    expect(ok.definitions.map((item) => item.definition.name)).toEqual(['def_1', 'def_2', 'def_3']);

    const looping = await serve(() => ({
      body: {
        definitions: [definition('same')],
        meta: { ...meta, pagination: { current_page: 1, total_pages: 9, total_count: 9, per_page: 1 } },
      },
    }));
    const result = await loadDefinitionsFromApi({ token: TOKEN, baseUrl: looping });
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics).toMatchObject([
      { code: 'api-pagination', file: 'GET /api/callback/definitions' },
    ]);
    expect(seen).toHaveLength(2);
  });

  it('B1.12: stops a listing that never ends at maxPages', async () => {
    const baseUrl = await serve((page) => ({
      body: {
        definitions: [definition(`def_${page}`)],
        meta: {
          ...meta,
          pagination: { current_page: page, total_pages: 1e6, total_count: 1e6, per_page: 1 },
        },
      },
    }));
    const result = await loadDefinitionsFromApi({ token: TOKEN, baseUrl, maxPages: 5 });
    expect(result.diagnostics).toMatchObject([{ code: 'api-pagination' }]);
    expect(seen).toHaveLength(5);
  });

  it('401: an api-auth error that never shows the token', async () => {
    const baseUrl = await serve(() => ({ status: 401, body: { message: `bad token ${TOKEN}` } }));
    const result = await loadDefinitionsFromApi({ token: TOKEN, baseUrl });
    expect(result.diagnostics).toMatchObject([{ code: 'api-auth' }]);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(seen).toHaveLength(1);
  });
});
