import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderModule } from '../../../src/emit/module.js';
import { emitTypes } from '../../../src/emit/types/emit-types.js';
import { emitZod } from '../../../src/emit/zod/index.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';
import { CASES } from '../../differential/cases.js';
import { prepared } from '../../differential/prepared.js';
import { repoRoot } from '../../helpers.js';
import { type WrittenModule, writeModule } from './load.js';

/** The repository's compiler options (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, NodeNext, …). */
function repoCompilerOptions(dir: string): ts.CompilerOptions {
  const path = join(repoRoot, 'tsconfig.base.json');
  const config = ts.parseConfigFileTextToJson(path, readFileSync(path, 'utf8'));
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.config.compilerOptions, dir);
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]?.messageText ?? '', '\n'));
  // Only the checking flags matter here; ambient `node`/DOM types would just slow the compile down.
  return { ...options, noEmit: true, types: [], lib: ['lib.es2023.d.ts'] };
}

/** Type errors per file of one program over `files` (one program, so Zod's types load once). */
function typeErrors(dir: string, files: readonly string[]): Map<string, string[]> {
  const program = ts.createProgram(files, repoCompilerOptions(dir));
  const errors = new Map(files.map((file) => [file, [] as string[]]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? '';
    const list = errors.get(file) ?? [];
    list.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    errors.set(file, list);
  }
  return errors;
}

interface Typed {
  readonly schema: JsonSchema;
  readonly typeName: string;
  /** Hand-written types, as the types emitter would declare them. */
  readonly types: string;
}

const TYPED: readonly Typed[] = [
  {
    typeName: 'Order',
    schema: {
      $defs: {
        Money: {
          type: ['object'],
          properties: { amount: { type: ['number'] }, currency: { type: ['string'] } },
          required: ['amount', 'currency'],
        },
        Node: {
          type: ['object'],
          properties: {
            value: { type: ['integer'] },
            children: { type: ['array'], items: { $ref: '#/$defs/Node' } },
          },
          required: ['value'],
        },
      },
      type: ['object'],
      properties: {
        id: { type: ['string'], format: 'uuid' },
        total: { $ref: '#/$defs/Money' },
        status: { type: ['string'], enum: ['open', 'paid'] },
        note: { type: ['string', 'null'] },
        tree: { $ref: '#/$defs/Node' },
        tags: { type: ['array'], items: { type: ['string'] }, uniqueItems: true },
        parent: { anyOf: [{ $ref: '#' }, { type: ['null'] }] },
      },
      required: ['id', 'total', 'status'],
      additionalProperties: false,
    },
    types: [
      'export type OrderMoney = { amount: number; currency: string; [k: string]: unknown };',
      'export type OrderNode = { value: number; children?: OrderNode[]; [k: string]: unknown };',
      'export type Order = {',
      '  id: string;',
      '  total: OrderMoney;',
      "  status: 'open' | 'paid';",
      '  note?: string | null;',
      '  tree?: OrderNode;',
      '  tags?: string[];',
      '  parent?: Order | null;',
      '};',
    ].join('\n'),
  },
  {
    typeName: 'Shapes',
    schema: {
      type: ['object'],
      properties: {
        pair: { type: ['array'], prefixItems: [{ type: ['string'] }, { type: ['integer'] }], items: false },
        extra: { type: ['object'], additionalProperties: { type: ['boolean'] } },
        kind: { oneOf: [{ const: 'a' }, { const: 'b' }] },
        both: {
          allOf: [
            { type: ['object'], properties: { a: { type: ['string'] } }, required: ['a'] },
            { type: ['object'], properties: { b: { type: ['number'] } }, required: ['b'] },
          ],
        },
        not: { type: ['integer'], not: { const: 0 } },
      },
    },
    types: [
      'export type Shapes = {',
      '  pair?: [string?, number?];',
      '  extra?: { [k: string]: boolean };',
      "  kind?: 'a' | 'b';",
      '  both?: { a: string; [k: string]: unknown } & { b: number; [k: string]: unknown };',
      '  not?: number;',
      '  [k: string]: unknown;',
      '};',
    ].join('\n'),
  },
];

function moduleOf(entries: readonly Typed[]): { sections: string[]; runtime: Set<string> } {
  const runtime = new Set<string>();
  const sections = entries.flatMap((entry) => {
    const constName = `${entry.typeName[0]?.toLowerCase()}${entry.typeName.slice(1)}Schema`;
    const emitted = emitZod(prepared(entry.schema), { constName, typeName: entry.typeName, pointer: '' });
    for (const name of emitted.runtime) runtime.add(name);
    return [entry.types, emitted.code];
  });
  return { sections, runtime };
}

/** Every differential case through both real emitters, so tsc checks `z.ZodType<Type>` for each. */
async function agreementModule(): Promise<string> {
  const runtime = new Set<string>();
  const sections: string[] = [];
  for (const [index, entry] of CASES.entries()) {
    const input = prepared(entry.schema);
    const typeName = `Case${index}`;
    const types = await emitTypes(input, { typeName, pointer: '' });
    const zod = emitZod(input, { constName: `case${index}Schema`, typeName, pointer: '' });
    for (const name of zod.runtime) runtime.add(name);
    sections.push(types.code, zod.code);
  }
  return renderModule({ hash: 'test', runtime, sections });
}

let written: WrittenModule;
let wrongFile: string;
let agreementFile: string;
let errors: Map<string, string[]>;

beforeAll(async () => {
  const good = moduleOf(TYPED);
  written = await writeModule(good.sections, good.runtime);
  const first = TYPED[0] as Typed;
  const wrong = moduleOf([{ ...first, types: first.types.replace('amount: number', 'amount: string') }]);
  wrongFile = join(written.dir, 'wrong.ts');
  await writeFile(
    wrongFile,
    renderModule({ hash: 'test', runtime: wrong.runtime, sections: wrong.sections }),
  );
  agreementFile = join(written.dir, 'agreement.ts');
  await writeFile(agreementFile, await agreementModule());
  errors = typeErrors(written.dir, [written.file, wrongFile, agreementFile]);
  // A whole TypeScript program: slow on a busy machine.
}, 120_000);

afterAll(async () => {
  await written?.dispose();
});

describe('emitted validators type-check against their types under the repo flags', () => {
  it('compiles with hand-written types, _runtime.ts included', () => {
    const others = [...errors].filter(([file]) => file !== wrongFile && file !== agreementFile);
    expect(others.flatMap(([, list]) => list)).toEqual([]);
  });

  it('fails to compile when a type disagrees with its validator', () => {
    const wrong = errors.get(wrongFile) ?? [];
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.join('\n')).toMatch(/OrderMoney/);
  });

  it('agrees with the types emitter on every differential schema', () => {
    expect(errors.get(agreementFile)).toEqual([]);
  });
});
