import { childPointer } from '../diagnostics.js';
import { isRecord } from './json.js';
import {
  negate,
  type Polarity,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
} from './keyword-kinds.js';
import { childAt } from './pointer.js';
import type { SchemaIndex } from './resources.js';

function combine(known: Polarity | undefined, next: Polarity): Polarity {
  return known === undefined || known === next ? next : 'either';
}

/** The polarity a sub-schema of `keyword` sits at, inside a node at `polarity` (see `droppedEffect`). */
function childPolarity(node: Record<string, unknown>, keyword: string, polarity: Polarity): Polarity {
  if (keyword === 'not') return negate(polarity);
  if (keyword === 'oneOf' || keyword === 'if') return 'either';
  if (keyword === 'contains' && Object.hasOwn(node, 'maxContains')) return 'either';
  return polarity;
}

function decode(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The polarity of every `$ref` target: where the refs that reach it sit (under `not`, in a `oneOf` branch,
 * …), combined over all of them, so a keyword dropped inside a definition is reported with the effect it has
 * where the definition is used. Walks the raw document from the root through refs, never into unused `$defs`.
 */
export function refTargetPolarities(root: unknown, index: SchemaIndex): Map<string, Polarity> {
  const result = new Map<string, Polarity>();
  // By identity and polarity: a sub-tree shared by identity (from JS callers) is walked once, not per path.
  const seen = new WeakMap<object, Set<Polarity>>();
  const stack: Array<{ value: unknown; pointer: string; polarity: Polarity }> = [
    { value: root, pointer: '', polarity: 'permissive' },
  ];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, pointer, polarity } = item;
    if (!isRecord(value)) continue;
    const polarities = seen.get(value) ?? new Set<Polarity>();
    if (polarities.has(polarity)) continue;
    seen.set(value, polarities.add(polarity));
    for (const keyword of ['$ref', '$dynamicRef']) {
      const ref = value[keyword];
      if (typeof ref !== 'string') continue;
      const target = index.resolve(ref, index.baseOf(pointer));
      if (target.kind !== 'local') continue;
      const combined = combine(result.get(target.pointer), polarity);
      result.set(target.pointer, combined);
      stack.push({
        value: childAt(root, decode(target.pointer)),
        pointer: target.pointer,
        polarity: combined,
      });
    }
    for (const [keyword, child] of Object.entries(value)) {
      const at = childPointer(pointer, keyword);
      const next = childPolarity(value, keyword, polarity);
      if (SCHEMA_KEYWORDS.has(keyword) || keyword === 'additionalItems') {
        if (Array.isArray(child)) {
          for (const [index, entry] of child.entries())
            stack.push({ value: entry, pointer: childPointer(at, index), polarity: next });
        } else stack.push({ value: child, pointer: at, polarity: next });
      } else if (SCHEMA_ARRAY_KEYWORDS.has(keyword) && Array.isArray(child)) {
        for (const [index, entry] of child.entries())
          stack.push({ value: entry, pointer: childPointer(at, index), polarity: next });
      } else if (
        (SCHEMA_MAP_KEYWORDS.has(keyword) || keyword === 'dependencies') &&
        keyword !== '$defs' &&
        keyword !== 'definitions' &&
        isRecord(child)
      ) {
        for (const [name, entry] of Object.entries(child))
          stack.push({ value: entry, pointer: childPointer(at, name), polarity: next });
      }
    }
  }
  return result;
}
