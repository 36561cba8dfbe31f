import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of the files under `dir`, recursively; 0 when it is missing. */
function newestUnder(dir: string): number {
  let newest = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** Oldest modification time (ms) of the `.js` files directly in `dir`; undefined when there are none. */
function oldestBuilt(dir: string): number | undefined {
  let oldest: number | undefined;
  try {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.js')) continue;
      const time = statSync(join(dir, name)).mtimeMs;
      if (oldest === undefined || time < oldest) oldest = time;
    }
  } catch {
    return undefined;
  }
  return oldest;
}

/**
 * Whether every given workspace package has a `dist/` built after its last source change (src/, package.json,
 * tsup.config.ts). Spawning a built executable costs a fraction of running it from source through tsx (which
 * transforms the whole program again in every child), so tests use the build when it is fresh and the sources
 * otherwise: an edit without a rebuild is still what the tests run.
 */
export function builtIsFresh(packageDirs: readonly string[]): boolean {
  return packageDirs.every((dir) => {
    const built = oldestBuilt(join(dir, 'dist'));
    if (built === undefined) return false;
    const sources = Math.max(
      newestUnder(join(dir, 'src')),
      ...['package.json', 'tsup.config.ts'].map((file) => {
        try {
          return statSync(join(dir, file)).mtimeMs;
        } catch {
          return 0;
        }
      }),
    );
    return sources <= built;
  });
}
