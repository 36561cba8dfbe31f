import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/emit-types.js';
import { CASES, type TypeCase } from './cases.js';
import { prepared } from './prepared.js';
import { typecheck } from './typecheck.js';

const moduleName = (name: string): string => `case-${name}`;

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

describe('emitTypes: the types mean what the schemas mean', () => {
  it(`type-checks ${CASES.length} schemas with values that must and must not compile`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const modules: Record<string, string> = {};
    for (const testCase of CASES) modules[moduleName(testCase.name)] = await moduleFor(testCase);
    const problems = typecheck(modules);
    const failures = [...problems.entries()]
      .filter(([, list]) => list.length > 0)
      .map(([name, list]) => `${list.join('\n')}\n--- ${name}.ts ---\n${modules[name]}`);
    expect(failures).toEqual([]);
  });

  it('the checker notices a wrong expectation (the harness can fail)', async () => {
    const code = await moduleFor({ name: 'wrong', schema: { type: ['string'] }, ok: ['1'], bad: ["'a'"] });
    const problems = typecheck({ wrong: code }).get('wrong') ?? [];
    expect(problems).toHaveLength(2);
  });
});
