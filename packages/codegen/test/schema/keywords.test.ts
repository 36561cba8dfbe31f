import { describe, expect, it } from 'vitest';
import { prepareSchema } from '../../src/schema/index.js';
import { compile, findings, prepare } from './support.js';

describe('meta-schema shape checks (RELIABILITY #13)', () => {
  it.each([
    ['type', { type: 'strng' }, /one of "array", "boolean", "integer", "null", "number", "object", "string"/],
    ['type', { type: [] }, /non-empty array/],
    ['type', { type: ['string', 'string'] }, /distinct/],
    ['required', { required: 'name' }, /array of distinct strings/],
    ['required', { required: ['a', 'a'] }, /array of distinct strings/],
    ['properties', { properties: [] }, /object of schemas/],
    ['enum', { enum: 'a' }, /an array/],
    ['allOf', { allOf: { type: 'string' } }, /non-empty array of schemas/],
    ['anyOf', { anyOf: [] }, /non-empty array of schemas/],
    ['minLength', { minLength: -1 }, /non-negative integer/],
    ['maxItems', { maxItems: 1.5 }, /non-negative integer/],
    ['multipleOf', { multipleOf: 0 }, /greater than 0/],
    ['minimum', { minimum: '3' }, /a number/],
    ['pattern', { pattern: '(' }, /new RegExp\(pattern, 'u'\)/],
    ['pattern', { pattern: '\\p{Foo}' }, /new RegExp/],
    ['uniqueItems', { uniqueItems: 'yes' }, /true or false/],
    ['format', { format: 5 }, /a string/],
    ['description', { description: 5 }, /a string/],
    ['nullable', { nullable: 'yes' }, /true or false/],
  ])('%s: %j is an error at the keyword', (keyword, bad, message) => {
    const prepared = prepare({ type: 'object', properties: { x: bad } });
    expect(findings(prepared)).toEqual([`error invalid-schema /request_schema/properties/x/${keyword}`]);
    expect(prepared.diagnostics[0]?.message).toMatch(message);
  });

  it('reports every error, not only the first', () => {
    const prepared = prepare({
      type: 'strng',
      required: 'name',
      properties: { a: { minLength: -1 }, b: 7, c: { items: 'x' } },
      patternProperties: { '[': {} },
    });
    expect(findings(prepared)).toEqual([
      'error invalid-schema /request_schema/type',
      'error invalid-schema /request_schema/required',
      'error invalid-schema /request_schema/properties/a/minLength',
      'error invalid-schema /request_schema/properties/b',
      'error invalid-schema /request_schema/properties/c/items',
      'error invalid-schema /request_schema/patternProperties/[',
    ]);
  });

  it('a schema that is not an object or boolean is an error at the root', () => {
    for (const junk of [null, 'string', 42, []]) {
      expect(findings(prepare(junk))).toEqual(['error invalid-schema /request_schema']);
    }
  });
});

describe('boolean schemas (RELIABILITY #14)', () => {
  it('stay booleans at the root and in properties', () => {
    expect(prepare(true)).toMatchObject({ schema: true, diagnostics: [] });
    expect(prepare(false)).toMatchObject({ schema: false, diagnostics: [] });
    const prepared = prepare({ type: 'object', properties: { any: true, never: false } });
    expect(prepared.schema).toEqual({ type: ['object'], properties: { any: true, never: false } });
    const validate = compile(prepared.schema);
    expect(validate({ any: 1 })).toBe(true);
    expect(validate({ never: 1 })).toBe(false);
  });
});

describe('2020-12 keywords, annotations and unsupported keywords (RELIABILITY #15)', () => {
  const schema = {
    type: 'object',
    if: { required: ['a'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a thenable.
    then: { required: ['b'] },
    else: true,
    dependentSchemas: { a: {} },
    dependentRequired: { a: ['b'] },
    dependencies: { c: ['d'], e: { required: ['f'] } },
    unevaluatedProperties: false,
    properties: {
      list: { type: 'array', unevaluatedItems: false },
      blob: { type: 'string', contentMediaType: 'application/json', contentSchema: { type: 'object' } },
      phone: { type: 'string', format: 'phone' },
      odd: { madeUp: 1 },
      negated: { not: { type: 'string', format: 'phone', $recursiveRef: '#' } },
      branch: { oneOf: [{ format: 'phone' }, { type: 'number' }] },
    },
  };

  it('keeps the applicators of 2020-12 and rewrites draft-07 dependencies', () => {
    const prepared = prepare(schema);
    expect(prepared.schema).toEqual({
      type: ['object'],
      if: { required: ['a'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a thenable.
      then: { required: ['b'] },
      else: true,
      dependentSchemas: { a: {}, e: { required: ['f'] } },
      dependentRequired: { a: ['b'], c: ['d'] },
      unevaluatedProperties: false,
      properties: {
        list: { type: ['array'], unevaluatedItems: false },
        blob: { type: ['string'] },
        phone: { type: ['string'] },
        odd: {},
        negated: { not: { type: ['string'] } },
        branch: { oneOf: [{}, { type: ['number'] }] },
      },
    });
  });

  it('says annotations are annotations, and which way a dropped assertion moves validation', () => {
    const prepared = prepare(schema);
    expect(findings(prepared)).toEqual([
      'warning annotation-keyword /request_schema/properties/blob/contentMediaType',
      'warning annotation-keyword /request_schema/properties/blob/contentSchema',
      'warning unsupported-format /request_schema/properties/phone/format',
      'warning annotation-keyword /request_schema/properties/odd/madeUp',
      'warning unsupported-format /request_schema/properties/negated/not/format',
      'warning unsupported-keyword /request_schema/properties/negated/not/$recursiveRef',
      'warning unsupported-format /request_schema/properties/branch/oneOf/0/format',
    ]);
    const messages = prepared.diagnostics.map((d) => d.message);
    expect(messages[0]).toMatch(/is an annotation: it never affects validation/);
    expect(messages[2]).toMatch(/not checked: validation is more permissive here/);
    expect(messages[3]).toMatch(/not a JSON Schema 2020-12 keyword, so it is an annotation/);
    expect(messages[4]).toMatch(/validation is stricter here \(it sits under `not`/);
    expect(messages[5]).toMatch(/validation is stricter here/);
    expect(messages[6]).toMatch(/may be more permissive or stricter/);
  });

  it('reports a keyword dropped in a definition with the effect it has where the definition is used', () => {
    const prepared = prepare({
      properties: {
        a: { not: { $ref: '#/$defs/D' } },
        b: { $ref: '#/$defs/E' },
        c: { not: { $ref: '#/$defs/E' } },
      },
      $defs: { D: { type: 'string', format: 'phone' }, E: { format: 'phone' } },
    });
    const effects = prepared.diagnostics.map(
      (d) => `${d.pointer} ${/more permissive or stricter|stricter|more permissive/.exec(d.message)?.[0]}`,
    );
    expect(effects).toEqual([
      '/request_schema/$defs/D/format stricter',
      '/request_schema/$defs/E/format more permissive or stricter',
    ]);
  });

  it('are errors under strict, except annotations', () => {
    const prepared = prepare(schema, { strict: true });
    expect(prepared.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([
      'unsupported-format',
      'unsupported-format',
      'unsupported-keyword',
      'unsupported-format',
    ]);
    expect(prepared.diagnostics.filter((d) => d.code === 'annotation-keyword')).toHaveLength(3);
    expect(
      prepared.diagnostics.every((d) => d.code !== 'annotation-keyword' || d.severity === 'warning'),
    ).toBe(true);
  });

  it('warns about a $schema dialect it does not know, and reads the schema as 2020-12', () => {
    const prepared = prepare({ $schema: 'https://example.com/my-dialect', type: 'string' });
    expect(findings(prepared)).toEqual(['warning unknown-dialect /request_schema/$schema']);
    expect(findings(prepare({ $schema: 'http://json-schema.org/draft-07/schema#' }))).toEqual([]);
  });

  it('with formats: annotate, format is an annotation: kept out, no warning', () => {
    const prepared = prepareSchema(
      { type: 'string', format: 'email', properties: { x: { format: 'phone' } } },
      { pointer: '/request_schema', formats: 'annotate' },
    );
    expect(prepared.diagnostics).toEqual([]);
    expect(prepared.schema).toEqual({ type: ['string'], properties: { x: {} } });
  });

  it('keeps supported formats', () => {
    const prepared = prepare({ type: 'string', format: 'date-time' });
    expect(prepared).toMatchObject({ schema: { type: ['string'], format: 'date-time' }, diagnostics: [] });
  });
});

describe('vendor keywords (RELIABILITY #16)', () => {
  it('never reach the output; code-splicing ones are warned about', () => {
    const input = {
      type: 'object',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` is the injection being tested.
      tsType: 'any; } export const pwned = ${1}',
      'x-zod': 'z.any()',
      'x-zod-type': 'z.never()',
      'x-internal': true,
      properties: {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` is the injection being tested.
        tsType: { type: 'string', tsEnumNames: ['A'], errorMessage: '${process.exit()}' },
      },
    };
    const prepared = prepare(input);
    expect(findings(prepared)).toEqual([
      'warning ignored-vendor-keyword /request_schema/tsType',
      'warning ignored-vendor-keyword /request_schema/x-zod',
      'warning ignored-vendor-keyword /request_schema/x-zod-type',
      'warning ignored-vendor-keyword /request_schema/properties/tsType/tsEnumNames',
      'warning ignored-vendor-keyword /request_schema/properties/tsType/errorMessage',
    ]);
    // A property that happens to be named like a vendor keyword is data, and stays.
    expect(prepared.schema).toEqual({ type: ['object'], properties: { tsType: { type: ['string'] } } });
    const text = JSON.stringify(prepared.schema);
    for (const splice of ['pwned', 'z.any', 'z.never', 'process.exit', '"A"'])
      expect(text).not.toContain(splice);
  });

  it('drops $schema and the root $id silently and keeps $comment', () => {
    const prepared = prepare({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://example.com/order.json',
      $comment: 'kept',
      type: 'object',
    });
    expect(prepared).toMatchObject({ schema: { $comment: 'kept', type: ['object'] }, diagnostics: [] });
  });
});

describe('draft-04/07 and OpenAPI spellings', () => {
  it.each([
    [
      'definitions → $defs',
      { definitions: { a: { type: 'string' } }, $ref: '#/definitions/a' },
      { $ref: '#/$defs/A', $defs: { A: { type: ['string'] } } },
    ],
    [
      'tuple items → prefixItems',
      { items: [{ type: 'string' }, { type: 'number' }] },
      { prefixItems: [{ type: ['string'] }, { type: ['number'] }] },
    ],
    [
      'additionalItems → items',
      { items: [{ type: 'string' }], additionalItems: false },
      { prefixItems: [{ type: ['string'] }], items: false },
    ],
    [
      'additionalItems without a tuple has no effect',
      { items: { type: 'string' }, additionalItems: false },
      { items: { type: ['string'] } },
    ],
    [
      'boolean exclusiveMinimum',
      { minimum: 1, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: false },
      { exclusiveMinimum: 1, maximum: 5 },
    ],
    ['boolean exclusiveMaximum', { exclusiveMaximum: true, maximum: 9 }, { exclusiveMaximum: 9 }],
    ['type string → list', { type: 'integer' }, { type: ['integer'] }],
    [
      'OpenAPI annotations dropped',
      { type: 'string', example: 'x', externalDocs: { url: 'u' } },
      { type: ['string'] },
    ],
  ])('%s', (_name, input, expected) => {
    const prepared = prepare(input);
    expect(prepared.diagnostics).toEqual([]);
    expect(prepared.schema).toEqual(expected);
  });

  it('array items beside prefixItems is an error', () => {
    expect(findings(prepare({ prefixItems: [true], items: [true] }))).toEqual([
      'error invalid-schema /request_schema/items',
    ]);
  });

  it('exclusiveMinimum: true without minimum is an error', () => {
    expect(findings(prepare({ exclusiveMinimum: true }))).toEqual([
      'error invalid-schema /request_schema/exclusiveMinimum',
    ]);
  });
});

describe('nullable spellings (RELIABILITY #30)', () => {
  it.each([
    ['type list with null stays', { type: ['string', 'null'] }, { type: ['string', 'null'] }],
    [
      'nullable adds null to type',
      { type: 'string', nullable: true, minLength: 2 },
      { type: ['string', 'null'], minLength: 2 },
    ],
    ['nullable false is dropped', { type: 'string', nullable: false }, { type: ['string'] }],
    [
      'nullable adds null to enum too',
      { type: 'string', enum: ['a', 'b'], nullable: true },
      { type: ['string', 'null'], enum: ['a', 'b', null] },
    ],
    ['x-nullable (Swagger 2)', { type: 'integer', 'x-nullable': true }, { type: ['integer', 'null'] }],
    [
      'nullable without type wraps',
      { enum: ['a'], nullable: true, description: 'd' },
      { description: 'd', anyOf: [{ enum: ['a'] }, { type: ['null'] }] },
    ],
    [
      'anyOf with null needs nothing',
      { anyOf: [{ type: 'string' }, { type: 'null' }] },
      { anyOf: [{ type: ['string'] }, { type: ['null'] }] },
    ],
    [
      'nullable beside allOf $ref wraps',
      { allOf: [{ $ref: '#/$defs/a' }], nullable: true, $defs: { a: { type: 'object' } } },
      { anyOf: [{ allOf: [{ $ref: '#/$defs/A' }] }, { type: ['null'] }], $defs: { A: { type: ['object'] } } },
    ],
  ])('%s', (_name, input, expected) => {
    const prepared = prepare(input);
    expect(prepared.diagnostics).toEqual([]);
    expect(prepared.schema).toEqual(expected);
  });

  it('allOf [$ref] + nullable accepts null and still checks the ref (the OpenAPI reading)', () => {
    const prepared = prepare({
      type: 'object',
      properties: {
        customer: { allOf: [{ $ref: '#/$defs/customer' }], nullable: true, description: 'who' },
      },
      $defs: { customer: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
    });
    const validate = compile(prepared.schema);
    expect(validate({ customer: null })).toBe(true);
    expect(validate({ customer: { id: 1 } })).toBe(true);
    expect(validate({ customer: {} })).toBe(false);
    expect(validate({ customer: 'x' })).toBe(false);
  });
});

describe('enum and const oddities (RELIABILITY #31)', () => {
  it('keeps values exactly, drops duplicates with a warning', () => {
    const members = ['', 'A', 'a', 0, false, null, { k: [1] }, [1, 2], 'a', { k: [1] }, 1.5];
    const prepared = prepare({ enum: members });
    expect(findings(prepared)).toEqual([
      'warning duplicate-enum /request_schema/enum/8',
      'warning duplicate-enum /request_schema/enum/9',
    ]);
    expect(prepared.schema).toEqual({ enum: ['', 'A', 'a', 0, false, null, { k: [1] }, [1, 2], 1.5] });
    const validate = compile(prepared.schema);
    expect(validate('')).toBe(true);
    expect(validate({ k: [1] })).toBe(true);
    expect(validate('b')).toBe(false);
  });

  it('an empty enum accepts nothing, with a warning', () => {
    const prepared = prepare({ enum: [], description: 'none' });
    expect(findings(prepared)).toEqual(['warning empty-enum /request_schema/enum']);
    expect(prepared.schema).toEqual({ description: 'none', allOf: [false] });
    expect(compile(prepared.schema)('x')).toBe(false);
  });

  it('warns about integers beyond 2^53 in enum and const', () => {
    const big = JSON.parse('{"enum": [1, 12345678901234567890], "const": {"id": 9007199254740993}}');
    const prepared = prepare(big);
    expect(findings(prepared)).toEqual([
      'warning unsafe-integer /request_schema/enum/1',
      'warning unsafe-integer /request_schema/const',
    ]);
    expect(prepared.schema).toEqual(big);
  });
});

describe('prototype keys (RELIABILITY #20)', () => {
  it('__proto__, constructor and toString stay own properties, and required keeps them', () => {
    const input = JSON.parse(
      '{"type":"object","required":["__proto__","constructor"],"properties":{"__proto__":{"type":"string"},"constructor":{"type":"integer"},"toString":{}},"const":{"__proto__":1}}',
    );
    const prepared = prepare(input);
    expect(prepared.diagnostics).toEqual([]);
    const schema = prepared.schema as { properties: object; required: string[]; const: object };
    expect(Object.keys(schema.properties)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
    expect(Object.hasOwn(schema.const, '__proto__')).toBe(true);
    expect(schema.required).toEqual(['__proto__', 'constructor']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const validate = compile({ ...schema, const: undefined });
    expect(validate(JSON.parse('{"__proto__":"x","constructor":1}'))).toBe(true);
    expect(validate(JSON.parse('{"__proto__":"x"}'))).toBe(false);
  });
});

describe('depth and width (RELIABILITY #27)', () => {
  const nest = (levels: number): unknown => {
    let schema: unknown = { type: 'string' };
    for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { child: schema } };
    return schema;
  };

  it('64 levels prepare and compile', () => {
    const prepared = prepare(nest(64));
    expect(prepared.diagnostics).toEqual([]);
    expect(compile(prepared.schema)({})).toBe(true);
  });

  it('1,000 levels give one too-deep error with its pointer', () => {
    const prepared = prepare(nest(1000));
    expect(findings(prepared)).toEqual([`error too-deep /request_schema${'/properties/child'.repeat(101)}`]);
    expect(prepared.diagnostics[0]?.message).toMatch(/deeper than 100 levels/);
  });

  it('honours maxDepth', () => {
    expect(findings(prepare(nest(5), { maxDepth: 3 }))).toEqual([
      `error too-deep /request_schema${'/properties/child'.repeat(4)}`,
    ]);
    expect(prepare(nest(5), { maxDepth: 5 }).diagnostics).toEqual([]);
  });

  it('100,000 levels with a huge maxDepth still end in a clean error', () => {
    const prepared = prepare(nest(100_000), { maxDepth: 1_000_000 });
    expect(prepared.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
  });

  it('10,000 properties complete', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) properties[`p${i}`] = { type: 'integer', minimum: i };
    const prepared = prepare({ type: 'object', properties, required: Object.keys(properties) });
    expect(prepared.diagnostics).toEqual([]);
    expect(Object.keys((prepared.schema as { properties: object }).properties)).toHaveLength(10_000);
  });

  it('sub-trees shared by identity do not blow up exponentially', () => {
    let schema: unknown = { type: 'string' };
    for (let i = 0; i < 60; i++) schema = { allOf: [schema, schema] };
    const prepared = prepare(schema);
    expect(prepared.diagnostics).toEqual([]);
  });
});

describe('purity', () => {
  it('never mutates the input and gives deep-equal output for the same input', () => {
    const input = {
      type: 'object',
      nullable: true,
      properties: {
        items: { type: 'array', items: [{ $ref: '#/definitions/line_item' }], additionalItems: false },
        a: { $ref: '#/definitions/line_item', minProperties: 1, description: 'sibling' },
      },
      definitions: {
        line_item: { type: 'object', properties: { next: { $ref: '#/definitions/line_item' } } },
      },
    };
    const before = structuredClone(input);
    const first = prepare(input);
    expect(input).toEqual(before);
    const second = prepare(input);
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first.schema))).toEqual(first.schema);
  });
});
