import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError } from '@fluid-droplet/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { api, emulator } from './support/emulator.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fluid-emulator-'));
  dirs.push(dir);
  return dir;
}

describe('--data persistence', () => {
  it('writes state atomically (no temp files left) and resumes from it after a restart', async () => {
    const dir = await tempDir();
    const dataFile = join(dir, 'fluid.json');
    const first = await emulator({ dataFile });
    await api(first.url, 'POST', '/api/company/webhooks', {
      body: { webhook: { url: 'https://h.example/a', resource: 'order', event: 'created' } },
    });
    const created = await api(first.url, 'POST', '/api/callback/registrations', {
      body: { callback_registration: { definition_name: 'update_cart_tax', url: 'https://svc.example/tax' } },
    });
    const { exchangeToken } = first.state.createInstallation();
    await first.close();
    expect(await readdir(dir)).toEqual(['fluid.json']);
    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { version: number };
    expect(saved.version).toBe(1);

    const second = await emulator({ dataFile });
    const list = await api(second.url, 'GET', '/api/callback/registrations');
    expect(list.body.callback_registrations).toEqual([created.body.callback_registration]);
    expect(second.state.getWebhook(1)?.url).toBe('https://h.example/a');
    const exchanged = await api(second.url, 'POST', '/api/droplet_installations/exchange', {
      token: null,
      body: { exchange_token: exchangeToken },
    });
    expect(exchanged.status).toBe(200);
    const next = await api(second.url, 'POST', '/api/company/webhooks', {
      body: { webhook: { url: 'https://h.example/b', resource: 'order', event: 'created' } },
    });
    expect((next.body.webhook as { id: number }).id).toBe(2);
    await second.close();
  });

  it('refuses a data file that is not emulator data, naming the file', async () => {
    const dir = await tempDir();
    const dataFile = join(dir, 'broken.json');
    await writeFile(dataFile, '{"hello":');
    await expect(emulator({ dataFile })).rejects.toMatchObject({ name: 'DataFileError', file: dataFile });
    await writeFile(dataFile, '{"version":2}');
    await expect(emulator({ dataFile })).rejects.toBeInstanceOf(DataFileError);
  });

  it('coalesces a burst of concurrent writes into a file that equals the final state', async () => {
    const dir = await tempDir();
    const dataFile = join(dir, 'fluid.json');
    const fluid = await emulator({ dataFile });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api(fluid.url, 'POST', '/api/company/webhooks', {
          body: { webhook: { url: `https://h.example/${i}`, resource: 'order', event: 'created' } },
        }),
      ),
    );
    await fluid.close();
    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { webhooks: { id: number }[] };
    expect(saved.webhooks.map((webhook) => webhook.id).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(await readdir(dir)).toEqual(['fluid.json']);
  });
});
