/** A schema as authors write it (draft-07, OpenAPI spellings), for the real schema step to normalize first. */
export interface RawCase {
  readonly name: string;
  readonly schema: unknown;
  readonly values?: readonly unknown[];
}

/** Inputs whose normal form comes from `prepareSchema`, so the emitter is checked on exactly what it will read. */
export const RAW_CASES: readonly RawCase[] = [
  {
    name: 'draft-07 definitions with recursion and a described $ref',
    schema: {
      definitions: {
        node: {
          type: 'object',
          properties: {
            kids: { type: 'array', items: { $ref: '#/definitions/node' } },
            tag: { $ref: '#/definitions/tag', description: 'the tag' },
          },
          required: ['tag'],
        },
        tag: { type: 'string', nullable: true, maxLength: 3 },
      },
      $ref: '#/definitions/node',
    },
    values: [
      { tag: null, kids: [{ tag: 'abc' }] },
      { tag: 'abcd' },
      { kids: [] },
      { tag: 'a', kids: [{ tag: 1 }] },
    ],
  },
  {
    name: 'tuple items with additionalItems',
    schema: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false },
    values: [['a', 1], ['a', 1, 2], ['a'], [1]],
  },
  {
    name: 'boolean exclusive bounds',
    schema: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true },
    values: [0, 10, 0.5, 9.99],
  },
  {
    name: 'nullable object with $ref siblings',
    schema: {
      definitions: {
        money: { type: 'object', properties: { amount: { type: 'number' } }, required: ['amount'] },
      },
      type: 'object',
      properties: { total: { $ref: '#/definitions/money', nullable: true, required: ['currency'] } },
    },
    values: [
      { total: null },
      { total: { amount: 1 } },
      { total: { amount: 1, currency: 'USD' } },
      { total: 'x' },
    ],
  },
  {
    name: 'root self reference',
    schema: {
      type: 'object',
      properties: { value: { type: 'string' }, next: { oneOf: [{ $ref: '#' }, { type: 'null' }] } },
      additionalProperties: false,
    },
    values: [{ value: 'a', next: { value: 'b', next: null } }, { next: { other: 1 } }],
  },
  {
    name: 'single type strings and enum',
    schema: { type: 'string', enum: ['open', 'closed'], minLength: 5 },
    values: ['open', 'closed', 'x'],
  },
];
