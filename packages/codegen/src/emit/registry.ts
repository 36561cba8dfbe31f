import type { CallbackDefinition } from '../load/definition.js';
import type { DefinitionNames } from '../naming/assign-names.js';
import { jsonLiteral, propertyKey, stringLiteral } from './escape.js';
import { banner } from './module.js';

/** The registry module's path in the output folder. */
export const REGISTRY_FILE = 'index.ts';

/** What the registry needs to know about one generated module. */
export interface RegistryEntry {
  /** The definition as loaded, vendor keywords already removed from its schemas. */
  readonly definition: CallbackDefinition;
  readonly names: DefinitionNames;
  /** Every type the module exports, root types first. */
  readonly types: readonly string[];
}

/**
 * One definition's parts of the registry, in file order: its import, its lines in the type and value
 * re-exports, its `callbacks` entry, its `CallbackTypes` row, its `callbackNames` item and its `definitions`
 * item. Rendered once per emitted definition (cached with its output), so the registry is a join.
 */
export type RegistryFragments = readonly [string, string, string, string, string, string, string];

// The registry between the fragments: SECTIONS[k] comes before the k-th fragments of every definition (joined
// by one newline), and the last one ends the file. The banner line comes first. One layout for joining the
// registry and for taking a written one apart again.
const SECTIONS: readonly string[] = [
  '',
  '\n\nexport type {\n',
  '\n};\nexport {\n',
  [
    '\n};',
    '',
    '/** Every known callback definition: name, description, request and response validators, example. */',
    'export const callbacks = {\n',
  ].join('\n'),
  [
    '\n} as const;',
    '',
    '/** The name of a known callback definition. */',
    'export type CallbackName = keyof typeof callbacks;',
    '',
    '/** Request and response types of every known callback definition. */',
    'export interface CallbackTypes {\n',
  ].join('\n'),
  [
    '\n}',
    '',
    '/** The request body Fluid sends for callback `N`. */',
    "export type CallbackRequest<N extends CallbackName> = CallbackTypes[N]['request'];",
    '',
    '/** The response body a service returns for callback `N`. */',
    "export type CallbackResponse<N extends CallbackName> = CallbackTypes[N]['response'];",
    '',
    '/** Every known callback definition name, sorted. */',
    'export const callbackNames: readonly CallbackName[] = [\n',
  ].join('\n'),
  [
    '\n];',
    '',
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
    'export const definitions: readonly CallbackDefinitionData[] = [\n',
  ].join('\n'),
  '\n];\n',
];

// File names are kebab-case ASCII (see naming/), so they need no escaping inside single quotes.
function moduleSpecifier(names: DefinitionNames): string {
  return `'./${names.fileName.replace(/\.ts$/, '.js')}'`;
}

function list(items: readonly string[], indent: string): string {
  return items.map((item) => `${indent}${item},`).join('\n');
}

function schemas(entry: RegistryEntry): [string, string] {
  return [`${entry.names.constPrefix}RequestSchema`, `${entry.names.constPrefix}ResponseSchema`];
}

function callbackItem(entry: RegistryEntry): string {
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
}

function dataItem(entry: RegistryEntry): string {
  const { definition } = entry;
  const fields = [
    `name: ${stringLiteral(definition.name)}`,
    `description: ${definition.description === null ? 'null' : stringLiteral(definition.description)}`,
    `example_response: ${jsonLiteral(definition.example_response, '    ')}`,
    `request_schema: ${jsonLiteral(definition.request_schema, '    ')}`,
    `response_schema: ${jsonLiteral(definition.response_schema, '    ')}`,
  ];
  return `  {\n${fields.map((field) => `    ${field},`).join('\n')}\n  },`;
}

/** One definition's {@link RegistryFragments}. */
export function registryFragments(entry: RegistryEntry): RegistryFragments {
  const { typePrefix } = entry.names;
  const names = [...entry.types.map((type) => `type ${type}`), ...schemas(entry)];
  const key = propertyKey(entry.definition.name);
  return [
    `import {\n${list(names, '  ')}\n} from ${moduleSpecifier(entry.names)};`,
    list(entry.types, '  '),
    list(schemas(entry), '  '),
    callbackItem(entry),
    `  ${key}: { request: ${typePrefix}Request; response: ${typePrefix}Response };`,
    `  ${stringLiteral(entry.definition.name)},`,
    dataItem(entry),
  ];
}

/**
 * The registry module `index.ts`: re-exports every module's types and validators, and exports
 * `callbacks`, `CallbackName`, `CallbackTypes`, `CallbackRequest<N>`, `CallbackResponse<N>`,
 * `callbackNames` and `definitions`. `fragments` must be in definition-name order (at least one).
 */
export function renderRegistry(
  fragments: readonly RegistryFragments[],
  hash: string,
  command?: string,
): string {
  const parts = [banner(hash, command).trimEnd(), '\n'];
  SECTIONS.forEach((section, index) => {
    if (index > 0) parts.push(section);
    if (index < SECTIONS.length - 1) parts.push(fragments.map((entry) => entry[index]).join('\n'));
  });
  return parts.join('');
}

/** The lengths of one definition's fragments, as the manifest records them. */
export function fragmentLengths(fragments: RegistryFragments): number[] {
  return fragments.map((fragment) => fragment.length);
}

/**
 * A written registry taken apart again: each definition's fragments, found from their `lengths` (in
 * definition order) with every piece of the layout checked in place; `undefined` when the text is not
 * exactly that layout (an older generator's, or edited).
 */
export function splitRegistry(
  text: string,
  lengths: ReadonlyArray<readonly number[]>,
): RegistryFragments[] | undefined {
  let position = text.indexOf('\n') + 1;
  if (position === 0 || lengths.length === 0) return undefined;
  const found: string[][] = lengths.map(() => []);
  for (let section = 0; section < SECTIONS.length - 1; section++) {
    const before = section === 0 ? '' : (SECTIONS[section] as string);
    if (!text.startsWith(before, position)) return undefined;
    position += before.length;
    for (const [index, sizes] of lengths.entries()) {
      if (index > 0) {
        if (text[position] !== '\n') return undefined;
        position += 1;
      }
      const size = sizes[section];
      if (size === undefined || !Number.isSafeInteger(size) || size < 0) return undefined;
      found[index]?.push(text.slice(position, position + size));
      position += size;
    }
  }
  const end = SECTIONS[SECTIONS.length - 1] as string;
  if (!text.startsWith(end, position) || position + end.length !== text.length) return undefined;
  return found as unknown as RegistryFragments[];
}
