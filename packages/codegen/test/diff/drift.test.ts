// End to end: the emulator serves changed definitions, and the README's CI drift recipe reports the change.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CallbackDefinition, type Emulator, startEmulator } from '@fluid-droplet/emulator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli, runMain, tempDir } from '../helpers.js';

const fixtures = join(import.meta.dirname, 'fixtures/cli');
const TOKEN = 'C-drift-test-token';

async function readFolder(dir: string): Promise<CallbackDefinition[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(dir, file), 'utf8')) as CallbackDefinition),
  );
}

function run(args: readonly string[], cwd: string) {
  return runMain(args, cwd, { FLUID_API_TOKEN: TOKEN });
}

let fluid: Emulator;
beforeAll(async () => {
  // Live Fluid has moved on: it serves the head definitions, the service still has the base ones committed.
  fluid = await startEmulator({
    definitions: await readFolder(join(fixtures, 'head')),
    tokens: { company: TOKEN },
  });
});
afterAll(async () => {
  await fluid.close();
});

describe('drift against live definitions (emulator)', () => {
  test('the CI recipe: save live definitions, then diff them against the committed ones', {
    timeout: 120_000,
  }, async () => {
    const work = await tempDir();
    const saved = await run(
      ['generate', '--from-api', '--base-url', fluid.url, '--out', 'live-out', '--save-definitions', 'live'],
      work,
    );
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    // The emulator serves Fluid's built-in definitions too: ours come on top of them, overriding by name.
    const live = await readdir(join(work, 'live'));
    expect(live).toEqual(expect.arrayContaining(['order_placed.json', 'order_quote.json', 'ping.json']));
    expect(live).toContain('update_cart_shipping.json');

    const fromFiles = await run(
      ['diff', '--base', join(fixtures, 'base'), '--head', join(work, 'live'), '--format', 'json'],
      work,
    );
    expect(fromFiles.code).toBe(1);
    const report = JSON.parse(fromFiles.stdout) as {
      definitions: Array<{
        name: string;
        change: string;
        breaking: boolean;
        findings: Array<{ kind: string }>;
      }>;
    };
    const quote = report.definitions.find((entry) => entry.name === 'order_quote');
    expect(quote?.breaking).toBe(true);
    expect(quote?.findings.map((finding) => finding.kind).sort()).toEqual([
      'enum-value-added',
      'required-property-added',
    ]);

    // The same comparison straight from the API, without saving first.
    const direct = await run(
      ['diff', '--base', join(fixtures, 'base'), '--from-api', '--base-url', fluid.url, '--format', 'json'],
      work,
    );
    expect(direct.code).toBe(1);
    expect(JSON.parse(direct.stdout)).toEqual(report);
  });

  test('no drift: exit 0', { timeout: 120_000 }, async () => {
    const result = await run(
      ['diff', '--base', join(fixtures, 'head'), '--from-api', '--base-url', fluid.url],
      fixtures,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('the real executable reads the token from FLUID_API_TOKEN', { timeout: 120_000 }, async () => {
    const previous = process.env.FLUID_API_TOKEN;
    process.env.FLUID_API_TOKEN = TOKEN;
    try {
      const result = await runCli(
        ['diff', '--base', 'base', '--from-api', '--base-url', fluid.url, '--format', 'markdown'],
        fixtures,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('### `order_quote`: changed (breaking)');
      expect(result.stdout).not.toContain(TOKEN);
      expect(result.stderr).not.toContain(TOKEN);
    } finally {
      if (previous === undefined) delete process.env.FLUID_API_TOKEN;
      else process.env.FLUID_API_TOKEN = previous;
    }
  });

  test('a wrong token: exit 1 naming the endpoint, the token never printed', {
    timeout: 120_000,
  }, async () => {
    let stderr = '';
    const code = await main(['diff', '--base', 'base', '--from-api', '--base-url', fluid.url], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: fixtures,
      env: { FLUID_API_TOKEN: 'C-wrong-secret' },
    });
    expect(code).toBe(1);
    expect(stderr).toContain('GET /api/callback/definitions');
    expect(stderr).toContain('error[api-auth]');
    expect(stderr).not.toContain('C-wrong-secret');
  });
});
