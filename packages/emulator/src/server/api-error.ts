/** Fluid's `ErrorBag`: field errors, a list, a message, or nothing. */
export type ErrorBag = string | readonly unknown[] | Readonly<Record<string, unknown>> | null;

/**
 * An HTTP error the router turns into Fluid's error body for that status: `401` is the bare `{ message }`, the
 * `legacy` form is `{ message, status }`, everything else is `ErrorResponse` `{ error_message, errors, meta }`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly errors: ErrorBag;
  readonly form: 'error-response' | 'unauthorized' | 'legacy';

  constructor(
    status: number,
    message: string,
    options: { errors?: ErrorBag; form?: 'error-response' | 'unauthorized' | 'legacy' } = {},
  ) {
    super(message);
    this.status = status;
    this.errors = options.errors ?? null;
    this.form = options.form ?? 'error-response';
  }

  /** The JSON body Fluid sends for this error. */
  toBody(meta: { request_id: string; timestamp: string }): Record<string, unknown> {
    switch (this.form) {
      case 'unauthorized':
        return { message: this.message };
      case 'legacy':
        return { message: this.message, status: this.status, meta };
      default:
        return { error_message: this.message, errors: this.errors, meta };
    }
  }
}

/** 401 with Fluid's bare body. */
export const unauthorized = (): ApiError =>
  new ApiError(401, 'You are not authorized to perform this action', { form: 'unauthorized' });

/** 404 with `ErrorResponse`. */
export const notFound = (what: string): ApiError => new ApiError(404, `${what} not found`, { errors: null });

/** 422 with field errors, e.g. `{ url: ['is not a valid URL'] }`. */
export const unprocessable = (errors: Record<string, readonly string[]>): ApiError =>
  new ApiError(422, `Validation failed: ${describe(errors)}`, { errors });

function describe(errors: Record<string, readonly string[]>): string {
  return Object.entries(errors)
    .flatMap(([field, messages]) => messages.map((message) => `${field} ${message}`))
    .join(', ');
}
