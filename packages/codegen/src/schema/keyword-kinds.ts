/** How a keyword holds its subschemas: one (`schema`), an array of them (`array`), or an object of named ones (`map`). */
export type SubschemaShape = 'schema' | 'array' | 'map';

/** One applicator keyword: how it holds its subschemas and what they apply to. */
export interface Applicator {
  readonly shape: SubschemaShape;
  /** The subschemas apply to the instance itself (`allOf`), not to its items or property values (`items`). */
  readonly inPlace: boolean;
}

/**
 * The applicators of JSON Schema 2020-12, the keywords whose values are subschemas: the one list the schema step,
 * the ref graph and the emitters walk. `$defs` holds subschemas but applies none (see {@link SCHEMA_MAP_KEYWORDS}).
 */
export const APPLICATORS: ReadonlyMap<string, Applicator> = new Map<string, Applicator>([
  ['allOf', { shape: 'array', inPlace: true }],
  ['anyOf', { shape: 'array', inPlace: true }],
  ['oneOf', { shape: 'array', inPlace: true }],
  ['not', { shape: 'schema', inPlace: true }],
  ['if', { shape: 'schema', inPlace: true }],
  ['then', { shape: 'schema', inPlace: true }],
  ['else', { shape: 'schema', inPlace: true }],
  ['dependentSchemas', { shape: 'map', inPlace: true }],
  ['prefixItems', { shape: 'array', inPlace: false }],
  ['items', { shape: 'schema', inPlace: false }],
  ['contains', { shape: 'schema', inPlace: false }],
  ['unevaluatedItems', { shape: 'schema', inPlace: false }],
  ['properties', { shape: 'map', inPlace: false }],
  ['patternProperties', { shape: 'map', inPlace: false }],
  ['additionalProperties', { shape: 'schema', inPlace: false }],
  ['propertyNames', { shape: 'schema', inPlace: false }],
  ['unevaluatedProperties', { shape: 'schema', inPlace: false }],
]);

function applicatorsShaped(shape: SubschemaShape): string[] {
  return [...APPLICATORS].filter(([, applicator]) => applicator.shape === shape).map(([keyword]) => keyword);
}

/** Keywords whose value is one sub-schema. */
export const SCHEMA_KEYWORDS: ReadonlySet<string> = new Set(applicatorsShaped('schema'));
/** Keywords whose value is a non-empty array of sub-schemas. */
export const SCHEMA_ARRAY_KEYWORDS: ReadonlySet<string> = new Set(applicatorsShaped('array'));
/** Keywords whose value is an object of named sub-schemas: the map applicators, `$defs` and draft-07 `definitions`. */
export const SCHEMA_MAP_KEYWORDS: ReadonlySet<string> = new Set([
  ...applicatorsShaped('map'),
  '$defs',
  'definitions',
]);

/** Keywords that other tools splice into code or messages (`tsType`, `tsEnumNames`, `x-zod`, `errorMessage`). */
export function isVendorKeyword(keyword: string): boolean {
  return /^ts[A-Z]/.test(keyword) || keyword.startsWith('x-') || keyword === 'errorMessage';
}

/**
 * OpenAPI and Swagger annotations with no effect on validation: dropped without a word, since reporting
 * them as "ignored, validation is more permissive" would be untrue.
 */
export const SILENT_ANNOTATIONS: ReadonlySet<string> = new Set([
  '$schema',
  'example',
  'discriminator',
  'externalDocs',
  'xml',
]);

/** What the schema step does with a vendor keyword: warn (it splices code elsewhere), read, or drop. */
export function vendorKeywordKind(keyword: string): 'warn' | 'nullable' | 'drop' | undefined {
  if (!isVendorKeyword(keyword)) return undefined;
  if (keyword === 'x-nullable') return 'nullable';
  if (/^ts[A-Z]/.test(keyword) || keyword === 'errorMessage' || keyword.startsWith('x-zod')) return 'warn';
  return 'drop';
}

/**
 * Keywords of other drafts that assert something the generator does not check: dropped with an
 * `unsupported-keyword` diagnostic that says which way validation moved.
 */
export const UNSUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  '$recursiveRef',
  '$recursiveAnchor',
  'divisibleBy',
  'disallow',
  'extends',
]);

/**
 * Annotation keywords 2020-12 defines but no validator asserts (content, vocabularies): dropped with an
 * `annotation-keyword` warning, which `--strict` does not turn into a failure.
 */
export const NOTED_ANNOTATIONS: ReadonlySet<string> = new Set([
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  '$vocabulary',
]);

/** Which way dropping an assertion moves validation, given where it sits (see `Polarity`). */
export type Polarity = 'permissive' | 'stricter' | 'either';

/** The polarity under `not`: what made validation more permissive now makes it stricter, and back. */
export function negate(polarity: Polarity): Polarity {
  if (polarity === 'either') return 'either';
  return polarity === 'permissive' ? 'stricter' : 'permissive';
}

/** The end of an `unsupported-keyword` or `unsupported-format` message: what dropping it does. */
export function droppedEffect(polarity: Polarity): string {
  switch (polarity) {
    case 'permissive':
      return 'validation is more permissive here';
    case 'stricter':
      return 'validation is stricter here (it sits under `not`, so accepting more here rejects more)';
    default:
      return 'validation may be more permissive or stricter here (it sits in a oneOf branch, an `if`, a contains counted by maxContains, or a definition used both under `not` and outside it)';
  }
}
