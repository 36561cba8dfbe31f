import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/emit-types.js';
import { emitZod, emitZodRuntime } from '../../../src/emit/zod/index.js';
import { prepareSchema } from '../../../src/schema/index.js';
import { CASES } from './cases.js';
import { HOSTILE } from './hostile.js';
import { type Problem, typecheck } from './typecheck.js';

/**
 * The real pipeline on every behavioural case: prepareSchema, then these types and the Zod emitter's
 * validators in one module, which tsc must accept (`z.ZodType<X>` checks that they agree).
 */
async function moduleFor(schema: unknown): Promise<string> {
  const prepared = prepareSchema(schema, { pointer: '/request_schema' });
  expect(prepared.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  const types = await emitTypes(prepared, { typeName: 'X', pointer: '/request_schema' });
  expect(types.diagnostics).toEqual([]);
  const zod = emitZod(prepared, { constName: 'xSchema', typeName: 'X', pointer: '/request_schema' });
  const imports = ["import * as z from 'zod';"];
  if (zod.runtime.size > 0)
    imports.push(`import { ${[...zod.runtime].sort().join(', ')} } from './_runtime.js';`);
  return [...imports, types.code, zod.code].join('\n');
}

describe('emitTypes with the real schema step and Zod emitter', () => {
  const modules: Record<string, string> = { _runtime: emitZodRuntime() };
  let problems = new Map<string, Problem[]>();

  beforeAll(async () => {
    for (const testCase of CASES) modules[testCase.name] = await moduleFor(testCase.schema);
    modules.hostile = await moduleFor(HOSTILE);
    problems = typecheck(modules);
  });

  it.each([...CASES.map((testCase) => testCase.name), 'hostile'])('%s: types and validator agree', (name) => {
    const list = problems.get(name) ?? [];
    expect(list, `${list.join('\n')}\n---\n${modules[name]}`).toEqual([]);
  });
});
