import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DiffReport } from '../../src/diff/types.js';
import { runCli, runMain, tempDir } from '../helpers.js';

const fixtures = join(import.meta.dirname, 'fixtures/cli');

/** Runs `main` in process with captured output, from the CLI fixtures folder. */
function run(args: readonly string[], env: Record<string, string | undefined> = {}) {
  return runMain(args, fixtures, env);
}

describe('fluid-codegen diff', () => {
  test('text: changed, added, removed and unchanged definitions; exit 1 on a breaking change', async () => {
    const result = await run(['diff', '--base', 'base', '--head', 'head']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('order_quote: changed (BREAKING)');
    expect(lines).toContain('order_placed: added');
    expect(lines).toContain('legacy_hook: removed');
    expect(result.stdout).not.toContain('ping:');
    expect(result.stdout).toContain(
      'breaking request /request_schema/properties/cart/properties/currency/enum enum-value-added',
    );
    expect(result.stdout).toContain('counterexample: {"cart":{"currency":"GBP"}}');
    expect(result.stdout).toContain(
      'breaking response /response_schema/properties/shipping_options/items/required required-property-added',
    );
    expect(lines.at(-2)).toBe(
      'fluid-codegen diff: 1 changed, 1 added, 1 removed, 1 unchanged; 2 breaking, 0 unknown, 0 safe',
    );
  });

  test('json: exactly the documented shape', async () => {
    const result = await run(['diff', '--base', 'base', '--head', 'head', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { definitions: Array<Record<string, unknown>> };
    expect(Object.keys(report)).toEqual(['definitions']);
    expect(report.definitions.map((entry) => [entry.name, entry.change, entry.breaking])).toEqual([
      ['legacy_hook', 'removed', false],
      ['order_placed', 'added', false],
      ['order_quote', 'changed', true],
      ['ping', 'unchanged', false],
    ]);
    for (const entry of report.definitions) {
      expect(Object.keys(entry)).toEqual(['name', 'change', 'breaking', 'findings']);
      for (const finding of entry.findings as Array<Record<string, unknown>>) {
        const keys = ['side', 'pointer', 'kind', 'verdict', 'message'];
        if (finding.verdict === 'breaking') keys.push('counterexample');
        expect(Object.keys(finding)).toEqual(keys);
      }
    }
    await expect(result.stdout).toMatchFileSnapshot('fixtures/cli/__snapshots__/report.json.snap');
  });

  test('markdown: a pull-request comment with a table and collapsed counterexamples', async () => {
    const result = await run(['diff', '--base', 'base', '--head', 'head', '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('**2 breaking change(s)** for deployed services.');
    expect(result.stdout).toContain('| verdict | side | pointer | kind | message |');
    expect(result.stdout).toContain('<details>');
    await expect(result.stdout).toMatchFileSnapshot('fixtures/cli/__snapshots__/report.md.snap');
  });

  test('nothing breaking: exit 0', async () => {
    const result = await run(['diff', '--base', 'base', '--head', 'base']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'fluid-codegen diff: 0 changed, 0 added, 0 removed, 3 unchanged; 0 breaking, 0 unknown, 0 safe\n',
    );
  });

  test('invalid input: exit 1, diagnostics say where, nothing on stdout', async () => {
    const dir = await tempDir();
    await cp(join(fixtures, 'head'), dir, { recursive: true });
    await writeFile(join(dir, 'ping.json'), '{ "name": "ping", ');
    const broken = await run(['diff', '--base', 'base', '--head', dir, '--format', 'json']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/ping\.json:1:19: \/: error\[invalid-json\]/);
    expect(broken.stderr).toContain('invalid input; nothing compared');

    await writeFile(
      join(dir, 'ping.json'),
      JSON.stringify({
        name: 'ping',
        request_schema: { type: 'object', properties: { a: { $ref: '#/$defs/nope' } } },
      }),
    );
    const dangling = await run(['diff', '--base', 'base', '--head', dir]);
    expect(dangling.code).toBe(1);
    expect(dangling.stderr).toContain('ping: /request_schema/properties/a/$ref: error[dangling-ref]');
  });

  test('--formats: a format change breaks under assert (the default) and is no change under annotate', async () => {
    const dir = await tempDir();
    const contact = (format?: string) => ({
      name: 'contact',
      request_schema: { type: 'object' },
      response_schema: {
        type: 'object',
        required: ['email'],
        properties: { email: { type: 'string', ...(format === undefined ? {} : { format }) } },
      },
    });
    for (const [side, definition] of [
      ['base', contact()],
      ['head', contact('email')],
    ] as const) {
      await mkdir(join(dir, side));
      await writeFile(join(dir, side, 'contact.json'), JSON.stringify(definition));
    }
    const diff = (...extra: string[]) =>
      runMain(['diff', '--base', 'base', '--head', 'head', '--format', 'json', ...extra], dir, {});
    const findings = (stdout: string) =>
      (JSON.parse(stdout) as DiffReport).definitions.flatMap((entry) =>
        entry.findings.map((finding) => [finding.verdict, finding.pointer, finding.kind]),
      );

    for (const asserted of [await diff(), await diff('--formats', 'assert')]) {
      expect(asserted.stderr).toBe('');
      expect(asserted.code).toBe(1);
      expect(findings(asserted.stdout)).toEqual([
        ['breaking', '/response_schema/properties/email/format', 'format-added'],
      ]);
    }
    const annotated = await diff('--formats', 'annotate');
    expect(annotated.stderr).toBe('');
    expect(annotated.code).toBe(0);
    expect(JSON.parse(annotated.stdout)).toEqual({
      definitions: [{ name: 'contact', change: 'unchanged', breaking: false, findings: [] }],
    });
  });

  test('usage mistakes: exit 1 with the reason', async () => {
    for (const [args, reason] of [
      [['diff', '--head', 'head'], 'diff needs --base'],
      [['diff', '--base', 'base'], 'diff needs --head'],
      [['diff', '--base', 'base', '--head', 'head', '--from-api'], 'either --head or --from-api'],
      [
        ['diff', '--base', 'base', '--head', 'head', '--format', 'yaml'],
        '--format must be text, json or markdown',
      ],
      [['diff', '--base', 'base', '--head', 'head', '--base-url', 'http://x'], '--base-url only applies'],
      [
        ['diff', '--base', 'base', '--head', 'head', '--formats', 'ignore'],
        '--formats must be assert or annotate, got "ignore"',
      ],
      [['diff', '--base', 'base', '--from-api'], 'FLUID_API_TOKEN'],
    ] as const) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(reason);
    }
    const help = await run(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: fluid-codegen diff');
  });

  test('the real executable exits 1 on a breaking change and 0 without one', {
    timeout: 120_000,
  }, async () => {
    const breaking = await runCli(['diff', '--base', 'base', '--head', 'head', '--format', 'json'], fixtures);
    expect(breaking.stderr).toBe('');
    expect(breaking.code).toBe(1);
    expect(JSON.parse(breaking.stdout)).toHaveProperty('definitions');
    const clean = await runCli(['diff', '--base', 'head', '--head', 'head'], fixtures);
    expect(clean.code).toBe(0);
  });
});
