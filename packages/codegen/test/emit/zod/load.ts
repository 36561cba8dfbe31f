import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderModule } from '../../../src/emit/module.js';
import { emitZodRuntime } from '../../../src/emit/zod/index.js';
import { codegenRoot } from '../../helpers.js';

/** A module written next to `_runtime.ts` in a temp folder inside the codegen package (so `zod` resolves). */
export interface WrittenModule {
  readonly dir: string;
  readonly file: string;
  readonly source: string;
  readonly dispose: () => Promise<void>;
}

/** Renders `sections` as a generated module (banner, imports) and writes it with the runtime. */
export async function writeModule(
  sections: readonly string[],
  runtime: ReadonlySet<string>,
): Promise<WrittenModule> {
  const source = renderModule({ hash: 'test', runtime, sections });
  const dir = await mkdtemp(join(codegenRoot, '.fluid-codegen-zod-'));
  const file = join(dir, 'module.ts');
  await writeFile(join(dir, '_runtime.ts'), emitZodRuntime());
  await writeFile(file, source);
  return { dir, file, source, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Imports a written module. */
export async function importModule(module: WrittenModule): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(module.file).href)) as Record<string, unknown>;
}
