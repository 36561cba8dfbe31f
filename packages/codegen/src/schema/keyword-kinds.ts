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
