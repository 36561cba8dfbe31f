import { PaginationError } from '../client/errors/pagination-error.js';
import type { Page } from '../client/pagination.js';

/** The page size sync asks for: Fluid's registration index defaults to 10 a page. */
export const SYNC_PAGE_SIZE = 100;

/**
 * Reads a listing page by page until a page is empty or brings nothing new; Fluid's pagination block is not relied
 * on. More than `maxPages` pages is an error rather than a silent cut, since a partial listing would make sync
 * create duplicates or miss ours.
 */
export async function listEveryPage<Item>(
  fetchPage: (page: number) => PromiseLike<Page<Item>>,
  key: (item: Item) => string | number,
  maxPages: number,
): Promise<Item[]> {
  const seen = new Map<string | number, Item>();
  for (let page = 1; ; page += 1) {
    if (page > maxPages) throw new PaginationError('too-many-pages', maxPages);
    const { items } = await fetchPage(page);
    const fresh = items.filter((item) => !seen.has(key(item)));
    if (fresh.length === 0) return [...seen.values()];
    for (const item of fresh) seen.set(key(item), item);
  }
}

/** True for a 409 from Fluid: the state changed under the plan (another instance synced first). */
function isConflict(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { status?: unknown }).status === 409 &&
    (error as { name?: unknown }).name === 'ConflictError'
  );
}

/**
 * Carries out `given` (or a fresh plan); a 409 from Fluid makes it call `onConflict`, plan again and carry that out,
 * once.
 */
export async function applyPlan<Plan, Created>(
  given: Plan | undefined,
  plan: () => Promise<Plan>,
  execute: (plan: Plan) => Promise<Created>,
  onConflict: () => void,
): Promise<{ plan: Plan; created: Created; replanned: boolean }> {
  const first = given ?? (await plan());
  try {
    return { plan: first, created: await execute(first), replanned: false };
  } catch (error) {
    if (!isConflict(error)) throw error;
    onConflict();
    const second = await plan();
    return { plan: second, created: await execute(second), replanned: true };
  }
}
