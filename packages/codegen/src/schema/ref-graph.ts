import { isRecord, type JsonRecord } from './json.js';
import { APPLICATORS } from './keyword-kinds.js';
import type { JsonSchema } from './prepared.js';

/**
 * Pushes every sub-schema of a normal-form node onto `stack`, or only the in-place ones (those that apply to the
 * same instance: a cycle through only these never ends).
 */
function pushChildren(node: JsonRecord, inPlaceOnly: boolean, stack: unknown[]): void {
  for (const keyword in node) {
    const applicator = APPLICATORS.get(keyword);
    if (applicator === undefined || (inPlaceOnly && !applicator.inPlace)) continue;
    const value = node[keyword];
    if (applicator.shape === 'schema') stack.push(value);
    else if (applicator.shape === 'array') {
      if (Array.isArray(value)) stack.push(...value);
    } else if (isRecord(value)) {
      for (const name in value) stack.push(value[name]);
    }
  }
}

/**
 * Every node holding `$ref` inside a normal-form schema, visiting each node once. With `inPlaceOnly`, only
 * the refs that apply to the very instance the schema sees (through `allOf`/`anyOf`/`oneOf`/`not`).
 */
export function refNodes(schema: JsonSchema, inPlaceOnly: boolean): JsonRecord[] {
  const found: JsonRecord[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isRecord(node) || seen.has(node)) continue;
    seen.add(node);
    if (typeof node.$ref === 'string') found.push(node);
    pushChildren(node, inPlaceOnly, stack);
  }
  return found;
}

/** Strongly connected components of a directed graph (Tarjan's algorithm with an explicit stack). */
export function stronglyConnected(
  nodes: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The nodes on a cycle: members of a component with two or more nodes, or with an edge to itself. */
export function nodesOnCycles(
  nodes: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[][] {
  return stronglyConnected(nodes, edges).filter(
    (component) =>
      component.length > 1 || (edges.get(component[0] as string) ?? []).includes(component[0] as string),
  );
}
