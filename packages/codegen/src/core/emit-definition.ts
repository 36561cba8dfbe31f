import type { Diagnostic } from '../diagnostics.js';
import { emitTypes, emitZod, type PreparedSchema, prepareSchema } from '../emit/emitters.js';
import { renderModule } from '../emit/module.js';
import { type RegistryFragments, registryFragments } from '../emit/registry.js';
import { stripVendorKeywords } from '../emit/strip-vendor.js';
import { checkExample } from '../example/check-example.js';
import { sha256 } from '../hash.js';
import type { CallbackDefinition, SourcedDefinition } from '../load/definition.js';
import type { DefinitionNames } from '../naming/assign-names.js';
import { compareText } from '../order.js';
import type { DefinitionOutput, EmitJob, EmitMemo } from './types.js';

const DIRECTIONS = [
  { key: 'request_schema', suffix: 'Request', pointer: '/request_schema' },
  { key: 'response_schema', suffix: 'Response', pointer: '/response_schema' },
] as const;

function rootDescription(definition: CallbackDefinition, direction: 'Request' | 'Response'): string {
  const lead =
    direction === 'Request'
      ? `Request body Fluid sends for the \`${definition.name}\` callback.`
      : `Response body a service returns for the \`${definition.name}\` callback.`;
  return definition.description === null ? lead : `${lead}\n\n${definition.description}`;
}

/** Suffixes of a prepared schema's named definitions, sorted. */
function suffixesOf(prepared: PreparedSchema): string[] {
  return [...prepared.definitions.values()].map((entry) => entry.suffix).sort(compareText);
}

/** The definition's parts of `index.ts`: its definition as data there has no vendor keywords. */
export function definitionFragments(
  item: SourcedDefinition,
  names: DefinitionNames,
  types: readonly string[],
): RegistryFragments {
  const { definition } = item;
  return registryFragments({
    names,
    types,
    definition: {
      ...definition,
      request_schema: stripVendorKeywords(definition.request_schema),
      response_schema: stripVendorKeywords(definition.response_schema),
    },
  });
}

/** A fresh {@link EmitMemo}, for one run on one thread. */
export function emitMemo(): EmitMemo {
  return { types: new Map() };
}

/**
 * Emits one definition's module (types and validators for both directions). Pure and self-contained,
 * so it runs the same on the main thread and in a worker. Once both schemas are fine, `example_response` is
 * checked against the prepared response schema (a mismatch fails the definition only under `strict`).
 * `memo` carries what earlier definitions of the same run made (equal schemas are typed once).
 */
export async function emitDefinition(job: EmitJob, memo: EmitMemo = emitMemo()): Promise<DefinitionOutput> {
  const { item, names, hash, settings } = job;
  const { definition } = item;
  const locate = (diagnostic: Diagnostic): Diagnostic => ({
    ...diagnostic,
    file: diagnostic.file ?? item.source,
    definition: diagnostic.definition ?? definition.name,
  });
  const diagnostics: Diagnostic[] = [];
  const sections: string[] = [];
  const runtime = new Set<string>();
  const types: string[] = [];
  const validators: string[] = [];
  let failed = false;
  let response: PreparedSchema | undefined;
  for (const direction of DIRECTIONS) {
    const prepared = prepareSchema(definition[direction.key], {
      pointer: direction.pointer,
      strict: settings.strict,
      ...(settings.maxDepth === undefined ? {} : { maxDepth: settings.maxDepth }),
      formats: settings.formats,
    });
    diagnostics.push(...prepared.diagnostics.map(locate));
    if (prepared.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
      failed = true;
      continue;
    }
    if (direction.suffix === 'Response') response = prepared;
    const typeName = `${names.typePrefix}${direction.suffix}`;
    const emittedTypes = await emitTypes(prepared, {
      typeName,
      pointer: direction.pointer,
      memo: memo.types,
      description: rootDescription(definition, direction.suffix),
      ...(direction.suffix === 'Response' && definition.example_response !== null
        ? { example: definition.example_response }
        : {}),
    });
    const constPrefix = `${names.constPrefix}${direction.suffix}`;
    const emittedZod = emitZod(prepared, {
      constName: `${constPrefix}Schema`,
      typeName,
      pointer: direction.pointer,
    });
    diagnostics.push(...emittedTypes.diagnostics.map(locate), ...emittedZod.diagnostics.map(locate));
    for (const helper of emittedZod.runtime) runtime.add(helper);
    sections.push(emittedTypes.code, emittedZod.code);
    const suffixes = suffixesOf(prepared);
    types.push(typeName, ...suffixes.map((suffix) => `${typeName}${suffix}`));
    validators.push(`${constPrefix}Schema`, ...suffixes.map((suffix) => `${constPrefix}${suffix}Schema`));
  }
  failed ||= diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  if (!failed && response !== undefined && definition.example_response !== null) {
    const found = checkExample(response, definition.example_response, settings.strict).map(locate);
    diagnostics.push(...found);
    failed = found.some((diagnostic) => diagnostic.severity === 'error');
  }
  if (failed) return { hash, file: undefined, diagnostics, runtime, types, validators };
  const contents = renderModule({ hash, runtime, sections, command: settings.command });
  const registry = definitionFragments(item, names, types);
  return {
    hash,
    file: { path: names.fileName, contents },
    fileSha256: sha256(contents),
    diagnostics,
    runtime,
    types,
    validators,
    registry,
  };
}
