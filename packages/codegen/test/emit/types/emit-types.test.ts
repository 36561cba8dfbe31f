import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/emit-types.js';
import { CASES, type TypeCase } from './cases.js';
import { prepared } from './prepared.js';
import { type Problem, typecheck } from './typecheck.js';

async function moduleFor(testCase: TypeCase): Promise<string> {
  const { code, diagnostics } = await emitTypes(prepared(testCase.schema), {
    typeName: 'X',
    pointer: '/request_schema',
  });
  expect(diagnostics, testCase.name).toEqual([]);
  const ok = (testCase.ok ?? []).map((value, index) => `export const ok${index}: X = ${value};`);
  const bad = (testCase.bad ?? []).map(
    (value, index) => `// @ts-expect-error\nexport const bad${index}: X = ${value};`,
  );
  return [code, ...ok, ...bad, testCase.more ?? '', 'export {};', ''].join('\n');
}

// A case whose expectations are wrong both ways: proves the harness reports what it should.
const WRONG: TypeCase = { name: 'wrong', schema: { type: ['string'] }, ok: ['1'], bad: ["'a'"] };

describe('emitTypes: the types mean what the schemas mean', () => {
  const modules: Record<string, string> = {};
  let problems = new Map<string, Problem[]>();

  // All cases in one TypeScript program: one parse of the libraries, one checker.
  beforeAll(async () => {
    for (const testCase of [...CASES, WRONG]) modules[testCase.name] = await moduleFor(testCase);
    problems = typecheck(modules);
    // A whole TypeScript program: slow on a busy machine.
  }, 120_000);

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('the harness can fail: a wrong `ok` and a wrong `bad` are both reported', () => {
    expect(problems.get(WRONG.name)).toHaveLength(2);
  });

  it.each(CASES.map((testCase) => testCase.name))('%s', (name) => {
    const list = problems.get(name) ?? [];
    expect(list, `${list.join('\n')}\n---\n${modules[name]}`).toEqual([]);
  });
});

describe('emitTypes: the memo of one run', () => {
  it('prints exactly what a fresh emit prints, for every case under two root names sharing one memo', async () => {
    const memo = new Map<string, string>();
    for (const typeName of ['X', 'Other']) {
      for (const testCase of CASES) {
        const options = { typeName, pointer: '/request_schema' };
        const fresh = await emitTypes(prepared(testCase.schema), options);
        const memoized = await emitTypes(prepared(testCase.schema), { ...options, memo });
        expect(memoized, `${typeName}: ${testCase.name}`).toEqual(fresh);
      }
    }
    expect(memo.size).toBeGreaterThan(0);
  });
});
