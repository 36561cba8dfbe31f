// Makes a package's CommonJS declarations (`dist/*.d.cts`) usable when they name types of an ESM-only dependency.
// tsup writes `import { KyInstance } from 'ky'` into them, and TypeScript refuses that in a CommonJS file for every
// consumer on `module: node16`/`nodenext` (TS1479: the import would be a `require` of an ES module; TS1541 for
// `import type` without a resolution mode). The fix TypeScript documents is a type-only import that resolves as
// ESM: `import type { KyInstance } from 'ky' with { 'resolution-mode': 'import' }` (TypeScript 5.3 and later; zod 4
// already needs 5.5). Side-effect imports of such a package (`import 'ky';`) mean nothing in declarations and go.
// tsup cannot do this itself: its declaration bundler keeps every dependency external.
//
//   tsx ../../scripts/cts-declarations.ts --esm-only ky [--dir dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Rewrites one declaration file's imports of `packages`; returns the new text. */
export function rewriteCtsDeclarations(text: string, packages: readonly string[]): string {
  let result = text;
  for (const name of packages) {
    const quoted = `(?<quote>['"])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?<subpath>/[^'"]*)?\\k<quote>`;
    result = result
      .replace(new RegExp(`^import ${quoted};\\n`, 'gm'), '')
      .replace(new RegExp(`^import (?:type )?(\\{[^}]*\\}) from ${quoted};`, 'gm'), (...args: unknown[]) => {
        const names = String(args[1]);
        const { quote = "'", subpath = '' } = args.at(-1) as { quote?: string; subpath?: string };
        return `import type ${names} from ${quote}${name}${subpath}${quote} with { 'resolution-mode': 'import' };`;
      });
    const left = new RegExp(`(?:from|import|require\\()\\s*${quoted}(?! with \\{ 'resolution-mode')`).exec(
      result,
    );
    if (left !== null) throw new Error(`cannot rewrite this import of ${name}: ${left[0]}`);
  }
  return result;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      'esm-only': { type: 'string', multiple: true, default: [] },
      dir: { type: 'string', default: 'dist' },
    },
  });
  const dir = resolve(process.cwd(), values.dir);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.d.cts'))) {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    let after: string;
    try {
      after = rewriteCtsDeclarations(before, values['esm-only']);
    } catch (error) {
      throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (after !== before) writeFileSync(path, after);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`cts-declarations: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
