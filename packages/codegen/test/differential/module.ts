import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as z from 'zod';
import type { Diagnostic } from '../../src/diagnostics.js';
import { renderModule } from '../../src/emit/module.js';
import { emitZod, emitZodRuntime } from '../../src/emit/zod/index.js';
import type { PreparedSchema } from '../../src/schema/prepared.js';
import { codegenRoot } from '../helpers.js';

/** The validators of a batch of schemas, loaded from one emitted module, plus what emitting them reported. */
export interface LoadedBatch {
  readonly validators: readonly z.ZodType[];
  readonly diagnostics: readonly Diagnostic[];
  readonly source: string;
  /** Removes the temp folder. */
  readonly dispose: () => Promise<void>;
}

/**
 * Emits every prepared schema's validators into one module (types stood in by `unknown`), writes it with
 * `_runtime.ts` to a temp folder inside the codegen package (so `zod` resolves) and imports it.
 */
export async function loadBatch(inputs: readonly PreparedSchema[]): Promise<LoadedBatch> {
  const runtime = new Set<string>();
  const sections: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  for (const [index, input] of inputs.entries()) {
    const typeName = `Case${index}`;
    const constName = `case${index}Schema`;
    const types = [typeName, ...[...input.definitions.keys()].map((suffix) => `${typeName}${suffix}`)];
    const emitted = emitZod(input, { constName, typeName, pointer: input.pointer });
    for (const name of emitted.runtime) runtime.add(name);
    diagnostics.push(...emitted.diagnostics);
    sections.push(`${types.map((type) => `type ${type} = unknown;`).join('\n')}\n\n${emitted.code}`);
    names.push(constName);
  }
  sections.push(`export const validators = [${names.join(', ')}];`);
  const source = renderModule({ hash: 'differential', runtime, sections });
  const dir = await mkdtemp(join(codegenRoot, '.fluid-codegen-zod-'));
  await writeFile(join(dir, '_runtime.ts'), emitZodRuntime());
  await writeFile(join(dir, 'validators.ts'), source);
  const loaded = (await import(pathToFileURL(join(dir, 'validators.ts')).href)) as {
    validators: z.ZodType[];
  };
  return {
    validators: loaded.validators,
    diagnostics,
    source,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
