/** A Web-standard request handler: what every handler of this SDK is, and what Hono, Next.js, Bun and Deno take. */
export type FetchHandler = (request: Request) => Promise<Response>;
