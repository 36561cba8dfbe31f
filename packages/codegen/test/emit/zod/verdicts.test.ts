// Verdicts checked by hand where ajv cannot be the oracle: keys Object.prototype also has (ajv finds
// `constructor` "evaluated" on every object), and the formats ajv-formats does not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { emitZod } from '../../../src/emit/zod/index.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';
import { prepared } from '../../differential/prepared.js';
import { importModule, type WrittenModule, writeModule } from './load.js';

interface Table {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly valid: readonly unknown[];
  readonly invalid: readonly unknown[];
}

const proto = (json: string): unknown => JSON.parse(json);
const format = (name: string): JsonSchema => ({ type: ['string'], format: name });

const TABLES: readonly Table[] = [
  {
    name: 'unevaluatedProperties false through allOf, anyOf and if/then/else',
    schema: {
      type: ['object'],
      properties: { a: {} },
      allOf: [{ properties: { b: {} } }],
      anyOf: [
        { properties: { c: { type: ['string'] } }, required: ['c'] },
        { patternProperties: { '^x': {} } },
      ],
      if: { properties: { kind: { const: 1 } }, required: ['kind'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a thenable.
      then: { properties: { r: {} } },
      else: { properties: { s: {} } },
      unevaluatedProperties: false,
    },
    valid: [{ a: 1, b: 2, c: 'x' }, { x1: 2, kind: 1, r: 1 }, { x1: 2, s: 1 }, {}],
    invalid: [
      { a: 1, c: 'x', z: 1 },
      { x1: 2, kind: 1, s: 1 },
      proto('{"__proto__": {"a": 1}}'),
      { constructor: 1 },
      { toString: 1 },
    ],
  },
  {
    name: 'unevaluatedProperties with a schema sees only the branch that matched',
    schema: {
      oneOf: [
        {
          type: ['object'],
          properties: { t: { const: 'open' } },
          required: ['t'],
          additionalProperties: true,
        },
        { type: ['object'], properties: { t: { const: 'typed' } }, required: ['t'] },
      ],
      unevaluatedProperties: { type: ['number'] },
    },
    valid: [
      { t: 'open', x: 'a' },
      { t: 'typed', x: 1 },
    ],
    invalid: [
      { t: 'typed', x: 'a' },
      { t: 'typed', constructor: null },
      proto('{"t": "typed", "__proto__": null}'),
    ],
  },
  {
    name: 'unevaluatedItems counts the items contains matched',
    schema: { contains: { type: ['boolean'] }, prefixItems: [{ type: ['string'] }], unevaluatedItems: false },
    valid: [
      ['a', true],
      ['a', true, false],
    ],
    invalid: [['a', 1, true], ['a']],
  },
  {
    name: 'idn-hostname',
    schema: format('idn-hostname'),
    valid: ['例え.テスト', 'bücher.example', 'xn--bcher-kva.example', 'l·l.example'],
    invalid: ['-a.example', 'a·b.example', '\u302ea.example', 'ab--c.example', `${'ü'.repeat(60)}.example`],
  },
  {
    name: 'idn-email',
    schema: format('idn-email'),
    valid: ['실례@실례.테스트', 'joe.bloggs@example.com', '"quoted name"@example.com'],
    invalid: ['no-at-sign', 'two..dots@example.com', '@example.com', 'a@-bad.example'],
  },
  {
    name: 'iri and iri-reference',
    schema: { type: ['object'], properties: { i: format('iri'), r: format('iri-reference') } },
    valid: [
      { i: 'http://ƒøø.ßår/?∂éœ=πîx#πîüx', r: '//ƒøø.ßår/?∂éœ=πîx#πîüx' },
      { i: 'urn:isbn:0451450523', r: '#ƒrägmênt' },
    ],
    invalid: [{ i: '/abc' }, { i: 'http://exa mple.com' }, { r: '\\\\WINDOWS\\filë' }, { i: 'http://[::1' }],
  },
  {
    name: 'uri-template',
    schema: format('uri-template'),
    valid: ['http://example.com/dictionary/{term:1}/{term}', '{+path}/here', '{?x,y}', 'plain'],
    invalid: ['http://example.com/dictionary/{term:1}/{term', '{ x }', '{x:0}', 'a b'],
  },
  {
    name: 'uri and uri-reference',
    schema: { type: ['object'], properties: { u: format('uri'), r: format('uri-reference') } },
    valid: [
      { u: 'http://foo.bar/?baz=qux#quux', r: '/abc' },
      { u: 'mailto:a@b.example', r: '#f' },
      { r: '' },
    ],
    invalid: [
      { u: '/abc' },
      { u: 'http://example.com/a b' },
      { r: '\\\\WINDOWS\\fileshare' },
      { r: 'a:b:c/%zz' },
    ],
  },
  {
    name: 'iso-time, iso-date-time and url',
    schema: {
      type: ['object'],
      properties: { t: format('iso-time'), d: format('iso-date-time'), u: format('url') },
    },
    valid: [{ t: '12:30:00', d: '2024-02-29T12:30:00', u: 'https://example.com/x' }, { t: '12:30:00Z' }],
    invalid: [{ t: '25:00:00' }, { d: '2023-02-29T12:30:00' }, { u: 'mailto:a@b.example' }],
  },
];

let written: WrittenModule;
let validators: z.ZodType[];

beforeAll(async () => {
  const runtime = new Set<string>();
  const sections: string[] = [];
  TABLES.forEach((table, index) => {
    const emitted = emitZod(prepared(table.schema), {
      constName: `case${index}Schema`,
      typeName: `Case${index}`,
      pointer: '',
    });
    for (const name of emitted.runtime) runtime.add(name);
    sections.push(`type Case${index} = unknown;\n${emitted.code}`);
  });
  sections.push(`export const validators = [${TABLES.map((_, index) => `case${index}Schema`).join(', ')}];`);
  written = await writeModule(sections, runtime);
  validators = (await importModule(written)).validators as z.ZodType[];
});

afterAll(async () => {
  await written?.dispose();
});

describe('emitted validators give the verdicts JSON Schema 2020-12 gives', () => {
  it.each(TABLES.map((table, index) => [table.name, index] as const))('%s', (_, index) => {
    const table = TABLES[index] as Table;
    const validator = validators[index] as z.ZodType;
    const wrong = [
      ...table.valid
        .filter((value) => !validator.safeParse(value).success)
        .map((value) => ['rejected', value]),
      ...table.invalid
        .filter((value) => validator.safeParse(value).success)
        .map((value) => ['accepted', value]),
    ];
    expect(wrong).toEqual([]);
  });
});
