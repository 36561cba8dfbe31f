import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlinePlain } from '../../../../../scripts/generate-runtime-text.js';
import { emitZodRuntime } from '../../../src/emit/zod/index.js';
import { codegenRoot } from '../../helpers.js';

describe('_runtime.ts', () => {
  it('is the type-checked source runtime/runtime.ts with plain.ts inlined (run `pnpm generate` when this fails)', async () => {
    const read = (name: string) => readFile(join(codegenRoot, 'src/emit/zod/runtime', name), 'utf8');
    expect(emitZodRuntime()).toBe(inlinePlain(await read('runtime.ts'), await read('plain.ts')));
    expect(emitZodRuntime()).not.toMatch(
      /plain\.js|^export (?:function (?:isObject|deepEqual|codePoints|union)|const)/m,
    );
  });
});
