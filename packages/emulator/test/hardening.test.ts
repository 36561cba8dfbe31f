// Bad requests get clear answers, never a hang or a 500.
import { connect } from 'node:net';
import { startEmulator } from '@fluid-droplet/emulator';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { api, COMPANY, emulator } from './support/emulator.js';

/** Sends raw bytes and returns the status line of the reply (or of nothing, when the socket closes silently). */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      reply += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(reply.split('\r\n')[0] ?? ''));
  });
}

describe('request hardening', () => {
  it('answers every body over the limit with 413, also many at once, and keeps serving', async () => {
    const fluid = await emulator();
    const big = JSON.stringify({ webhook: { url: `https://x.example/${'a'.repeat(1_500_000)}` } });
    const send = (chunked: boolean) =>
      fetch(`${fluid.url}/api/company/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${COMPANY}`, 'content-type': 'application/json' },
        // A stream has no Content-Length, so the limit is found while reading rather than from the header.
        body: chunked
          ? new ReadableStream({
              start(controller) {
                for (let i = 0; i < big.length; i += 64 * 1024) {
                  controller.enqueue(new TextEncoder().encode(big.slice(i, i + 64 * 1024)));
                }
                controller.close();
              },
            })
          : big,
        ...(chunked ? { duplex: 'half' } : {}),
      } as RequestInit).then((response) => response.status);
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i % 2 === 0)));
    expect(statuses).toEqual(Array(10).fill(413));
    expect(fluid.state.listWebhooks()).toEqual([]);
    expect((await api(fluid.url, 'GET', '/api/company/webhooks')).status).toBe(200);
  });

  it('answers a body nested too deep with 400', async () => {
    const fluid = await emulator();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await fetch(`${fluid.url}/api/company/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${COMPANY}`, 'content-type': 'application/json' },
      body: deep,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error_message: 'Request body nests deeper than 64 levels',
    });
  });

  it.each([
    ['a target that is not a path', 'GET http://[::1 HTTP/1.1', 'HTTP/1.1 400 Bad Request'],
    ['an asterisk', 'GET * HTTP/1.1', 'HTTP/1.1 400 Bad Request'],
    // Read as a path, not as a URL with the host `[x` (which does not parse): an unknown route.
    ['a double slash that looks like a broken host', 'GET //[x HTTP/1.1', 'HTTP/1.1 404 Not Found'],
  ])('answers %s without a 500', async (_case, line, expected) => {
    const fluid = await emulator();
    const port = Number(new URL(fluid.url).port);
    const status = await rawRequest(port, `${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(status).toBe(expected);
  });

  it('routes a path of 15,000 slashes like any unknown path', async () => {
    const fluid = await emulator();
    const response = await fetch(`${fluid.url}/api${'/'.repeat(15_000)}x`, {
      headers: { authorization: `Bearer ${COMPANY}` },
    });
    expect(response.status).toBe(404);
  });
});

describe('a busy port', () => {
  it('fails startEmulator with PortInUseError', async () => {
    const fluid = await emulator();
    const port = Number(new URL(fluid.url).port);
    await expect(startEmulator({ port })).rejects.toMatchObject({
      name: 'PortInUseError',
      port,
      message: `port ${port} on 127.0.0.1 is already in use; stop what runs there or pick another port (--port)`,
    });
  });

  it('fails startEmulator with ListenError for a host that is not local', async () => {
    await expect(startEmulator({ host: '192.0.2.1' })).rejects.toMatchObject({
      name: 'ListenError',
      message: 'cannot listen on 192.0.2.1:0: 192.0.2.1 is not an address of this machine',
    });
  });

  it('makes the CLI print one clear line and exit 1', { timeout: 120_000 }, async () => {
    const fluid = await emulator();
    const port = new URL(fluid.url).port;
    const run = await runCli(['--port', port]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `fluid-emulator: port ${port} on 127.0.0.1 is already in use; stop what runs there or pick another port (--port)`,
    );
  });
});
