import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { compile, findings, prepare } from './support.js';

const definitionsOf = (prepared: ReturnType<typeof prepare>) => [...prepared.definitions.values()];

describe('recursive $ref (RELIABILITY #23)', () => {
  it('self recursion: a recursive definition, deep instances validate', () => {
    const prepared = prepare({
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          properties: {
            value: { type: 'integer' },
            next: { $ref: '#/$defs/node', description: 'the next one' },
          },
        },
        unused: { type: 'string' },
      },
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(definitionsOf(prepared)).toEqual([
      { suffix: 'Node', recursive: true, pointer: '/request_schema/$defs/node' },
    ]);
    expect(prepared.rootRecursive).toBe(false);
    expect(prepared.schema).toEqual({
      $ref: '#/$defs/Node',
      $defs: {
        Node: {
          type: ['object'],
          // #482: the description stays beside the recursive ref.
          properties: {
            value: { type: ['integer'] },
            next: { description: 'the next one', $ref: '#/$defs/Node' },
          },
        },
      },
    });
    let deep: unknown = { value: 0 };
    for (let i = 0; i < 500; i++) deep = { value: i, next: deep };
    const validate = compile(prepared.schema);
    expect(validate(deep)).toBe(true);
    expect(validate({ next: { next: { value: 'x' } } })).toBe(false);
  });

  it('mutual recursion marks both; a non-recursive neighbour is not marked', () => {
    const prepared = prepare({
      type: 'object',
      properties: { a: { $ref: '#/definitions/a' }, leaf: { $ref: '#/definitions/leaf' } },
      definitions: {
        a: { type: 'object', properties: { b: { $ref: '#/definitions/b' } } },
        b: { type: 'array', items: { $ref: '#/definitions/a' } },
        leaf: { type: 'string' },
      },
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(definitionsOf(prepared)).toEqual([
      { suffix: 'A', recursive: true, pointer: '/request_schema/definitions/a' },
      { suffix: 'B', recursive: true, pointer: '/request_schema/definitions/b' },
      { suffix: 'Leaf', recursive: false, pointer: '/request_schema/definitions/leaf' },
    ]);
    expect(compile(prepared.schema)({ a: { b: [{ b: [] }] }, leaf: 'x' })).toBe(true);
  });

  it("$ref: '#' stays '#' and sets rootRecursive", () => {
    const prepared = prepare({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#' } }, name: { type: 'string' } },
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(prepared.rootRecursive).toBe(true);
    expect(prepared.definitions.size).toBe(0);
    expect(prepared.schema).toEqual({
      type: ['object'],
      properties: { children: { type: ['array'], items: { $ref: '#' } }, name: { type: ['string'] } },
    });
    expect(compile(prepared.schema)({ children: [{ children: [{ name: 'x' }] }] })).toBe(true);
    expect(compile(prepared.schema)({ children: [{ children: [{ name: 1 }] }] })).toBe(false);
  });

  it('a definition that refers back to the root is recursive, and so is the root', () => {
    const prepared = prepare({
      properties: { item: { $ref: '#/$defs/item' } },
      $defs: { item: { properties: { parent: { $ref: '#' } } } },
    });
    expect(prepared.rootRecursive).toBe(true);
    expect(definitionsOf(prepared)).toEqual([
      { suffix: 'Item', recursive: true, pointer: '/request_schema/$defs/item' },
    ]);
  });
});

describe('many definitions', () => {
  it('a cycle through 2,000 definitions is found without deep recursion', () => {
    const $defs: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) {
      $defs[`d${i}`] = { type: 'object', properties: { next: { $ref: `#/$defs/d${(i + 1) % 2000}` } } };
    }
    const prepared = prepare({ $ref: '#/$defs/d0', $defs });
    expect(prepared.diagnostics).toEqual([]);
    expect(prepared.definitions.size).toBe(2000);
    expect([...prepared.definitions.values()].every((definition) => definition.recursive)).toBe(true);
  });
});

describe('alias chains', () => {
  it('collapse to the final target', () => {
    const prepared = prepare({
      properties: { x: { $ref: '#/$defs/a' }, y: { $ref: '#/$defs/b' } },
      $defs: {
        a: { $ref: '#/$defs/b', description: 'alias' },
        b: { $ref: '#/$defs/c' },
        c: { type: 'string' },
      },
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(definitionsOf(prepared)).toEqual([
      { suffix: 'C', recursive: false, pointer: '/request_schema/$defs/c' },
    ]);
    expect(prepared.schema).toEqual({
      properties: { x: { $ref: '#/$defs/C' }, y: { $ref: '#/$defs/C' } },
      $defs: { C: { type: ['string'] } },
    });
  });

  it('through a recursive target', () => {
    const prepared = prepare({
      $ref: '#/$defs/tree',
      $defs: {
        tree: { $ref: '#/$defs/node' },
        node: { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#/$defs/tree' } } } },
      },
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(definitionsOf(prepared)).toEqual([
      { suffix: 'Node', recursive: true, pointer: '/request_schema/$defs/node' },
    ]);
    expect(compile(prepared.schema)({ kids: [{ kids: [] }] })).toBe(true);
  });
});

describe('degenerate cycles (RELIABILITY #24)', () => {
  it.each([
    [
      'A: {$ref: A}',
      { $ref: '#/$defs/A', $defs: { A: { $ref: '#/$defs/A' } } },
      '/request_schema/$defs/A/$ref',
    ],
    [
      'A → B → A',
      {
        properties: { x: { $ref: '#/$defs/A' } },
        $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } },
      },
      '/request_schema/$defs/A/$ref',
    ],
    ["{$ref: '#'} at the root", { $ref: '#' }, '/request_schema/$ref'],
    [
      'a cycle through anyOf without structure',
      { $ref: '#/$defs/A', $defs: { A: { anyOf: [{ type: 'string' }, { $ref: '#/$defs/A' }] } } },
      '/request_schema/$defs/A/anyOf/1/$ref',
    ],
  ])('%s is a circular-ref error, not a RangeError', (_name, schema, pointer) => {
    const prepared = prepare(schema);
    expect(findings(prepared)).toEqual([`error circular-ref ${pointer}`]);
    expect(prepared.diagnostics[0]?.message).toBe(
      `circular reference without structure at ${pointer}: the $refs lead back to the same instance without descending into it`,
    );
  });

  it('an unreferenced degenerate cycle is dropped with its $defs', () => {
    expect(prepare({ type: 'string', $defs: { A: { $ref: '#/$defs/A' } } })).toMatchObject({
      schema: { type: ['string'] },
      diagnostics: [],
    });
  });
});

describe('remote and file refs (RELIABILITY #25)', () => {
  const remote = [
    'https://example.com/schema.json',
    'http://169.254.169.254/latest/meta-data/',
    'file:///etc/passwd',
    '../x.json',
    'other.json#/a',
  ];

  it.each(remote)('%s is a remote-ref error and nothing is fetched', (ref) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const prepared = prepare({ type: 'object', properties: { x: { $ref: ref } } });
    expect(findings(prepared)).toEqual(['error remote-ref /request_schema/properties/x/$ref']);
    expect(prepared.diagnostics[0]?.message).toContain(JSON.stringify(ref));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('a local-looking ref under a nested $id resolves inside that resource, and a missing one is remote', () => {
    const prepared = prepare({
      $id: 'https://example.com/root.json',
      properties: {
        x: {
          $id: 'https://other.example/other.json',
          properties: { y: { $ref: '#/$defs/a' }, z: { $ref: 'https://nowhere.example/x.json' } },
          $defs: { a: { type: 'integer' } },
        },
      },
      $defs: { a: { type: 'string' } },
    });
    expect(findings(prepared)).toEqual(['error remote-ref /request_schema/properties/x/properties/z/$ref']);
    const ok = prepare({
      $id: 'https://example.com/root.json',
      properties: {
        x: {
          $id: 'https://other.example/other.json',
          properties: { y: { $ref: '#/$defs/a' } },
          $defs: { a: { type: 'integer' } },
        },
      },
      $defs: { a: { type: 'string' } },
    });
    expect(ok.diagnostics).toEqual([]);
    const validate = compile(ok.schema);
    expect(validate({ x: { y: 1 } })).toBe(true);
    expect(validate({ x: { y: 'a' } })).toBe(false);
  });
});

describe('anchors, embedded resources and $dynamicRef', () => {
  it('$anchor and #name refs resolve in the document; an unknown anchor is dangling', () => {
    const prepared = prepare({
      properties: { n: { $ref: '#num' }, m: { $ref: 'item.json#num' } },
      $defs: {
        num: { $anchor: 'num', type: 'number' },
        item: { $id: 'item.json', $defs: { x: { $anchor: 'num', type: 'string' } } },
      },
    });
    expect(prepared.diagnostics).toEqual([]);
    const validate = compile(prepared.schema);
    expect(validate({ n: 1, m: 'a' })).toBe(true);
    expect(validate({ n: 'a' })).toBe(false);
    expect(validate({ m: 1 })).toBe(false);
    expect(findings(prepare({ $ref: '#nowhere' }))).toEqual(['error dangling-ref /request_schema/$ref']);
  });

  it('$dynamicRef goes to the outermost $dynamicAnchor in scope: an extended tree is strict at every level', () => {
    const tree = {
      $id: 'https://example.com/tree',
      $dynamicAnchor: 'node',
      type: 'object',
      properties: { value: { type: 'number' }, children: { type: 'array', items: { $dynamicRef: '#node' } } },
    };
    const strictTree = {
      $id: 'https://example.com/strict-tree',
      $dynamicAnchor: 'node',
      $ref: 'tree',
      unevaluatedProperties: false,
      $defs: { tree },
    };
    const strict = prepare(strictTree);
    expect(strict.diagnostics).toEqual([]);
    const validate = compile(strict.schema);
    expect(validate({ value: 1, children: [{ value: 2, children: [] }] })).toBe(true);
    expect(validate({ value: 1, children: [{ value: 2, extra: true }] })).toBe(false);
    // The plain tree alone lets children carry anything else.
    const plain = compile(prepare(tree).schema);
    expect(plain({ value: 1, children: [{ value: 2, extra: true }] })).toBe(true);
  });

  it('the schema step imports no file system, network or fetch', () => {
    const folder = fileURLToPath(new URL('../../src/schema/', import.meta.url));
    const files = readdirSync(folder).filter((name) => name.endsWith('.ts'));
    expect(files).toContain('prepare-schema.ts');
    for (const name of files) {
      const text = readFileSync(`${folder}${name}`, 'utf8');
      expect(text, name).not.toMatch(
        /node:(fs|http|https|net|dns|child_process)|['"](fs|http|https|net|dns)['"]|fetch\(/,
      );
    }
  });
});

describe('dangling refs and pointer escaping (RELIABILITY #26)', () => {
  it('a dangling ref is an error at its $ref', () => {
    expect(findings(prepare({ properties: { x: { $ref: '#/$defs/Missing' } }, $defs: {} }))).toEqual([
      'error dangling-ref /request_schema/properties/x/$ref',
    ]);
  });

  it('#/$defs/a~1b resolves to the key a/b; #/$defs/a/b does not', () => {
    const good = prepare({ $ref: '#/$defs/a~1b', $defs: { 'a/b': { type: 'integer' } } });
    expect(good.diagnostics).toEqual([]);
    expect(definitionsOf(good)).toEqual([
      { suffix: 'AB', recursive: false, pointer: '/request_schema/$defs/a~1b' },
    ]);
    expect(findings(prepare({ $ref: '#/$defs/a/b', $defs: { 'a/b': { type: 'integer' } } }))).toEqual([
      'error dangling-ref /request_schema/$ref',
    ]);
  });

  it('decodes ~0 and percent-encoding', () => {
    const prepared = prepare({
      properties: { x: { $ref: '#/$defs/t~0ilde' }, y: { $ref: '#/$defs/with%20space' } },
      $defs: { 't~ilde': { type: 'string' }, 'with space': { type: 'number' } },
    });
    expect(prepared.diagnostics).toEqual([]);
    expect([...prepared.definitions.keys()]).toEqual(['TIlde', 'WithSpace']);
  });

  it('a malformed pointer is an error', () => {
    expect(findings(prepare({ $ref: '#/$defs/%E0%A4%A' }))).toEqual([
      'error invalid-schema /request_schema/$ref',
    ]);
    expect(findings(prepare({ $ref: '#/$defs/a~2' }))).toEqual(['error invalid-schema /request_schema/$ref']);
  });

  it('a ref may point anywhere in the document', () => {
    const prepared = prepare({
      type: 'object',
      properties: {
        a: { type: 'string', minLength: 2 },
        b: { $ref: '#/properties/a' },
        c: { $ref: '#/items/0' },
      },
      items: [{ type: 'boolean' }],
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(definitionsOf(prepared).map((d) => [d.suffix, d.pointer])).toEqual([
      ['A', '/request_schema/properties/a'],
      ['Def0', '/request_schema/items/0'],
    ]);
    const validate = compile(prepared.schema);
    expect(validate({ a: 'xy', b: 'zz', c: true })).toBe(true);
    expect(validate({ b: 'z' })).toBe(false);
  });
});

describe('$ref siblings', () => {
  it('assertions move into allOf, annotations stay beside $ref', () => {
    const prepared = prepare({
      properties: {
        x: { $ref: '#/$defs/s', maxLength: 3, description: 'short', title: 'X' },
        y: { $ref: '#/$defs/s', description: 'only annotations' },
      },
      $defs: { s: { type: 'string' } },
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(prepared.schema).toEqual({
      properties: {
        x: { description: 'short', title: 'X', allOf: [{ $ref: '#/$defs/S' }, { maxLength: 3 }] },
        y: { description: 'only annotations', $ref: '#/$defs/S' },
      },
      $defs: { S: { type: ['string'] } },
    });
  });
});

describe('definition names (RELIABILITY #22)', () => {
  it('Line Item / line_item / LineItem get distinct names in sorted pointer order; shapes never merge', () => {
    const prepared = prepare({
      properties: {
        a: { $ref: '#/$defs/line_item' },
        b: { $ref: '#/$defs/Line Item' },
        c: { $ref: '#/$defs/LineItem' },
      },
      $defs: {
        line_item: { type: 'string' },
        'Line Item': { type: 'integer' },
        LineItem: { type: 'boolean' },
      },
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(definitionsOf(prepared).map((d) => [d.suffix, d.pointer])).toEqual([
      ['LineItem', '/request_schema/$defs/Line Item'],
      ['LineItem2', '/request_schema/$defs/LineItem'],
      ['LineItem3', '/request_schema/$defs/line_item'],
    ]);
    expect((prepared.schema as { $defs: object }).$defs).toEqual({
      LineItem: { type: ['integer'] },
      LineItem2: { type: ['boolean'] },
      LineItem3: { type: ['string'] },
    });
  });

  it.each([
    ['line_item', 'LineItem'],
    ['', 'Def'],
    ['123abc', 'Def123abc'],
    ['ünïcode', 'NCode'],
    ['Schema', 'SchemaDef'],
    ['order_schema', 'OrderSchemaDef'],
    ['✓', 'Def'],
  ])('%j → %s', (key, suffix) => {
    const prepared = prepare({ $ref: `#/$defs/${key}`, $defs: { [key]: { type: 'string' } } });
    expect([...prepared.definitions.keys()]).toEqual([suffix]);
    expect(suffix).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  it('keys $defs and definitions by sorted suffix', () => {
    const prepared = prepare({
      properties: { z: { $ref: '#/$defs/zeta' }, a: { $ref: '#/$defs/alpha' }, m: { $ref: '#/$defs/mu' } },
      $defs: { zeta: true, alpha: { type: 'null' }, mu: { type: 'string' } },
    });
    expect([...prepared.definitions.keys()]).toEqual(['Alpha', 'Mu', 'Zeta']);
    expect(Object.keys((prepared.schema as { $defs: object }).$defs)).toEqual(['Alpha', 'Mu', 'Zeta']);
  });
});
