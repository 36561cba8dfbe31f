import { createHash } from 'node:crypto';

/** The lowercase hex SHA-256 of a `cvt_` token: what registration stores keep instead of the token. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
