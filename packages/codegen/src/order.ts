/**
 * Orders strings by UTF-16 code units, the same on every machine and locale (unlike `localeCompare`): the one
 * order of generated files, definitions, pointers and cache records, so output never depends on where it runs.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
