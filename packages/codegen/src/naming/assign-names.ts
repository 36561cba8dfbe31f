import type { Diagnostic } from '../diagnostics.js';
import type { SourcedDefinition } from '../load/definition.js';
import { caseForms } from './case.js';

/** The identifiers and file name generated for one definition. */
export interface DefinitionNames {
  /** `UpdateCartShipping`: types are `${typePrefix}Request` and `${typePrefix}Response`. */
  readonly typePrefix: string;
  /** `updateCartShipping`: validators are `${constPrefix}RequestSchema` and `${constPrefix}ResponseSchema`. */
  readonly constPrefix: string;
  /** `update-cart-shipping.ts`, relative to the output folder. */
  readonly fileName: string;
}

/** File stems the output folder uses for itself, and Windows device names no file may take. */
const RESERVED_STEMS = new Set(['index', 'con', 'prn', 'aux', 'nul', ...range('com'), ...range('lpt')]);
/** Type prefixes whose `Request`/`Response` types would be the registry's own generic types. */
const RESERVED_TYPE_PREFIXES = new Set(['Callback']);

function range(prefix: string): string[] {
  return Array.from({ length: 9 }, (_, index) => `${prefix}${index + 1}`);
}

/** Why a name cannot be used at all (`pascal`: its PascalCase form), or `undefined` when it can. */
function nameProblem(name: string, pascal: string): string | undefined {
  if (name.trim() === '') return 'name is empty';
  if (name !== name.trim()) return 'name has leading or trailing whitespace';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'name contains a control character (NUL, newline, ...)';
  if (/[/\\]/.test(name) || name.includes('..')) return 'name looks like a path (/, \\ or ..)';
  if (/^[A-Za-z]:/.test(name)) return 'name looks like a drive path';
  if (pascal === '') return 'name has no letters or digits to build identifiers from';
  return undefined;
}

function namesFor(forms: ReturnType<typeof caseForms>): DefinitionNames {
  let typePrefix = forms.pascal;
  let constPrefix = forms.camel;
  let stem = forms.kebab;
  if (RESERVED_TYPE_PREFIXES.has(typePrefix)) {
    typePrefix = `${typePrefix}Definition`;
    constPrefix = `${constPrefix}Definition`;
  }
  if (RESERVED_STEMS.has(stem)) stem = `${stem}-callback`;
  return { typePrefix, constPrefix, fileName: `${stem}.ts` };
}

/** Names per definition (by index into the input) and the errors that stop generation. */
export interface AssignedNames {
  readonly names: ReadonlyMap<SourcedDefinition, DefinitionNames>;
  readonly diagnostics: Diagnostic[];
}

/**
 * Derives identifiers and file names for every definition and reports bad names, duplicates and
 * collisions (after casing or as file names on a case-insensitive file system), naming both sources.
 * Expects the definitions sorted by name, then source, so messages do not depend on input order.
 */
export function assignNames(definitions: readonly SourcedDefinition[]): AssignedNames {
  const names = new Map<SourcedDefinition, DefinitionNames>();
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, SourcedDefinition>();
  const report = (item: SourcedDefinition, code: string, message: string, pointer = '/name'): void => {
    diagnostics.push({
      severity: 'error',
      code,
      message,
      pointer,
      file: item.source,
      definition: item.definition.name,
    });
  };
  for (const item of definitions) {
    const { name } = item.definition;
    const forms = caseForms(name);
    const problem = nameProblem(name, forms.pascal);
    if (problem !== undefined) {
      report(item, 'invalid-name', `${problem}: ${JSON.stringify(name)}`);
      continue;
    }
    const derived = namesFor(forms);
    const keys: Array<[string, string]> = [
      [`name:${name}`, 'has the same name as'],
      [`type:${derived.typePrefix.toLowerCase()}`, `gets the same identifiers (${derived.typePrefix}...) as`],
      [`file:${derived.fileName.toLowerCase()}`, `gets the same file name (${derived.fileName}) as`],
    ];
    const clash = keys.find(([key]) => seen.has(key));
    if (clash !== undefined) {
      const [key, relation] = clash;
      const other = seen.get(key);
      const code = key.startsWith('name:') ? 'duplicate-name' : 'name-collision';
      report(item, code, `${relation} ${JSON.stringify(other?.definition.name)} from ${other?.source}`);
      continue;
    }
    for (const [key] of keys) seen.set(key, item);
    names.set(item, derived);
  }
  return { names, diagnostics };
}
