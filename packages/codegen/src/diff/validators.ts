// Compiles the generated Zod validator of a prepared schema in memory, with codegen's real emitter: the same
// module text `fluid-codegen generate` writes, its types stripped by esbuild and evaluated as CommonJS.
import { compileFunction } from 'node:vm';
import { emitZod, emitZodRuntime } from '../emit/zod/index.js';
import type { PreparedSchema } from '../schema/prepared.js';

/** Accepts or rejects one instance exactly as the generated validator would. */
export type Validator = (value: unknown) => boolean;

type Exports = Record<string, unknown>;

/** The runtime module, compiled and evaluated once: it holds no state, so every validator can share it. */
let runtimeModule: Promise<Exports> | undefined;

async function toCommonJs(source: string): Promise<string> {
  const { transform } = await import('esbuild');
  const result = await transform(source, { loader: 'ts', format: 'cjs', target: 'node20' });
  return result.code;
}

function evaluate(js: string, filename: string, modules: Readonly<Record<string, unknown>>): Exports {
  const module = { exports: {} as Exports };
  const require = (id: string): unknown => {
    if (!Object.hasOwn(modules, id)) throw new Error(`generated validator imports unexpected module ${id}`);
    return modules[id];
  };
  const run = compileFunction(js, ['exports', 'require', 'module'], { filename });
  run(module.exports, require, module);
  return module.exports;
}

/**
 * The generated validator of `prepared` as a predicate. `label` names the in-memory module in stack traces.
 *
 * @example
 * const accepts = await compileValidator(prepareSchema(schema, { pointer: '/request_schema' }), 'quote-request');
 */
export async function compileValidator(prepared: PreparedSchema, label: string): Promise<Validator> {
  const zod = await import('zod');
  runtimeModule ??= toCommonJs(emitZodRuntime()).then((js) =>
    evaluate(js, 'fluid-codegen-diff/_runtime.js', { zod }),
  );
  const runtime = await runtimeModule;
  const emitted = emitZod(prepared, {
    constName: 'subjectSchema',
    typeName: 'Subject',
    pointer: prepared.pointer,
  });
  const helpers = [...emitted.runtime].sort();
  const source = [
    "import * as z from 'zod';",
    helpers.length === 0 ? '' : `import { ${helpers.join(', ')} } from './_runtime.js';`,
    emitted.code,
  ].join('\n');
  const exports = evaluate(await toCommonJs(source), `fluid-codegen-diff/${label}.js`, {
    zod,
    './_runtime.js': runtime,
  });
  const schema = exports.subjectSchema as { safeParse(value: unknown): { success: boolean } };
  return (value) => schema.safeParse(value).success;
}
