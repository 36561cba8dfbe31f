// `fluid-codegen generate --from-api` against a real loopback server standing in for Fluid's API.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, serveLoopback, snapshotDir, tempDir } from '../helpers.js';

const TOKEN = 'C-secret-token-never-printed';

/** A loopback server answering `body` with `status` to a request bearing TOKEN, and 401 to any other. */
function serve(status: number, body: unknown): Promise<string> {
  return serveLoopback((request, response) => {
    const authorized = request.headers.authorization === `Bearer ${TOKEN}`;
    response.writeHead(authorized ? status : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify(authorized ? body : { error: 'unauthorized' }));
  });
}

const definition = {
  name: 'test_callback_system',
  description: 'Test callback system',
  example_response: { message: 'Hello, world!' },
  request_schema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
  response_schema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
};

describe('fluid-codegen generate --from-api', () => {
  it('generates from the API and saves each definition as the API sent it', async () => {
    const baseUrl = await serve(200, { definitions: [definition], meta: { request_id: 'r1' } });
    const dir = await tempDir();
    const args = [
      'generate',
      '--from-api',
      '--base-url',
      baseUrl,
      '--out',
      'out',
      '--save-definitions',
      'defs',
    ];
    const result = await runMain(args, dir, { FLUID_API_TOKEN: TOKEN });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(Object.keys(await snapshotDir(join(dir, 'out')))).toContain('test-callback-system.ts');
    expect(JSON.parse(await readFile(join(dir, 'defs', 'test_callback_system.json'), 'utf8'))).toEqual(
      definition,
    );

    // The saved folder regenerates the same tree (only the banners' regenerate command differs).
    const pulled = await snapshotDir(join(dir, 'out'));
    const again = await runMain(['generate', '--input', 'defs', '--out', 'out'], dir, {});
    expect(again.code).toBe(0);
    const withoutCommand = (tree: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(tree)
          .filter(([path]) => path.endsWith('.ts'))
          .map(([path, contents]) => [path, contents.replace(/run `[^`]*`/g, '')]),
      );
    expect(withoutCommand(await snapshotDir(join(dir, 'out')))).toEqual(withoutCommand(pulled));
    expect(pulled['index.ts']).toContain(
      `run \`fluid-codegen generate --from-api --base-url ${baseUrl} --out out\``,
    );
  });

  it('fails clearly without a token, and never prints a wrong one', async () => {
    const baseUrl = await serve(200, { definitions: [definition], meta: {} });
    const dir = await tempDir();
    const args = ['generate', '--from-api', '--base-url', baseUrl, '--out', 'out'];
    const missing = await runMain(args, dir, {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('FLUID_API_TOKEN');
    const wrong = await runMain(args, dir, { FLUID_API_TOKEN: 'C-wrong-secret' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('GET /api/callback/definitions');
    expect(wrong.stderr).not.toContain('C-wrong-secret');
    expect(await snapshotDir(join(dir, 'out'))).toEqual({});
  });

  it('reports a closed port as a network failure naming the host, not as invalid input', async () => {
    // A port that was just free: bound, closed, then dialled.
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    probe.close();
    await once(probe, 'close');
    const dir = await tempDir();
    const args = ['generate', '--from-api', '--base-url', `http://127.0.0.1:${port}`, '--out', 'out'];
    const result = await runMain(args, dir, { FLUID_API_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[api-network]');
    expect(result.stderr).toContain(`cannot reach 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(result.stderr).toContain('fluid-codegen: network failure while reading definitions from the API');
    expect(result.stderr).not.toContain('invalid input');
    expect(result.stderr).not.toContain(TOKEN);
  }, 60_000);

  it('reports a 401 as a refused token, with the host and request id', async () => {
    const baseUrl = await serveLoopback((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json', 'x-request-id': 'req-401' });
      response.end(JSON.stringify({ error: 'unauthorized' }));
    });
    const { host } = new URL(baseUrl);
    const dir = await tempDir();
    const args = ['generate', '--from-api', '--base-url', baseUrl, '--out', 'out'];
    const result = await runMain(args, dir, { FLUID_API_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[api-auth]');
    expect(result.stderr).toContain(`${host} refused the token with HTTP 401`);
    expect(result.stderr).toContain('fluid-codegen: the API refused the token');
    expect(result.stderr).not.toContain('invalid input');
    expect(result.stderr).not.toContain(TOKEN);
  }, 60_000);

  it('reports a garbage reply as a bad response, not as invalid input', async () => {
    const baseUrl = await serveLoopback((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>\u0000\u00ff not json at all');
    });
    const { host } = new URL(baseUrl);
    const dir = await tempDir();
    const args = ['generate', '--from-api', '--base-url', baseUrl, '--out', 'out'];
    const result = await runMain(args, dir, { FLUID_API_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[api-response]');
    expect(result.stderr).toContain(`bad response from ${host}`);
    expect(result.stderr).toContain('fluid-codegen: bad response from the API');
    expect(result.stderr).not.toContain('invalid input');
    expect(await snapshotDir(join(dir, 'out'))).toEqual({});
  }, 60_000);

  it.each([
    [['generate', '--from-api', '--input', 'defs', '--out', 'out'], 'not both'],
    [['generate', '--from-api', '--watch', '--out', 'out'], '--watch needs --input'],
    [['generate', '--input', 'defs', '--out', 'out', '--base-url', 'http://x'], 'only apply with --from-api'],
  ])('rejects %j', async (args, message) => {
    const result = await runMain(args, await tempDir(), { FLUID_API_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
