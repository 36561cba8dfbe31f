import { describe, expect, test } from 'vitest';
import {
  DiffInputError,
  type DiffReport,
  diffDefinitions,
  formatJson,
  formatMarkdown,
} from '../../src/index.js';
import type { CallbackDefinition } from '../../src/load/definition.js';

function callback(
  name: string,
  request: CallbackDefinition['request_schema'],
  response: CallbackDefinition['response_schema'] = { type: 'object' },
): CallbackDefinition {
  return {
    name,
    description: null,
    example_response: null,
    request_schema: request,
    response_schema: response,
  };
}

const tree = (value: unknown) => ({
  type: 'object',
  required: ['value'],
  properties: { value, children: { type: 'array', items: { $ref: '#' } } },
});

describe('diffDefinitions', () => {
  test('formats: judged as the validators treat them, asserted by default or annotations', async () => {
    const at = (format: string) =>
      callback('hook', { type: 'object', properties: { at: { type: 'string', format } } });
    const base = [at('date-time'), callback('other', { type: 'string', format: 'made-up' })];
    const head = [at('date'), callback('other', { type: 'string', format: 'made-up-too' })];
    const verdicts = (report: DiffReport) =>
      report.definitions.map((entry) => [
        entry.name,
        entry.findings.map((finding) => [finding.verdict, finding.kind]),
      ]);

    for (const options of [{}, { formats: 'assert' } as const]) {
      expect(verdicts(await diffDefinitions(base, head, options))).toEqual([
        ['hook', [['breaking', 'format-changed']]],
        ['other', [['unknown', 'unsupported-keyword-changed']]],
      ]);
    }
    expect(verdicts(await diffDefinitions(base, head, { formats: 'annotate' }))).toEqual([
      ['hook', []],
      ['other', []],
    ]);
  });

  test('added and removed definitions are reported and not breaking', async () => {
    const report = await diffDefinitions(
      [callback('old_one', { type: 'object' })],
      [callback('new_one', { type: 'object' })],
    );
    expect(report.definitions).toEqual([
      { name: 'new_one', change: 'added', breaking: false, findings: [] },
      { name: 'old_one', change: 'removed', breaking: false, findings: [] },
    ]);
  });

  test('the JSON format is pinned', async () => {
    const report = await diffDefinitions(
      [callback('quote', { type: 'object', properties: { n: { type: 'integer', maximum: 5 } } })],
      [callback('quote', { type: 'object', properties: { n: { type: 'integer', maximum: 3 } } })],
    );
    expect(formatJson(report)).toBe(`{
  "definitions": [
    {
      "name": "quote",
      "change": "changed",
      "breaking": false,
      "findings": [
        {
          "side": "request",
          "pointer": "/request_schema/properties/n/maximum",
          "kind": "bound-tightened",
          "verdict": "safe",
          "message": "upper bound tightened: <= 5 -> <= 3 (narrowing: every request Fluid may now send was accepted before)"
        }
      ]
    }
  ]
}
`);
  });

  test('recursive schemas: a change deep in a $ref: "#" tree is found and the walk ends', async () => {
    const report = await diffDefinitions(
      [callback('tree', tree({ type: 'string' }))],
      [callback('tree', tree({ type: ['string', 'integer'] }))],
    );
    const [finding] = report.definitions[0]?.findings ?? [];
    expect(finding).toMatchObject({
      side: 'request',
      pointer: '/request_schema/properties/value/type',
      kind: 'type-widened',
      verdict: 'breaking',
    });
    expect(finding?.counterexample).toEqual({ value: 1 });
  });

  test('a local widening another keyword still forbids is unknown, not breaking', async () => {
    const masked = (a: unknown) => ({
      type: 'object',
      allOf: [{ properties: { a: { type: 'string' } } }],
      properties: { a },
    });
    const report = await diffDefinitions(
      [callback('masked', masked({ type: 'string' }))],
      [callback('masked', masked({ type: ['string', 'integer'] }))],
    );
    const [finding] = report.definitions[0]?.findings ?? [];
    expect(finding).toMatchObject({ kind: 'type-widened', verdict: 'unknown' });
    expect(finding?.message).toContain('not claimed');
    expect(finding?.counterexample).toBeUndefined();
    expect(report.definitions[0]?.breaking).toBe(false);
  });

  test('a changed keyword the generator does not support is unknown with its pointer', async () => {
    const report = await diffDefinitions(
      [callback('host', { type: 'object', properties: { h: { type: 'string', format: 'phone' } } })],
      [callback('host', { type: 'object', properties: { h: { type: 'string', format: 'credit-card' } } })],
    );
    expect(report.definitions[0]?.findings).toEqual([
      expect.objectContaining({
        side: 'request',
        pointer: '/request_schema/properties/h/format',
        kind: 'unsupported-keyword-changed',
        verdict: 'unknown',
      }),
    ]);
  });

  test('the same inputs in any order give the same report', async () => {
    const base = [
      callback('a', { type: 'object', properties: { x: { enum: [1, 2] } } }),
      callback('b', { type: 'object' }, { type: 'object', required: ['ok'] }),
    ];
    const head = [
      callback('b', { type: 'object' }, { type: 'object' }),
      callback('a', { type: 'object', properties: { x: { enum: [2, 1, 3] } } }),
    ];
    const first: DiffReport = await diffDefinitions(base, head);
    const second = await diffDefinitions([...base].reverse(), [...head].reverse());
    expect(second).toEqual(first);
    expect(first.definitions.map((entry) => [entry.name, entry.breaking])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  test('invalid definitions throw DiffInputError naming file, definition and pointer', async () => {
    const bad = callback('bad', {
      type: 'object',
      properties: { a: { $ref: 'https://example.com/s.json' } },
    });
    const error = await diffDefinitions([bad], [bad]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiffInputError);
    expect((error as DiffInputError).message).toContain(
      'base#/0: bad: /request_schema/properties/a/$ref: error[remote-ref]',
    );
    const duplicate = await diffDefinitions([bad, bad], []).catch((caught: unknown) => caught);
    expect((duplicate as DiffInputError).diagnostics.map((item) => item.code)).toContain('duplicate-name');
  });

  test('markdown escapes what would break the table or inject HTML', async () => {
    const report = await diffDefinitions(
      [callback('esc', { type: 'object', properties: { v: { enum: ['a'] } } })],
      [callback('esc', { type: 'object', properties: { v: { enum: ['a', '<img src=x>|`'] } } })],
    );
    const markdown = formatMarkdown(report);
    const row = markdown.split('\n').find((line) => line.includes('enum-value-added')) ?? '';
    expect(row).toContain('&lt;img src=x&gt;\\|');
    expect(row).not.toContain('<img');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
  });
});
