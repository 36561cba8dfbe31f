// The SDK as npm installs it: its built dist/, not the TypeScript sources. A bench that measures the SDK's own
// per-request CPU must load what users run; under tsx the sources are unbundled and keep every function name,
// which adds work to exactly the code being measured.
import { staleBuild } from '../scripts/release-pack.js';

/** The built entry points a receiving bench needs. */
export interface BuiltSdk {
  readonly root: typeof import('@fluid-droplet/sdk');
  readonly receive: typeof import('@fluid-droplet/sdk/receive');
  readonly node: typeof import('@fluid-droplet/sdk/node');
}

let loaded: Promise<BuiltSdk> | undefined;

/**
 * Loads packages/sdk/dist, refusing a missing or stale build rather than measuring old code. The build is checked
 * and loaded once per process; later calls share the first.
 */
export function builtSdk(): Promise<BuiltSdk> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<BuiltSdk> {
  const stale = staleBuild();
  if (stale !== undefined)
    throw new Error(`${stale}: run \`pnpm build\` first, so the bench measures current code`);
  const dist = new URL('../packages/sdk/dist/', import.meta.url);
  const entry = (file: string): Promise<unknown> => import(new URL(file, dist).href);
  const [root, receive, node] = await Promise.all([entry('index.js'), entry('receive.js'), entry('node.js')]);
  return {
    root: root as BuiltSdk['root'],
    receive: receive as BuiltSdk['receive'],
    node: node as BuiltSdk['node'],
  };
}
