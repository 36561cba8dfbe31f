// The generated validators' `_runtime.ts` is real, type-checked source: packages/codegen/src/emit/zod/runtime/
// runtime.ts, with plain.ts (its checks that need no Zod, which the generator uses too) inlined where runtime.ts
// imports it. The generator core does no I/O and must run from a bundle, so it copies that text from a generated
// module (runtime.gen.ts) that this step keeps in sync; `pnpm generate --check` fails when stale.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(root, 'packages/codegen/src/emit/zod/runtime');
const SOURCE = path.join(DIR, 'runtime.ts');
const PLAIN = path.join(DIR, 'plain.ts');
const PLAIN_IMPORT = /^import \{[^}]*\} from '\.\/plain\.js';\n/m;

/**
 * The one module `_runtime.ts` is: `runtime` with `plain` in place of its import of `./plain.js` (plain's
 * leading comment and its `export` keywords dropped, so `_runtime.ts` exports exactly what runtime.ts does).
 */
export function inlinePlain(runtime: string, plain: string): string {
  if (!PLAIN_IMPORT.test(runtime)) throw new Error('runtime.ts does not import ./plain.js');
  if (/^import /m.test(plain)) throw new Error('plain.ts must import nothing');
  const body = plain.replace(/^(?:\/\/.*\n)+\n/, '').replace(/^export /gm, '');
  return runtime.replace(PLAIN_IMPORT, () => `\n${body}`);
}
const OUTPUT = path.join(DIR, 'runtime.gen.ts');

/** The text of runtime.gen.ts for the current runtime.ts. */
export async function renderRuntimeText(): Promise<string> {
  const source = inlinePlain(await readFile(SOURCE, 'utf8'), await readFile(PLAIN, 'utf8'));
  return [
    '// Generated from runtime.ts and plain.ts by scripts/generate-runtime-text.ts. Do not edit: run `pnpm generate`.',
    '/** The text of runtime.ts: the `_runtime.ts` module written next to generated validators. */',
    `export const RUNTIME_SOURCE: string = ${JSON.stringify(source)};`,
    '',
  ].join('\n');
}

/**
 * Writes runtime.gen.ts, or with `check` only reports it stale. Resolves to the process exit code.
 *
 * @example
 * process.exitCode = await generateRuntimeText({ check: false });
 */
export async function generateRuntimeText(options: { readonly check: boolean }): Promise<number> {
  const wanted = await renderRuntimeText();
  const current = await readFile(OUTPUT, 'utf8').catch(() => undefined);
  if (current === wanted) return 0;
  const relative = path.relative(root, OUTPUT);
  if (options.check) {
    process.stderr.write(
      `runtime: ${relative} is ${current === undefined ? 'missing' : 'stale'}; run \`pnpm generate\`\n`,
    );
    return 1;
  }
  await writeFile(OUTPUT, wanted);
  process.stdout.write(`runtime: wrote ${relative}\n`);
  return 0;
}
