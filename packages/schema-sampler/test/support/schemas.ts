/** One schema of the keyword table; `hard` marks patterns the sampler may only approximate. */
export interface SchemaCase {
  name: string;
  schema: unknown;
  draft?: 'draft-07';
  hard?: boolean;
}

/** Schemas covering every keyword the sampler claims, in 2020-12 and draft-07 spellings. */
export const SCHEMA_CASES: SchemaCase[] = [
  { name: 'string bounds', schema: { type: 'string', minLength: 2, maxLength: 5 } },
  { name: 'integer inclusive', schema: { type: 'integer', minimum: -3, maximum: 7 } },
  { name: 'number exclusive', schema: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } },
  { name: 'multipleOf 0.01', schema: { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 100 } },
  { name: 'multipleOf 5', schema: { type: 'integer', multipleOf: 5 } },
  { name: 'enum', schema: { enum: ['a', 1, null, { deep: [true] }] } },
  { name: 'deep const', schema: { const: { a: [1, { b: 'c' }] } } },
  { name: 'type array', schema: { type: ['string', 'integer'], minLength: 1, minimum: 0 } },
  { name: 'nullable', schema: { type: 'string', nullable: true, maxLength: 3 } },
  { name: 'boolean schema false inside', schema: { type: 'object', properties: { no: false, yes: true } } },
  {
    name: 'object required + closed',
    schema: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: {
        id: { type: 'integer', minimum: 1 },
        name: { type: 'string', minLength: 1 },
        note: { type: 'string' },
      },
    },
  },
  {
    name: 'additionalProperties schema',
    schema: { type: 'object', additionalProperties: { type: 'integer' }, maxProperties: 4 },
  },
  {
    name: 'patternProperties',
    schema: {
      type: 'object',
      patternProperties: { '^x-[a-z]+$': { type: 'string' } },
      additionalProperties: false,
    },
  },
  { name: 'min/maxProperties', schema: { type: 'object', minProperties: 2, maxProperties: 3 } },
  {
    name: 'array bounds unique',
    schema: {
      type: 'array',
      items: { type: 'integer', minimum: 0, maximum: 9 },
      minItems: 2,
      maxItems: 4,
      uniqueItems: true,
    },
  },
  {
    name: 'prefixItems closed',
    schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false },
  },
  {
    name: 'draft-07 tuple + additionalItems',
    schema: {
      type: 'array',
      items: [{ type: 'boolean' }, { const: 'x' }],
      additionalItems: { type: 'null' },
    },
    draft: 'draft-07',
  },
  { name: 'contains', schema: { type: 'array', contains: { type: 'string', const: 'needle' }, maxItems: 3 } },
  {
    name: 'formats',
    schema: {
      type: 'object',
      required: ['at', 'day', 'time', 'mail', 'link', 'id', 'v4', 'v6'],
      properties: {
        at: { format: 'date-time', type: 'string' },
        day: { type: 'string', format: 'date' },
        time: { type: 'string', format: 'time' },
        mail: { type: 'string', format: 'email' },
        link: { type: 'string', format: 'uri' },
        id: { type: 'string', format: 'uuid' },
        v4: { type: 'string', format: 'ipv4' },
        v6: { type: 'string', format: 'ipv6' },
      },
    },
  },
  { name: 'simple pattern', schema: { type: 'string', pattern: '^[A-Z]{2}-\\d{3,5}$' } },
  { name: 'alternation pattern', schema: { type: 'string', pattern: '^(draft|active|archived)$' } },
  {
    name: 'unanchored pattern + length',
    schema: { type: 'string', pattern: '[0-9]+', minLength: 4, maxLength: 6 },
  },
  { name: 'lookahead pattern', schema: { type: 'string', pattern: '^(?=.*\\d)[a-z\\d]{6,}$' }, hard: true },
  {
    name: 'allOf',
    schema: {
      allOf: [
        { type: 'object', required: ['a'], properties: { a: { type: 'integer' } } },
        { required: ['b'], properties: { b: { type: 'string', maxLength: 2 } } },
      ],
    },
  },
  {
    name: 'anyOf',
    schema: {
      anyOf: [
        { type: 'string', maxLength: 1 },
        { type: 'integer', minimum: 100 },
      ],
    },
  },
  {
    name: 'oneOf overlapping',
    schema: {
      oneOf: [
        { type: 'integer', maximum: 10 },
        { type: 'integer', minimum: 5 },
      ],
    },
  },
  { name: 'not', schema: { type: 'integer', minimum: 0, maximum: 5, not: { const: 3 } } },
  {
    name: '$defs ref with RFC 6901 escaping',
    schema: {
      $defs: { 'a/b': { type: 'string', minLength: 1 }, 'c~d': { type: 'integer' } },
      type: 'object',
      required: ['x', 'y'],
      properties: { x: { $ref: '#/$defs/a~1b' }, y: { $ref: '#/$defs/c~0d' } },
    },
  },
  {
    name: 'recursive tree via #',
    schema: {
      type: 'object',
      required: ['value'],
      properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#' } } },
    },
  },
  {
    name: 'draft-07 definitions',
    schema: {
      definitions: { money: { type: 'number', minimum: 0, multipleOf: 0.01 } },
      type: 'object',
      properties: { price: { $ref: '#/definitions/money' } },
      required: ['price'],
    },
    draft: 'draft-07',
  },
  {
    name: 'if/then/else',
    schema: {
      type: 'object',
      if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, not a thenable.
      then: { required: ['a'] },
      else: { required: ['b'] },
    },
  },
];
