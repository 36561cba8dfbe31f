import { canonicalJson } from '../hash.js';
import { copyJson, hasUnsafeInteger } from './json.js';

/** An `enum` without repeated members, and the indexes of the dropped repeats and of imprecise integers. */
export interface DistinctMembers {
  readonly kept: unknown[];
  readonly duplicates: number[];
  readonly unsafe: number[];
}

/**
 * Copies `enum` members exactly, dropping repeats (JSON equality: `1` and `1.0` are one value, key order
 * does not matter), and notes members holding integers beyond `Number.MAX_SAFE_INTEGER`.
 */
export function distinctMembers(members: readonly unknown[]): DistinctMembers {
  const seen = new Set<string>();
  const result: DistinctMembers = { kept: [], duplicates: [], unsafe: [] };
  members.forEach((member, index) => {
    const key = canonicalJson(member);
    if (seen.has(key)) {
      result.duplicates.push(index);
      return;
    }
    seen.add(key);
    if (hasUnsafeInteger(member)) result.unsafe.push(index);
    result.kept.push(copyJson(member));
  });
  return result;
}
