import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringLiteral } from '../../../src/emit/escape.js';
import { emitTypes } from '../../../src/emit/types/emit-types.js';
import { KeyTable, toJstt } from '../../../src/emit/types/to-jstt.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';
import { CODE, HOSTILE } from './hostile.js';
import { prepared } from './prepared.js';

const DANGEROUS = /[\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u200b]/u;

async function emit(schema: JsonSchema, example?: unknown): Promise<string> {
  const { code, diagnostics } = await emitTypes(prepared(schema), {
    typeName: 'Hostile',
    pointer: '/request_schema',
    description: CODE,
    ...(example === undefined ? {} : { example }),
  });
  expect(diagnostics).toEqual([]);
  return code;
}

function topLevel(code: string): Array<{ kind: string; name: string; exported: boolean }> {
  const file = ts.createSourceFile('out.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return file.statements.map((statement) => ({
    kind: ts.SyntaxKind[statement.kind],
    name: ts.isTypeAliasDeclaration(statement) ? statement.name.text : '',
    exported: ts.canHaveModifiers(statement)
      ? (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false,
  }));
}

/** Every comment in `code`, with whether the scanner found its end. */
function comments(code: string): Array<{ text: string; closed: boolean }> {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, code);
  const found: Array<{ text: string; closed: boolean }> = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.MultiLineCommentTrivia || token === ts.SyntaxKind.SingleLineCommentTrivia) {
      found.push({ text: scanner.getTokenText(), closed: !scanner.isUnterminated() });
    }
  }
  return found;
}

describe('emitTypes: injection (RELIABILITY #17–#21)', () => {
  it('declares exactly the root and definition types, whatever the strings say', async () => {
    const code = await emit(HOSTILE, { [CODE]: `${CODE}\u2028` });
    expect(topLevel(code)).toEqual([
      { kind: 'TypeAliasDeclaration', name: 'Hostile', exported: true },
      { kind: 'TypeAliasDeclaration', name: 'HostileItem', exported: true },
    ]);
  });

  it('closes every comment where it should: doc blocks only, no `*/` or `/*` inside', async () => {
    const code = await emit(HOSTILE, { [CODE]: CODE });
    const found = comments(code);
    expect(found).toHaveLength(3); // the root, its first property and the definition
    for (const { text, closed } of found) {
      expect(closed).toBe(true);
      expect(text.startsWith('/**')).toBe(true);
      expect(text.slice(3, -2)).not.toMatch(/\*\/|\/\*/);
    }
    expect(code).toContain('*\\/ export const pwned');
  });

  it('writes line separators, bidi and invisible characters only as escapes', async () => {
    const code = await emit(HOSTILE, { '\u2066': '\u2028' });
    expect(code).not.toMatch(DANGEROUS);
    expect(code).toContain('"\\u202eevil"');
    expect(code).toContain('\\u2028');
  });

  it('evaluates nothing: the module transpiles to an empty one', async () => {
    const code = await emit(HOSTILE);
    const { outputText, diagnostics } = ts.transpileModule(code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      reportDiagnostics: true,
    });
    expect(diagnostics).toEqual([]);
    expect(outputText.trim()).toBe('export {};');
  });

  it('keeps `__proto__` as a real key and titles out of the names', async () => {
    const code = await emit(HOSTILE);
    expect(code).toContain(`\n  ["__proto__"]: ${stringLiteral(CODE)};\n`);
    expect(code).not.toMatch(/type X\b/u);
  });
});

describe('emitTypes: no I/O (RELIABILITY #25)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never reads a file or the network, even with URLs and paths in every string', async () => {
    const spies = [
      vi.spyOn(globalThis, 'fetch'),
      vi.spyOn(fs, 'readFile'),
      vi.spyOn(fs, 'readFileSync'),
      vi.spyOn(fs, 'open'),
      vi.spyOn(fs, 'openSync'),
      vi.spyOn(fs, 'createReadStream'),
      vi.spyOn(fs.promises, 'readFile'),
      vi.spyOn(fs.promises, 'open'),
      vi.spyOn(http, 'get'),
      vi.spyOn(http, 'request'),
      vi.spyOn(https, 'get'),
      vi.spyOn(https, 'request'),
    ];
    const urls = [
      'http://169.254.169.254/latest/meta-data',
      'file:///etc/passwd',
      '../x.json#/a',
      'https://x.test/s',
    ];
    const schema: JsonSchema = {
      type: ['object'],
      description: urls.join(' '),
      $comment: urls[0],
      properties: Object.fromEntries(
        urls.map((url, index) => [url, { $ref: index % 2 === 0 ? '#' : '#/$defs/Remote', description: url }]),
      ),
      $defs: { Remote: { type: ['object'], title: urls[1], properties: { [urls[3] ?? '']: { $ref: '#' } } } },
    };
    const code = await emit(schema);
    expect(code).toContain('"http://169.254.169.254/latest/meta-data"?: Hostile;');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('hands jstt no `$ref`, `$id` or `$defs`: references are names generated here', () => {
    const keys = new KeyTable();
    const input = toJstt(
      {
        type: ['object', 'array'],
        properties: { a: { $ref: '#' }, b: { $ref: '#/$defs/B' } },
        items: { $ref: '#/$defs/B' },
      },
      { typeName: 'Root', keys },
    );
    const text = JSON.stringify(input);
    expect(text).not.toMatch(/"\$ref"|"\$id"|"\$defs"|"id"/u);
    expect(text.match(/"tsType":"[^"]*"/gu)).toEqual([
      '"tsType":"Root"',
      '"tsType":"RootB"',
      '"tsType":"RootB"',
    ]);
  });
});

describe('emitTypes: bounded, deterministic output', () => {
  it('keeps 400 properties with `maxItems: 100000` small (no tuple blow-up, #28/#372)', async () => {
    const properties = Object.fromEntries(
      Array.from({ length: 400 }, (_, index) => [
        `field${index}`,
        { type: ['array'], items: { type: ['integer'] }, minItems: 3, maxItems: 100000 },
      ]),
    );
    const code = await emit({ type: ['object'], properties, prefixItems: [], maxItems: 100000 });
    expect(code.length).toBeLessThan(20_000);
    expect(code).toContain('  field399?: number[];');
  });

  it('leaves its input untouched and can emit it again (jstt #394)', async () => {
    const deepFreeze = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const child of Object.values(value)) deepFreeze(child);
      Object.freeze(value);
    };
    const schema = structuredClone(HOSTILE);
    deepFreeze(schema);
    const before = JSON.stringify(schema);
    const first = await emit(schema);
    expect(await emit(schema)).toBe(first);
    expect(JSON.stringify(schema)).toBe(before);
  });

  it('reports an error diagnostic, never a crash, when a schema is too deep to type', async () => {
    let schema: JsonSchema = { type: ['string'] };
    for (let depth = 0; depth < 5000; depth += 1) schema = { type: ['array'], items: schema };
    const { code, diagnostics } = await emitTypes(prepared(schema), { typeName: 'Deep', pointer: '/p' });
    expect(code).toBe('');
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'types-emit-failed', pointer: '/p' }),
    ]);
  });

  it('rejects a type name that is not a PascalCase identifier', async () => {
    for (const typeName of ['', 'x', '$k0', 'A-B', 'A B', 'Root;']) {
      await expect(emitTypes(prepared(true), { typeName, pointer: '' })).rejects.toThrow(TypeError);
    }
  });

  it('gives the same bytes for the same input', async () => {
    const first = await emit(HOSTILE, { a: [1, 2] });
    const second = await emit(structuredClone(HOSTILE), { a: [1, 2] });
    expect(second).toBe(first);
  });

  it('never names a type after a title, even colliding ones (#22)', async () => {
    const code = await emit({
      type: ['object'],
      title: 'Hostile',
      properties: {
        a: { type: ['object'], title: 'Line Item', properties: { x: { type: ['string'] } } },
        b: { type: ['object'], title: 'line_item', properties: { x: { type: ['number'] } } },
        c: { type: ['object'], title: 'LineItem', enum: [{}] },
        d: { $ref: '#/$defs/LineItem' },
      },
      $defs: { LineItem: { title: 'Hostile', type: ['string'] } },
    });
    expect(topLevel(code).map(({ name }) => name)).toEqual(['Hostile', 'HostileLineItem']);
    expect(code).toContain('x?: string;');
    expect(code).toContain('x?: number;');
  });
});
