import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitZodRuntime } from '../../../src/emit/zod/index.js';
import { codegenRoot } from '../../helpers.js';

describe('_runtime.ts', () => {
  it('is the text of the type-checked source runtime/runtime.ts (run `pnpm generate` when this fails)', async () => {
    const source = await readFile(join(codegenRoot, 'src/emit/zod/runtime/runtime.ts'), 'utf8');
    expect(emitZodRuntime()).toBe(source);
  });
});
