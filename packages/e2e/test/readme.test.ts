// The TypeScript examples of the READMEs (the repository's and each package's, the ones npm shows) compile under
// the repo's strict settings: docs that drift from the API fail here. Each ```ts block becomes a module; the few
// names a snippet leaves to the reader are declared below. One program holds every snippet, and only the snippets
// are checked (the packages they import are type-checked by `pnpm typecheck`), which keeps this test quick.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** The READMEs whose examples must compile: the root one and every package's. */
const documents = [
  'README.md',
  ...['sdk', 'codegen', 'emulator', 'schema-sampler'].map((name) => `packages/${name}/README.md`),
];

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
const preludeLines = PRELUDE.split('\n').length;

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

describe('README examples', () => {
  it('every TypeScript example type-checks against the real packages and generated code', async () => {
    // Inside the workspace, so `zod` and the workspace packages resolve as they do for our own sources.
    const dir = await mkdtemp(join(repoRoot, 'packages/e2e/.readme-'));
    dirs.push(dir);
    /** Snippet file → the README and the line its code starts on. */
    const origins = new Map<string, { document: string; line: number }>();
    for (const document of documents) {
      const path = join(repoRoot, document);
      expect(existsSync(path), `${document} exists`).toBe(true);
      const blocks = typeScriptBlocks(await readFile(path, 'utf8'));
      if (document === 'README.md') expect(blocks.length).toBeGreaterThanOrEqual(5);
      for (const block of blocks) {
        // Snippets import the generated modules from `./generated/callbacks/...`, as a service's own tree would.
        const code = block.code.replaceAll("'./generated/callbacks/", `'${repoRoot}/generated/callbacks/`);
        const file = join(dir, `snippet-${origins.size}.ts`);
        await writeFile(file, `${PRELUDE}\n${code}\nexport {};\n`);
        origins.set(file, { document, line: block.line });
      }
    }
    const program = ts.createProgram([...origins.keys()], compilerOptions());
    const problems = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(
      (diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    );
    for (const [file, origin] of origins) {
      const source = program.getSourceFile(file);
      if (source === undefined) throw new Error(`${relative(repoRoot, file)} is missing from the program`);
      for (const diagnostic of [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ]) {
        const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const documentLine = origin.line + line - preludeLines;
        problems.push(
          `${origin.document}:${documentLine}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
        );
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
