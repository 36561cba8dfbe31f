import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { emitZod } from '../../../src/emit/zod/index.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';
import { prepared } from '../../differential/prepared.js';
import { importModule, type WrittenModule, writeModule } from './load.js';

// Each payload sets `globalThis.pwned` if it ever runs as code.
const PAYLOADS = [
  '*/ globalThis.pwned = 1; /*',
  '"; globalThis.pwned = 1; "',
  "'; globalThis.pwned = 1; '",
  '`; globalThis.pwned = 1; `',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the payload under test.
  '${(globalThis.pwned = 1)}',
  '\\"; globalThis.pwned = 1; //',
  'line\nglobalThis.pwned = 1;\n',
  'sep\u2028globalThis.pwned = 1;\u2029',
  '\u202e; globalThis.pwned = 1; \u2066',
  '</script><script>globalThis.pwned = 1</script>',
  '\u200b\ufeff\u0000',
];

/** `text` as a regular expression matching it literally. */
function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hostileSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  PAYLOADS.forEach((payload, index) => {
    properties[payload] = {
      type: ['string'],
      title: payload,
      description: payload,
      $comment: payload,
      examples: [payload],
      default: payload,
      pattern: `^${literalPattern(payload)}$`,
      enum: [payload, `${payload}${index}`],
    };
  });
  Object.defineProperty(properties, '__proto__', {
    value: { const: JSON.parse(JSON.stringify({ ['__proto__']: PAYLOADS[0] })) },
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return {
    type: ['object'],
    description: PAYLOADS[0],
    properties,
    required: [...PAYLOADS, '__proto__'],
    patternProperties: { [literalPattern(PAYLOADS[4] as string)]: { const: PAYLOADS[4] } },
    additionalProperties: { enum: PAYLOADS },
  };
}

function topLevelStatements(source: string): string[] {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return file.statements.map((statement) => {
    if (ts.isImportDeclaration(statement)) return `import ${statement.moduleSpecifier.getText(file)}`;
    if (ts.isVariableStatement(statement)) {
      const exported = statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
      const names = statement.declarationList.declarations.map((declaration) =>
        declaration.name.getText(file),
      );
      return `${exported ? 'export ' : ''}const ${names.join(', ')}`;
    }
    if (ts.isTypeAliasDeclaration(statement)) return `type ${statement.name.text}`;
    return ts.SyntaxKind[statement.kind];
  });
}

function hostileValue(): Record<string, unknown> {
  const value: Record<string, unknown> = JSON.parse(
    '{"__proto__": {"__proto__": "*/ globalThis.pwned = 1; /*"}}',
  );
  for (const payload of PAYLOADS) value[payload] = payload;
  return value;
}

let written: WrittenModule | undefined;

afterEach(async () => {
  await written?.dispose();
  written = undefined;
  Reflect.deleteProperty(globalThis, 'pwned');
});

describe('schema text in the Zod emitter never becomes code', () => {
  it('emits only the expected declarations, imports without running anything, and keeps keys exact', async () => {
    const emitted = emitZod(prepared(hostileSchema()), {
      constName: 'hostileSchema',
      typeName: 'Hostile',
      pointer: '/request_schema',
    });
    expect(emitted.diagnostics).toEqual([]);
    written = await writeModule(['type Hostile = unknown;', emitted.code], emitted.runtime);

    expect(topLevelStatements(written.source)).toEqual([
      "import 'zod'",
      "import './_runtime.js'",
      'type Hostile',
      'export const hostileSchema',
    ]);
    // Line and paragraph separators and bidi controls only ever appear as escapes.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL must never reach the source unescaped.
    expect(written.source).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff\u0000]/);

    const loaded = await importModule(written);
    expect(Reflect.get(globalThis, 'pwned')).toBeUndefined();
    const schema = loaded.hostileSchema as z.ZodType;
    const value = hostileValue();
    const result = schema.safeParse(value);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(Object.keys(result.data as object).sort()).toEqual(Object.keys(value).sort());
    expect(schema.safeParse({ ...hostileValue(), [PAYLOADS[3] as string]: 'other' }).success).toBe(false);
    expect(Reflect.get(globalThis, 'pwned')).toBeUndefined();
    expect(Reflect.get(Object.prototype, '*/ globalThis.pwned = 1; /*')).toBeUndefined();
  });

  it('enforces properties.__proto__ as an own property (Ajv skips that key; JSON Schema does not)', async () => {
    const schema: JsonSchema = {
      type: ['object'],
      properties: JSON.parse('{"__proto__": {"type": ["string"]}}'),
      required: ['__proto__'],
    };
    const emitted = emitZod(prepared(schema), { constName: 'protoSchema', typeName: 'Proto', pointer: '' });
    written = await writeModule(['type Proto = unknown;', emitted.code], emitted.runtime);
    const validator = (await importModule(written)).protoSchema as z.ZodType;
    expect(validator.safeParse(JSON.parse('{"__proto__": "x"}')).success).toBe(true);
    expect(validator.safeParse(JSON.parse('{"__proto__": 1}')).success).toBe(false);
    expect(validator.safeParse({}).success).toBe(false);
    const output = validator.parse(JSON.parse('{"__proto__": "x", "a": 1}'));
    expect(Object.hasOwn(output as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
  });
});
