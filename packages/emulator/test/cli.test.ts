import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyFluidSignature } from '@fluid-droplet/sdk';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, waitForOutput } from './support/cli.js';
import { definitionsDir } from './support/emulator.js';
import { startReceiver } from './support/receiver.js';
import { startSdkService } from './support/sdk-service.js';

describe('fluid-emulator (the real executable)', { timeout: 120_000 }, () => {
  it('serves the API, prints its URL and tokens, and stops on SIGTERM', async () => {
    const child = startCli([
      '--port',
      '0',
      '--definitions',
      definitionsDir,
      '--company-token',
      'C-cli-token',
      '--seed',
      '3',
    ]);
    try {
      const [, url] = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const tokens = await waitForOutput(child, /installation token:\s+(dit_\w+)/);
      const response = await fetch(`${url}/api/callback/definitions`, {
        headers: { authorization: 'Bearer C-cli-token' },
      });
      expect(response.status).toBe(200);
      const byInstallation = await fetch(`${url}/api/company/webhooks`, {
        headers: { authorization: `Bearer ${tokens[1]}` },
      });
      expect(byInstallation.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('--data keeps state across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fluid-cli-'));
    const dataFile = join(dir, 'state.json');
    const serveOnce = async (work: (url: string) => Promise<void>) => {
      const child = startCli([
        '--data',
        dataFile,
        '--company-token',
        'C-data',
        '--definitions',
        definitionsDir,
      ]);
      try {
        const [, url] = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
        await work(url ?? '');
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    };
    try {
      await serveOnce(async (url) => {
        const created = await fetch(`${url}/api/company/webhooks`, {
          method: 'POST',
          headers: { authorization: 'Bearer C-data', 'content-type': 'application/json' },
          body: JSON.stringify({
            webhook: { url: 'https://h.example/x', resource: 'order', event: 'created' },
          }),
        });
        expect(created.status).toBe(201);
      });
      await serveOnce(async (url) => {
        const listed = await fetch(`${url}/api/company/webhooks`, {
          headers: { authorization: 'Bearer C-data' },
        });
        const body = (await listed.json()) as { webhooks: { url: string }[] };
        expect(body.webhooks.map((webhook) => webhook.url)).toEqual(['https://h.example/x']);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('trigger webhook signs an envelope with --key and exits 0 on a 2xx reply, 1 otherwise', async () => {
    const receiver = await startReceiver({ status: 200, json: {} });
    const ok = await triggerWebhook(
      'order_created',
      receiver.url,
      'wvt_cli-secret',
      '--payload',
      '{"order":{"id":7}}',
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const request = receiver.requests[0];
    if (request === undefined) throw new Error('nothing delivered');
    expect(JSON.parse(request.rawBody)).toMatchObject({
      name: 'order_created',
      payload: { order: { id: 7 } },
    });
    expect(
      (
        await verifyFluidSignature({
          rawBody: request.rawBody,
          headers: request.headers,
          keys: 'wvt_cli-secret',
        })
      ).ok,
    ).toBe(true);

    receiver.reply = { status: 401, json: {} };
    const rejected = await triggerWebhook('order_created', receiver.url, 'k');
    expect(rejected.code).toBe(1);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ status: 401, ok: false });
  });

  it('standalone trigger webhook droplet_installed is accepted by the SDK handler (company block, v1 credentials)', async () => {
    const service = await startSdkService('dws_standalone');
    const run = await triggerWebhook('droplet_installed', service.url, 'dws_standalone', '--shop', 'acme');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(service.installs).toMatchObject([{ contractVersion: 'v1', shop: 'acme' }]);
  });

  it("refuses at start-up a definition fluid-codegen rejects, with the generator's message", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fluid-cli-defs-'));
    try {
      await writeFile(join(dir, 'broken.json'), JSON.stringify({ name: 'broken', request_schema: 'nope' }));
      const run = await runCli(['--port', '0', '--definitions', dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^fluid-emulator: .*broken\.json: broken: \/request_schema: error\[invalid-field\]: request_schema must be a JSON Schema/,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('trigger callback sends --request signed with the cvt_ key and prints the validation report', async () => {
    const receiver = await startReceiver({ status: 200, json: { message: 42 } });
    const run = await runCli([
      'trigger',
      'callback',
      'test_callback_system',
      '--url',
      receiver.url,
      '--key',
      'cvt_cli',
      '--definitions',
      definitionsDir,
      '--request',
      '{"message":"hi"}',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; issues: { pointer: string }[] };
    expect(report.ok).toBe(false);
    expect(report.issues.map((issue) => issue.pointer)).toEqual(['/message']);
    expect(receiver.requests[0]?.headers['x-fluid-callback-token']).toBe('cvt_cli');
  });

  it('fuzz sends valid requests and near misses signed with --key; exits 0 when the service answers each right', async () => {
    // A careful service: it refuses what breaks request_schema with 400 and echoes valid messages.
    const receiver = await startReceiver((response, request) => {
      const body = JSON.parse(request.rawBody) as unknown;
      const message =
        typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
      if (typeof message !== 'string') response.writeHead(400).end('{"error":"invalid_request"}');
      else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
    });
    const run = await runCli([
      'fuzz',
      'test_callback_system',
      '--url',
      receiver.url,
      '--key',
      'cvt_fuzz',
      '-n',
      '30',
      '--seed',
      '4',
      '--definitions',
      definitionsDir,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /30 requests to test_callback_system \(seed 4; 15 valid, 15 near misses\): 30 passed, 0 failed/,
    );
    expect(receiver.requests).toHaveLength(30);
    const bodies = receiver.requests.map((request) => JSON.parse(request.rawBody) as unknown);
    const valid = bodies.filter(
      (body) =>
        typeof body === 'object' &&
        body !== null &&
        typeof (body as { message?: unknown }).message === 'string',
    );
    expect(valid).toHaveLength(15);
    expect(new Set(valid.map((body) => (body as { message: string }).message)).size).toBeGreaterThan(5);
    for (const request of receiver.requests.slice(0, 5)) {
      const verified = await verifyFluidSignature({
        rawBody: request.rawBody,
        headers: request.headers,
        keys: 'cvt_fuzz',
      });
      expect(verified.ok).toBe(true);
    }
  });

  it('fuzz reports a service that accepts near misses or breaks response_schema, and exits 1', async () => {
    // A careless service: it answers 200 to anything, with a message of the wrong type.
    const receiver = await startReceiver({ status: 200, json: { message: 1 } });
    const run = await runCli([
      'fuzz',
      'test_callback_system',
      '--url',
      receiver.url,
      '--key',
      'cvt_fuzz',
      '-n',
      '8',
      '--definitions',
      definitionsDir,
    ]);
    expect(run.code).toBe(1);
    expect(
      run.stdout.match(/^FAIL #\d+ valid: reply breaks response_schema: \/message must be string$/gm),
    ).toHaveLength(4);
    expect(
      run.stdout.match(/^FAIL #\d+ near_miss: accepted an invalid request \(HTTP 200\); expected 400$/gm),
    ).toHaveLength(4);
    expect(run.stdout).toMatch(/^ {2}breaks: {2}\/\S* /m);
    expect(run.stdout).toMatch(
      /8 requests to test_callback_system \(seed 1; 4 valid, 4 near misses\): 0 passed, 8 failed/,
    );
  });

  it.each([
    [['trigger', 'webhook', 'order_created', '--key', 'k'], /--url is required/],
    [
      [
        'trigger',
        'callback',
        'nope',
        '--url',
        'http://127.0.0.1:9',
        '--key',
        'k',
        '--definitions',
        definitionsDir,
      ],
      /unknown callback definition "nope"/,
    ],
    [['fuzz', 'test_callback_system', '--url', 'ftp://x', '--key', 'k'], /--url must be an http\(s\) URL/],
    [['--port', 'abc'], /--port must be a whole number/],
    [['--allowed-host', 'http://emulator'], /--allowed-host: "http:\/\/emulator" is not a bare host name/],
    [['--bogus'], /Unknown option/],
  ])('reports a usage mistake in one line with exit 1: %j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

/** `fluid-emulator trigger webhook <event> --url <url> --key <key> ...more`, standalone. */
function triggerWebhook(event: string, url: string, key: string, ...more: string[]) {
  return runCli(['trigger', 'webhook', event, '--url', url, '--key', key, ...more]);
}
