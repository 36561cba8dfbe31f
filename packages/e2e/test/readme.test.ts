// The README's TypeScript examples compile under the repo's strict settings: docs that drift from the API fail
// here. Each ```ts block becomes a module; the few names a snippet leaves to the reader are declared below.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** What a reader supplies themselves: declared so each snippet type-checks as written. */
const PRELUDE = `
declare const incoming: Request;
declare const keys: { forShop(shop: string): Promise<string[]> };
declare const orders: { save(shop: string | null, order: unknown): Promise<void> };
declare const registrations: import('@fluid-droplet/sdk').RegistrationLookup;
declare function quote(
  installationUuid: string,
  request: import('@fluid-droplet/sdk').CallbackRequest<'update_cart_shipping'>,
): Promise<Array<{ shipping_title: string; shipping_total: number }>>;
`;

/** The ```ts blocks of a Markdown document, with the line each starts on. */
function typeScriptBlocks(markdown: string): Array<{ line: number; code: string }> {
  const blocks: Array<{ line: number; code: string }> = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (lines[index]?.trim() !== '```ts') continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end += 1;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    index = end;
  }
  return blocks;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(repoRoot, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  return { ...parsed.options, noEmit: true, noUnusedLocals: false };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('README.md', () => {
  it('every TypeScript example type-checks against the real packages and generated code', async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const blocks = typeScriptBlocks(readme);
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    // Inside the workspace, so `zod` and the workspace packages resolve as they do for our own sources.
    const dir = await mkdtemp(join(repoRoot, 'packages/e2e/.readme-'));
    dirs.push(dir);
    const files: string[] = [];
    for (const [index, block] of blocks.entries()) {
      // Snippets import the generated modules from `./generated/callbacks/...`, as a service's own tree would.
      const code = block.code.replaceAll("'./generated/callbacks/", `'${repoRoot}/generated/callbacks/`);
      const file = join(dir, `snippet-${index}-line-${block.line}.ts`);
      await writeFile(file, `${PRELUDE}\n${code}\nexport {};\n`);
      files.push(file);
    }
    const program = ts.createProgram(files, compilerOptions());
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file !== undefined && files.includes(diagnostic.file.fileName))
      .map((diagnostic) => {
        const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? { line: 0 };
        const snippet = diagnostic.file?.fileName.match(/line-(\d+)/)?.[1] ?? '?';
        const readmeLine = Number(snippet) + line - PRELUDE.split('\n').length;
        return `README.md:${readmeLine}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  });
});
