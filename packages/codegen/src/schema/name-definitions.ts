import { pascalCase } from '../naming/case.js';
import { compareText } from '../order.js';

/** PascalCase of a pointer's last token, made of `[A-Za-z0-9]`, starting with a letter, never ending in `Schema`. */
export function suffixFor(lastToken: string): string {
  // pascalCase guards a leading digit with `_`; a suffix is appended to a name, so it only needs a letter.
  const joined = pascalCase(lastToken).replace(/^_/, '');
  const lettered = /^[A-Za-z]/.test(joined) ? joined : `Def${joined}`;
  // `<prefix><suffix>Schema` is the validator's name: a suffix ending in `Schema` would read ambiguously.
  return lettered.endsWith('Schema') ? `${lettered}Def` : lettered;
}

/**
 * Names definitions by their pointers (relative to the schema root): each gets the PascalCase suffix of its
 * last token, and clashes get `2`, `3`, … in the order of the sorted pointers, so distinct definitions
 * never share a name and the same input always gives the same names.
 */
export function nameDefinitions(
  pointers: Iterable<string>,
  pointerOf: (key: string) => string = (key) => key,
): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const sorted = [...pointers].sort(compareText);
  for (const pointer of sorted) {
    const plain = pointerOf(pointer);
    const last = plain
      .slice(plain.lastIndexOf('/') + 1)
      .replaceAll('~1', '/')
      .replaceAll('~0', '~');
    const base = suffixFor(last);
    let name = base;
    for (let counter = 2; used.has(name); counter++) name = `${base}${counter}`;
    used.add(name);
    names.set(pointer, name);
  }
  return names;
}
