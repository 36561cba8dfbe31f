/** `meta` as every v0 response carries it. */
export interface Meta {
  readonly request_id: string;
  readonly timestamp: string;
}

/** `meta.pagination` on paginated lists. */
export interface Pagination {
  readonly current_page: number;
  readonly total_pages: number;
  readonly total_count: number;
  readonly per_page: number;
}

/** Fluid's default page size for offset-paginated lists. */
export const DEFAULT_PER_PAGE = 25;

/** Fluid's default page size for the callback registration index (fluid/API.md §8). */
export const REGISTRATIONS_PER_PAGE = 10;

/** Fluid's largest page size. */
export const MAX_PER_PAGE = 100;

/** Cuts one page out of `items` and describes it as Fluid's `meta.pagination` does. */
export function paginate<T>(
  items: readonly T[],
  page: number,
  perPage: number,
): { items: T[]; pagination: Pagination } {
  const start = (page - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    pagination: {
      current_page: page,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
      total_count: items.length,
      per_page: perPage,
    },
  };
}
