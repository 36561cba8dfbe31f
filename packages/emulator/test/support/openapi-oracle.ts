import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = ('default' in addFormatsModule
  ? addFormatsModule.default
  : addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** What a document says about one response. */
export type Lookup =
  | { readonly kind: 'schema'; readonly validate: ValidateFunction }
  | { readonly kind: 'undocumented-path' }
  | { readonly kind: 'undocumented-status' };

/** Response schemas of an OpenAPI 3.1 document, compiled with ajv (draft 2020-12), following `$ref`ed responses. */
export interface OpenApiOracle {
  lookup(method: string, template: string, status: number): Lookup;
  /** The raw schema validator at a JSON pointer of the document, to prove the oracle can reject. */
  at(pointer: string): ValidateFunction | undefined;
}

/** Loads an OpenAPI document, or `undefined` when the file is absent. */
export function loadOracle(file: string): OpenApiOracle | undefined {
  if (!existsSync(file)) return undefined;
  const document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'doc');
  const get = (pointer: string[]): unknown =>
    pointer.reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
      document,
    );
  const encode = (parts: readonly string[]) =>
    parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

  return {
    lookup(method, template, status) {
      const operation = get(['paths', template, method]);
      if (operation === undefined) return { kind: 'undocumented-path' };
      let location = ['paths', template, method, 'responses', String(status)];
      let response = get(location);
      if (response === undefined) return { kind: 'undocumented-status' };
      const ref = (response as { $ref?: unknown }).$ref;
      if (typeof ref === 'string' && ref.startsWith('#/')) {
        location = ref
          .slice(2)
          .split('/')
          .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
        response = get(location);
      }
      const validate = ajv.getSchema(
        `doc#/${encode([...location, 'content', 'application/json', 'schema'])}`,
      );
      if (validate === undefined) throw new Error(`no JSON schema at ${location.join(' ')}`);
      return { kind: 'schema', validate };
    },
    at(pointer) {
      return ajv.getSchema(`doc#${pointer}`);
    },
  };
}
