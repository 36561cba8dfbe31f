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

/** What tells two items of a listing apart: a registration's uuid, a webhook's id, a definition's name. */
function identity(item: unknown): unknown {
  return isRecord(item) ? (item.uuid ?? item.id ?? item.name) : undefined;
}

/**
 * What `list()` returns: await it for one page (items plus pagination), or `for await` over it for every
 * item across all pages. Iteration stops with a `PaginationError` on a repeated or overlapping page, on a
 * page number that does not advance, or after `maxPages` pages.
 *
 * @example
 * for await (const webhook of client.webhooks.list({ per_page: 100 })) console.log(webhook.id);
 */
export class PagePromise<Item> extends FluidPromise<Page<Item>> implements AsyncIterable<Item> {
  readonly #next: (page: number) => Promise<Page<Item>>;
  readonly #maxPages: number;

  constructor(fetchPage: PageFetcher, firstPage: number, unwrap: PageUnwrap<Item>, maxPages: number) {
    super(fetchPage(firstPage), unwrap);
    this.#next = (page) => fetchPage(page).then(unwrap);
    this.#maxPages = maxPages;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    const seenPages = new Set<string>();
    const seenKeys = new Set<unknown>();
    let page: Page<Item> = await this;
    // A page without pagination is the last one, so only numbered pages are compared.
    let lastNumber = Number.NEGATIVE_INFINITY;
    for (let read = 1; ; read += 1) {
      const { items, pagination } = page;
      const fingerprint = JSON.stringify(items);
      const keys = items.map(identity);
      const number = pagination?.current_page ?? Number.POSITIVE_INFINITY;
      // A server that ignores `page` (or resets it) would otherwise be asked for the same page number forever.
      const problem =
        items.length > 0 && seenPages.has(fingerprint)
          ? 'repeated-page'
          : number <= lastNumber
            ? 'page-not-advancing'
            : keys.some((key) => key !== undefined && seenKeys.has(key))
              ? 'overlapping-page'
              : undefined;
      if (problem !== undefined) throw new PaginationError(problem, read);
      seenPages.add(fingerprint);
      for (const key of keys) seenKeys.add(key);
      lastNumber = number;
      yield* items;
      // An empty page that claims more would otherwise loop on nothing.
      if (pagination === undefined || !page.hasNextPage || items.length === 0) return;
      if (read >= this.#maxPages) throw new PaginationError('too-many-pages', read);
      page = await this.#next(pagination.current_page + 1);
    }
  }
}

/** Reads `meta.pagination` when its page numbers are safe integers. */
export function readPagination(data: unknown): Pagination | undefined {
  const meta = isRecord(data) ? data.meta : undefined;
  const block = isRecord(meta) ? meta.pagination : undefined;
  if (
    !isRecord(block) ||
    !Number.isSafeInteger(block.current_page) ||
    !Number.isSafeInteger(block.total_pages)
  ) {
    return undefined;
  }
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  return {
    current_page: number(block.current_page),
    total_pages: number(block.total_pages),
    total_count: number(block.total_count),
    per_page: number(block.per_page),
  };
}

/** A page unwrapper for a list envelope whose items sit under `key`. */
export function pageOf<Item>(key: string): PageUnwrap<Item> {
  return (response) => {
    const items = envelopeField<Item[]>(response, key, Array.isArray);
    const pagination = readPagination(response.data);
    return {
      items,
      pagination,
      hasNextPage: pagination !== undefined && pagination.current_page < pagination.total_pages,
    };
  };
}
