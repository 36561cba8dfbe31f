// TEMPORARY stand-in for the schema, Zod and types emitters while they are being written; deleted
// once they land. It follows their contract and emits `unknown` for every schema.
import type { Diagnostic } from '../diagnostics.js';

export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

export interface PreparedSchema {
  readonly schema: JsonSchema;
  readonly definitions: ReadonlyMap<string, { readonly suffix: string; readonly recursive: boolean }>;
  readonly diagnostics: readonly Diagnostic[];
}

export function prepareSchema(
  input: unknown,
  _options: { pointer: string; strict?: boolean; maxDepth?: number },
): PreparedSchema {
  return {
    schema: structuredClone(input) as JsonSchema,
    definitions: new Map([['#', { suffix: '', recursive: false }]]),
    diagnostics: [],
  };
}

export function emitZod(
  _prepared: PreparedSchema,
  options: { constName: string; typeName: string; pointer: string },
): { code: string; diagnostics: Diagnostic[]; runtime: ReadonlySet<string> } {
  return {
    code: `export const ${options.constName}: z.ZodType<${options.typeName}> = z.unknown();\n`,
    diagnostics: [],
    runtime: new Set(),
  };
}

export function emitZodRuntime(): string {
  return 'export {};\n';
}

export async function emitTypes(
  _prepared: PreparedSchema,
  options: { typeName: string; pointer: string; description?: string | null; example?: unknown },
): Promise<{ code: string; diagnostics: Diagnostic[] }> {
  return { code: `export type ${options.typeName} = unknown;\n`, diagnostics: [] };
}
