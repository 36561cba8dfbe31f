import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { codegenRoot, repoRoot } from '../../helpers.js';

/** Virtual modules live here, so `import * as z from 'zod'` resolves to the repo's zod. */
const virtualDir = join(codegenRoot, 'test/emit/types/__virtual__');

function compilerOptions(): ts.CompilerOptions {
  const base = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: Record<string, unknown>;
  };
  const { options, errors } = ts.convertCompilerOptionsFromJson(base.compilerOptions, repoRoot);
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]?.messageText, '\n'));
  // The repo's strict flags; a smaller lib and no ambient @types keep the program fast.
  return { ...options, lib: ['lib.es2023.d.ts'], types: [], noEmit: true, paths: {} };
}

// Library files (lib, zod) parse once per test file, however many programs are built.
const parsed = new Map<string, ts.SourceFile | undefined>();

/** One diagnostic, as `file:line: message`. */
export type Problem = string;

/**
 * Type-checks virtual modules (name → source) in one program with the repo's strict options.
 * Returns every problem, keyed by module name (an empty list for a clean module).
 */
export function typecheck(modules: Readonly<Record<string, string>>): Map<string, Problem[]> {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const sources = new Map(
    Object.entries(modules).map(([name, code]) => [join(virtualDir, `${name}.ts`), code]),
  );
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.directoryExists = (path) => path === virtualDir || (directoryExists?.call(host, path) ?? true);
  host.fileExists = (path) => sources.has(path) || fileExists.call(host, path);
  host.readFile = (path) => sources.get(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, language, onError, create) => {
    const code = sources.get(path);
    if (code !== undefined) return ts.createSourceFile(path, code, language, true);
    if (!parsed.has(path)) parsed.set(path, getSourceFile.call(host, path, language, onError, create));
    return parsed.get(path);
  };
  const program = ts.createProgram([...sources.keys()], options, host);
  const result = new Map<string, Problem[]>();
  for (const name of Object.keys(modules)) {
    const file = program.getSourceFile(join(virtualDir, `${name}.ts`));
    if (file === undefined) throw new Error(`virtual module ${name} missing from the program`);
    const problems = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
      (diagnostic) => {
        const line =
          diagnostic.start === undefined ? 0 : file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
        return `${name}.ts:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      },
    );
    result.set(name, problems);
  }
  return result;
}
