import { describe, expect, it } from 'vitest';
import { stripVendorKeywords } from '../../src/emit/strip-vendor.js';

describe('stripVendorKeywords (B2.16)', () => {
  it('drops vendor keywords at every schema position but keeps properties that share their names', () => {
    const schema = JSON.parse(`{
      "type": "object",
      "tsType": "EVIL",
      "x-zod": "EVIL",
      "errorMessage": "\${EVIL}",
      "properties": {
        "tsType": { "type": "string", "tsEnumNames": ["EVIL"] },
        "__proto__": { "type": "number", "x-foo": 1 }
      },
      "items": [{ "tsType": "EVIL" }],
      "anyOf": [{ "x-a": 1, "type": "null" }],
      "$defs": { "a": { "not": { "tsType": "EVIL" } } },
      "enum": [{ "tsType": "data, not a keyword" }]
    }`);
    const stripped = stripVendorKeywords(schema);
    expect(JSON.stringify(stripped)).not.toContain('EVIL');
    expect(stripped).toEqual(
      JSON.parse(`{
        "type": "object",
        "properties": { "tsType": { "type": "string" }, "__proto__": { "type": "number" } },
        "items": [{}],
        "anyOf": [{ "type": "null" }],
        "$defs": { "a": { "not": {} } },
        "enum": [{ "tsType": "data, not a keyword" }]
      }`),
    );
    const properties = (stripped as { properties: object }).properties;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  });

  it('leaves boolean schemas alone', () => {
    expect(stripVendorKeywords(true)).toBe(true);
    expect(stripVendorKeywords(false)).toBe(false);
  });
});
