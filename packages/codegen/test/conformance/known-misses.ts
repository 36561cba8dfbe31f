/**
 * Tests of the JSON-Schema-Test-Suite (draft 2020-12 main folder) that the generated validators answer
 * wrong or that the generator refuses, each with why. `key` is `file › group` (every test of the group) or
 * `file › group › test`. `silent` marks wrong answers that come without a diagnostic, on purpose.
 * Keep it honest: the conformance test fails on a miss not listed here and on a listed one that passes.
 */
export interface KnownMiss {
  readonly key: string;
  readonly reason: string;
  readonly silent?: true;
}

const REMOTE =
  'refused with remote-ref: the $ref leads to another document (http://localhost:1234/… or the meta-schema), and the generator never reads the network or other files';

const FORMAT_ASSERTS =
  'format asserts by default (our choice, as ajv-formats does); 2020-12 makes it an annotation by default. The conformance test runs format.json again with --formats annotate, where every test passes';

/** The formats format.json tests with an invalid string that 2020-12 accepts by default. */
const ASSERTED_FORMATS = [
  'email',
  'idn-email',
  'regex',
  'ipv4',
  'ipv6',
  'idn-hostname',
  'hostname',
  'date',
  'date-time',
  'time',
  'json-pointer',
  'relative-json-pointer',
  'iri',
  'iri-reference',
  'uri',
  'uri-reference',
  'uri-template',
  'uuid',
  'duration',
];

export const KNOWN_MISSES: readonly KnownMiss[] = [
  ...ASSERTED_FORMATS.map(
    (name): KnownMiss => ({
      key: `format.json › ${name} format › invalid ${name} string is only an annotation by default`,
      reason: FORMAT_ASSERTS,
      silent: true,
    }),
  ),
  { key: 'defs.json › validate definition against metaschema', reason: REMOTE },
  { key: 'ref.json › remote ref, containing refs itself', reason: REMOTE },
  ...[
    'remote ref',
    'fragment within remote ref',
    'anchor within remote ref',
    'ref within remote ref',
    'base URI change',
    'base URI change - change folder',
    'base URI change - change folder in subschema',
    'root ref in remote ref',
    'remote ref with ref to defs',
    'Location-independent identifier in remote ref',
    'retrieved nested refs resolve relative to their URI not $id',
    'remote HTTP ref with different $id',
    'remote HTTP ref with different URN $id',
    'remote HTTP ref with nested absolute ref',
    '$ref to $ref finds detached $anchor',
  ].map((group): KnownMiss => ({ key: `refRemote.json › ${group}`, reason: REMOTE })),
  ...[
    'strict-tree schema, guards against misspelled properties',
    'tests for implementation dynamic anchor and reference link',
    '$ref and $dynamicAnchor are independent of order - $defs first',
    '$ref and $dynamicAnchor are independent of order - $ref first',
    '$ref to $dynamicRef finds detached $dynamicAnchor',
  ].map((group): KnownMiss => ({ key: `dynamicRef.json › ${group}`, reason: REMOTE })),
  {
    key: 'vocabulary.json › schema that uses custom metaschema with with no validation vocabulary › no validation: invalid number, but it still validates',
    reason:
      'the custom meta-schema (which drops the validation vocabulary) is remote and never read; the schema is validated as plain 2020-12, with an unknown-dialect warning',
  },
];
