import type { CallbackDefinition } from '../load/definition.js';
import type { DefinitionNames } from '../naming/assign-names.js';
import { jsonLiteral, propertyKey, stringLiteral } from './escape.js';
import { banner } from './module.js';

/** What the registry needs to know about one generated module. */
export interface RegistryEntry {
  /** The definition as loaded, vendor keywords already removed from its schemas. */
  readonly definition: CallbackDefinition;
  readonly names: DefinitionNames;
  /** Every type the module exports, root types first. */
  readonly types: readonly string[];
}

// File names are kebab-case ASCII (see naming/), so they need no escaping inside single quotes.
function moduleSpecifier(names: DefinitionNames): string {
  return `'./${names.fileName.replace(/\.ts$/, '.js')}'`;
}

function list(items: readonly string[], indent: string): string {
  return items.map((item) => `${indent}${item},`).join('\n');
}

function requestType(entry: RegistryEntry): string {
  return `${entry.names.typePrefix}Request`;
}

function responseType(entry: RegistryEntry): string {
  return `${entry.names.typePrefix}Response`;
}

function schemas(entry: RegistryEntry): [string, string] {
  return [`${entry.names.constPrefix}RequestSchema`, `${entry.names.constPrefix}ResponseSchema`];
}

function imports(entries: readonly RegistryEntry[]): string {
  return entries
    .map((entry) => {
      const names = [...entry.types.map((type) => `type ${type}`), ...schemas(entry)];
      return `import {\n${list(names, '  ')}\n} from ${moduleSpecifier(entry.names)};`;
    })
    .join('\n');
}

function callbacksMap(entries: readonly RegistryEntry[]): string {
  const items = entries.map((entry) => {
    const { name, description, example_response: example } = entry.definition;
    const [request, response] = schemas(entry);
    return [
      `  ${propertyKey(name)}: {`,
      `    name: ${stringLiteral(name)},`,
      `    description: ${description === null ? 'null' : stringLiteral(description)},`,
      `    request: ${request},`,
      `    response: ${response},`,
      `    example: ${jsonLiteral(example, '    ')},`,
      '  },',
    ].join('\n');
  });
  return [
    '/** Every known callback definition: name, description, request and response validators, example. */',
    `export const callbacks = {\n${items.join('\n')}\n} as const;`,
  ].join('\n');
}

function typeTable(entries: readonly RegistryEntry[]): string {
  const rows = entries.map(
    (entry) =>
      `  ${propertyKey(entry.definition.name)}: { request: ${requestType(entry)}; response: ${responseType(entry)} };`,
  );
  return [
    '/** The name of a known callback definition. */',
    'export type CallbackName = keyof typeof callbacks;',
    '',
    '/** Request and response types of every known callback definition. */',
    `export interface CallbackTypes {\n${rows.join('\n')}\n}`,
    '',
    '/** The request body Fluid sends for callback `N`. */',
    "export type CallbackRequest<N extends CallbackName> = CallbackTypes[N]['request'];",
    '',
    '/** The response body a service returns for callback `N`. */',
    "export type CallbackResponse<N extends CallbackName> = CallbackTypes[N]['response'];",
    '',
    '/** Every known callback definition name, sorted. */',
    `export const callbackNames: readonly CallbackName[] = [\n${list(
      entries.map((entry) => stringLiteral(entry.definition.name)),
      '  ',
    )}\n];`,
  ].join('\n');
}

function definitionsData(entries: readonly RegistryEntry[]): string {
  const items = entries.map((entry) => {
    const { definition } = entry;
    const fields = [
      `name: ${stringLiteral(definition.name)}`,
      `description: ${definition.description === null ? 'null' : stringLiteral(definition.description)}`,
      `example_response: ${jsonLiteral(definition.example_response, '    ')}`,
      `request_schema: ${jsonLiteral(definition.request_schema, '    ')}`,
      `response_schema: ${jsonLiteral(definition.response_schema, '    ')}`,
    ];
    return `  {\n${fields.map((field) => `    ${field},`).join('\n')}\n  },`;
  });
  return [
    '/** A JSON Schema as written in a definition: an object schema or a boolean schema. */',
    'export type CallbackJsonSchema = boolean | { readonly [keyword: string]: unknown };',
    '',
    '/** One source definition as plain data (vendor keywords removed), e.g. to validate replies with ajv. */',
    'export interface CallbackDefinitionData {',
    '  readonly name: CallbackName;',
    '  readonly description: string | null;',
    '  readonly example_response: unknown;',
    '  readonly request_schema: CallbackJsonSchema;',
    '  readonly response_schema: CallbackJsonSchema;',
    '}',
    '',
    '/** The source definitions, sorted by name, as the generator read them. */',
    `export const definitions: readonly CallbackDefinitionData[] = [\n${items.join('\n')}\n];`,
  ].join('\n');
}

/**
 * The registry module `index.ts`: re-exports every module's types and validators, and exports
 * `callbacks`, `CallbackName`, `CallbackTypes`, `CallbackRequest<N>`, `CallbackResponse<N>`,
 * `callbackNames` and `definitions`. `entries` must be sorted by definition name.
 */
export function renderRegistry(entries: readonly RegistryEntry[], hash: string, command?: string): string {
  const types = entries.flatMap((entry) => entry.types);
  const values = entries.flatMap(schemas);
  return [
    banner(hash, command).trimEnd(),
    imports(entries),
    '',
    `export type {\n${list(types, '  ')}\n};`,
    `export {\n${list(values, '  ')}\n};`,
    '',
    callbacksMap(entries),
    '',
    typeTable(entries),
    '',
    definitionsData(entries),
    '',
  ].join('\n');
}
