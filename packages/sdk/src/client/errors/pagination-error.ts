import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/** Why auto-pagination stopped. */
export type PaginationProblem =
  | 'repeated-page'
  | 'overlapping-page'
  | 'page-not-advancing'
  | 'too-many-pages';

/**
 * Auto-pagination met a server that loops (a repeated or overlapping page, a page number that does not advance)
 * or never ends (past `maxPages`).
 */
export class PaginationError extends FluidError {
  declare readonly problem: PaginationProblem;
  /** Pages read before stopping. */
  declare readonly pages: number;

  constructor(problem: PaginationProblem, pages: number) {
    const why = {
      'repeated-page': 'the server returned a page it had already returned',
      'overlapping-page': 'the page repeats items from an earlier page',
      'page-not-advancing': 'the page number did not advance past the previous page',
      'too-many-pages': 'the listing did not end within maxPages',
    }[problem];
    super(`stopped paginating after ${pages} page(s): ${why}`);
    this.problem = problem;
    this.pages = pages;
  }
}

defineErrorKind(PaginationError, 'PaginationError');
