import { describe, expect, it } from 'vitest';
import { collectPages, type Page, PaginationError } from '../../src/load/collect-pages.js';

/** A fake listing served from a table of pages keyed by cursor. */
function listing(pages: Record<string, Page<string>>) {
  const requested: Array<string | number | undefined> = [];
  const fetchPage = async (cursor: string | number | undefined) => {
    requested.push(cursor);
    const page = pages[String(cursor ?? 'start')];
    if (page === undefined) throw new Error(`no page ${String(cursor)}`);
    return page;
  };
  return { fetchPage, requested };
}

async function problemOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error instanceof PaginationError ? [error.problem, error.pages] : error),
  );
}

describe('collectPages (RELIABILITY B1.12)', () => {
  it('reads every page in order until there is no next cursor', async () => {
    const { fetchPage, requested } = listing({
      start: { items: ['a', 'b'], next: 2 },
      '2': { items: ['c'], next: 3 },
      '3': { items: [], next: undefined },
    });
    expect(await collectPages(fetchPage)).toEqual(['a', 'b', 'c']);
    expect(requested).toEqual([undefined, 2, 3]);
  });

  it('stops on a cursor loop', async () => {
    const { fetchPage } = listing({
      start: { items: ['a'], next: 'x' },
      x: { items: ['b'], next: 'y' },
      y: { items: ['c'], next: 'x' },
    });
    expect(await problemOf(collectPages(fetchPage))).toEqual(['repeated-cursor', 3]);
  });

  it('stops when the same page comes back under a new cursor', async () => {
    const { fetchPage } = listing({ start: { items: ['a'], next: 2 }, '2': { items: ['a'], next: 3 } });
    expect(await problemOf(collectPages(fetchPage))).toEqual(['repeated-page', 2]);
  });

  it('stops after maxPages pages of a listing that never ends', async () => {
    let served = 0;
    const endless = async (cursor: string | number | undefined) => {
      served += 1;
      return { items: [`item-${String(cursor)}`], next: served };
    };
    expect(await problemOf(collectPages(endless, { maxPages: 10 }))).toEqual(['too-many-pages', 10]);
    expect(served).toBe(10);
  });
});
