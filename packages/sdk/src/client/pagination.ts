import { isRecord } from '../is-record.js';
import { FluidPromise } from './api-promise.js';
import type { RawResponse } from './core/request.js';
import { PaginationError } from './errors/pagination-error.js';
import { envelopeField } from './validation/envelope-field.js';

/** Fluid's offset pagination block (`meta.pagination`). */
export interface Pagination {
  readonly current_page: number;
  readonly total_pages: number;
  readonly total_count: number;
  readonly per_page: number;
}

/** One page of a list: its items and, when Fluid sent it, the pagination block. */
export interface Page<Item> {
  readonly items: Item[];
  readonly pagination: Pagination | undefined;
  /** True when `pagination` says later pages exist. */
  readonly hasNextPage: boolean;
}

/** Builds a page from a list envelope. */
export type PageUnwrap<Item> = (response: RawResponse) => Page<Item>;

/** Fetches one page by number. */
export type PageFetcher = (page: number) => Promise<RawResponse>;

/**
 * What `list()` returns: await it for one page (items plus pagination), or `for await` over it for every
 * item across all pages. Iteration stops with a `PaginationError` on a repeated or overlapping page, on a
 * page number that does not advance, or after `maxPages` pages.
 *
 * @example
 * for await (const webhook of client.webhooks.list({ per_page: 100 })) console.log(webhook.id);
 */
export class PagePromise<Item> extends FluidPromise<Page<Item>> implements AsyncIterable<Item> {
  readonly #fetchPage: PageFetcher;
  readonly #unwrap: PageUnwrap<Item>;
  readonly #maxPages: number;
  readonly #itemKey: (item: Item) => unknown;

  constructor(
    fetchPage: PageFetcher,
    firstPage: number,
    unwrap: PageUnwrap<Item>,
    options: { readonly maxPages: number; readonly itemKey: (item: Item) => unknown },
  ) {
    super(fetchPage(firstPage), unwrap);
    this.#fetchPage = fetchPage;
    this.#unwrap = unwrap;
    this.#maxPages = options.maxPages;
    this.#itemKey = options.itemKey;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    const seenPages = new Set<string>();
    const seenKeys = new Set<unknown>();
    let page: Page<Item> = await this;
    let lastNumber: number | undefined;
    for (let read = 1; ; read += 1) {
      const fingerprint = JSON.stringify(page.items);
      if (page.items.length > 0 && seenPages.has(fingerprint))
        throw new PaginationError('repeated-page', read);
      seenPages.add(fingerprint);
      // A server that ignores `page` (or resets it) would otherwise be asked for the same page number forever.
      const number = page.pagination?.current_page;
      if (number !== undefined && lastNumber !== undefined && number <= lastNumber)
        throw new PaginationError('page-not-advancing', read);
      lastNumber = number;
      const keys = page.items.map(this.#itemKey);
      if (keys.some((key) => key !== undefined && seenKeys.has(key)))
        throw new PaginationError('overlapping-page', read);
      for (const key of keys) seenKeys.add(key);
      yield* page.items;
      const pagination = page.pagination;
      // An empty page that claims more would otherwise loop on nothing.
      if (pagination === undefined || !page.hasNextPage || page.items.length === 0) return;
      if (read >= this.#maxPages) throw new PaginationError('too-many-pages', read);
      page = this.#unwrap(await this.#fetchPage(pagination.current_page + 1));
    }
  }
}

/** Reads `meta.pagination` when it is well formed. */
export function readPagination(data: unknown): Pagination | undefined {
  if (!isRecord(data) || !isRecord(data.meta) || !isRecord(data.meta.pagination)) return undefined;
  const { current_page, total_pages, total_count, per_page } = data.meta.pagination;
  if (typeof current_page !== 'number' || typeof total_pages !== 'number') return undefined;
  if (!Number.isSafeInteger(current_page) || !Number.isSafeInteger(total_pages)) return undefined;
  return {
    current_page,
    total_pages,
    total_count: typeof total_count === 'number' ? total_count : 0,
    per_page: typeof per_page === 'number' ? per_page : 0,
  };
}

/** A page unwrapper for a list envelope whose items sit under `key`. */
export function pageOf<Item>(operation: string, key: string): PageUnwrap<Item> {
  return (response) => {
    const items = envelopeField<Item[]>(operation, response, key, Array.isArray);
    const pagination = readPagination(response.data);
    return {
      items,
      pagination,
      hasNextPage: pagination !== undefined && pagination.current_page < pagination.total_pages,
    };
  };
}
