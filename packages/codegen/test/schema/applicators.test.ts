// The one table of applicator keywords (schema/keyword-kinds.ts) against the code that walks subschemas through it:
// every applicator, in the shape the table gives it, is found by the ref graph, stripped of vendor keywords, and
// kept as an assertion of the normal form.
import { describe, expect, it } from 'vitest';
import { stripVendorKeywords } from '../../src/emit/strip-vendor.js';
import { APPLICATORS, type SubschemaShape } from '../../src/schema/keyword-kinds.js';
import { ASSERTION_KEYWORDS, SUPPORTED_KEYWORDS } from '../../src/schema/prepared.js';
import { refNodes } from '../../src/schema/ref-graph.js';

/** `sub` in the place a keyword of `shape` holds its subschemas. */
function holding(shape: SubschemaShape, sub: object): unknown {
  if (shape === 'schema') return sub;
  return shape === 'array' ? [{}, sub] : { name: sub };
}

const table = [...APPLICATORS].map(([keyword, { shape, inPlace }]) => [keyword, shape, inPlace] as const);

describe('APPLICATORS', () => {
  it('lists the in-place applicators JSON Schema 2020-12 names', () => {
    expect(table.filter(([, , inPlace]) => inPlace).map(([keyword]) => keyword)).toEqual([
      'allOf',
      'anyOf',
      'oneOf',
      'not',
      'if',
      'then',
      'else',
      'dependentSchemas',
    ]);
  });

  it.each(table)(
    '%s (%s): the ref graph finds a $ref under it, in place only when it is',
    (keyword, shape, inPlace) => {
      const ref = { $ref: '#/$defs/a' };
      const schema = { [keyword]: holding(shape, ref), $defs: { a: { $ref: '#/$defs/b' } } };
      expect(refNodes(schema, false)).toEqual([ref]);
      expect(refNodes(schema, true)).toEqual(inPlace ? [ref] : []);
    },
  );

  it.each(table)('%s (%s): vendor keywords under it are stripped', (keyword, shape) => {
    const stripped = stripVendorKeywords({ [keyword]: holding(shape, { type: 'string', 'x-zod': 'EVIL' }) });
    expect(stripped).toEqual({ [keyword]: holding(shape, { type: 'string' }) });
  });

  it.each(table)('%s: an assertion keyword of the normal form', (keyword) => {
    expect(ASSERTION_KEYWORDS.has(keyword)).toBe(true);
    expect(SUPPORTED_KEYWORDS.has(keyword)).toBe(true);
  });

  it('$defs is supported but asserts nothing', () => {
    expect(SUPPORTED_KEYWORDS.has('$defs')).toBe(true);
    expect(ASSERTION_KEYWORDS.has('$defs')).toBe(false);
  });
});
