import { isVendorKeyword } from '../emit/strip-vendor.js';

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
