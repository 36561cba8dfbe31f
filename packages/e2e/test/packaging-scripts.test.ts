// The release scripts' own checks: what `pnpm release:pack` refuses to keep, and how the CommonJS declarations'
// imports of ESM-only packages are rewritten.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rewriteCtsDeclarations } from '../../../scripts/cts-declarations.js';
import { tarballProblems } from '../../../scripts/release-pack.js';

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

/** Packs `files` (path → contents, under `package/`) into a .tgz as npm lays it out. */
async function tarball(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fluid-tarball-'));
  temp.push(dir);
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(join(dir, 'package', path, '..'), { recursive: true });
    await writeFile(join(dir, 'package', path), contents);
  }
  const file = join(dir, 'demo-1.0.0.tgz');
  execFileSync('tar', ['-czf', file, '-C', dir, 'package']);
  return file;
}

describe('release:pack tarball checks', () => {
  it('accepts a complete tarball', async () => {
    const manifest = {
      name: 'demo',
      version: '1.0.0',
      main: './dist/index.cjs',
      exports: {
        '.': { import: './dist/index.js', require: './dist/index.cjs' },
        './package.json': './package.json',
      },
      dependencies: { other: '^1.0.0' },
    };
    const file = await tarball({
      'package.json': JSON.stringify(manifest),
      'README.md': '# demo',
      'CHANGELOG.md': '# demo',
      LICENSE: 'MIT',
      'dist/index.js': '',
      'dist/index.cjs': '',
    });
    expect(tarballProblems(file)).toEqual([]);
  });

  it('names every problem: a workspace range, a missing LICENSE, README or CHANGELOG, a missing build output', async () => {
    const manifest = {
      name: 'demo',
      version: '1.0.0',
      types: './dist/index.d.ts',
      bin: { demo: './dist/cli.js' },
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      typesVersions: { '*': { sub: ['./dist/sub.d.ts'] } },
      dependencies: { sibling: 'workspace:^' },
      peerDependencies: { zod: '^4.0.0' },
    };
    const file = await tarball({ 'package.json': JSON.stringify(manifest), 'dist/index.js': '' });
    expect(tarballProblems(file)).toEqual([
      'demo-1.0.0.tgz: package.json: dependencies.sibling is still "workspace:^"',
      'demo-1.0.0.tgz: README.md is missing',
      'demo-1.0.0.tgz: CHANGELOG.md is missing',
      'demo-1.0.0.tgz: LICENSE is missing',
      'demo-1.0.0.tgz: dist/cli.js is referenced by package.json but missing (run `pnpm build`)',
      'demo-1.0.0.tgz: dist/index.d.ts is referenced by package.json but missing (run `pnpm build`)',
      'demo-1.0.0.tgz: dist/sub.d.ts is referenced by package.json but missing (run `pnpm build`)',
    ]);
  });
});

describe('CommonJS declarations of an ESM-only dependency', () => {
  it.each([
    [
      'a named import',
      "import { KyInstance } from 'ky';\nexport declare const a: KyInstance;\n",
      "import type { KyInstance } from 'ky' with { 'resolution-mode': 'import' };\nexport declare const a: KyInstance;\n",
    ],
    [
      'a type import of a subpath, double quotes',
      'import type { Options, Hooks } from "ky/distribution/types";\n',
      `import type { Options, Hooks } from "ky/distribution/types" with { 'resolution-mode': 'import' };\n`,
    ],
    ['a side-effect import, dropped', "import 'ky';\nexport {};\n", 'export {};\n'],
    ['another package, left alone', "import { z } from 'zod';\n", "import { z } from 'zod';\n"],
    [
      'a package whose name only starts the same, left alone',
      "import { a } from 'kysely';\n",
      "import { a } from 'kysely';\n",
    ],
  ])('%s', (_case, before, after) => {
    expect(rewriteCtsDeclarations(before, ['ky'])).toBe(after);
  });

  it('refuses a form it cannot rewrite rather than leaving a broken import', () => {
    expect(() => rewriteCtsDeclarations("import * as ky from 'ky';\n", ['ky'])).toThrow(
      "cannot rewrite this import of ky: from 'ky'",
    );
  });
});
