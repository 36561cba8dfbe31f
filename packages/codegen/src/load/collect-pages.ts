import { CodegenError } from '../errors/codegen-error.js';
import { canonicalJson, sha256 } from '../hash.js';

/** One page of a paginated listing: its items and the cursor of the next page (`undefined` on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | number | undefined;
}

/** Why a paginated listing was abandoned. */
export type PaginationProblem = 'repeated-cursor' | 'repeated-page' | 'too-many-pages';

/** A paginated listing that loops or never ends (RELIABILITY B1.12); `pages` is how many were read. */
export class PaginationError extends CodegenError {
  override readonly name: string = 'PaginationError';
  constructor(
    readonly problem: PaginationProblem,
    readonly pages: number,
  ) {
    const why = {
      'repeated-cursor': 'the server returned a cursor it had already returned (a loop)',
      'repeated-page': 'the server returned the same page twice',
      'too-many-pages': 'the listing did not end within the page limit',
    }[problem];
    super(`stopped reading definitions after ${pages} page(s): ${why}`);
  }
}

/**
 * Reads every page of a listing, guarded against servers that loop: a cursor seen before, a page
 * identical to an earlier one, or more than `maxPages` pages stop it with a {@link PaginationError}.
 * Items duplicated across pages are left for the generator's duplicate-name check to report.
 *
 * @example
 * const all = await collectPages(async (cursor) => fetchDefinitionsPage(cursor ?? 1), { maxPages: 100 });
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | number | undefined) => Promise<Page<T>>,
  options: { readonly maxPages?: number } = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? 100;
  const cursors = new Set<string | number>();
  const pageHashes = new Set<string>();
  const items: T[] = [];
  let cursor: string | number | undefined;
  for (let pages = 1; ; pages += 1) {
    const page = await fetchPage(cursor);
    const hash = sha256(canonicalJson(page.items));
    if (page.items.length > 0 && pageHashes.has(hash)) throw new PaginationError('repeated-page', pages);
    pageHashes.add(hash);
    items.push(...page.items);
    if (page.next === undefined) return items;
    if (cursors.has(page.next) || page.next === cursor) throw new PaginationError('repeated-cursor', pages);
    if (pages >= maxPages) throw new PaginationError('too-many-pages', pages);
    cursors.add(page.next);
    cursor = page.next;
  }
}
