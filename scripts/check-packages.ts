// Lints every publishable package the way npm will see it: publint on the package, then
// are-the-types-wrong on the packed tarball. Run after `pnpm build`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

let failed = 0;
for (const dir of readdirSync(packagesDir).sort()) {
  const path = join(packagesDir, dir);
  const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as {
    name: string;
    private?: boolean;
  };
  if (manifest.private) continue;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.']],
  ] as const) {
    const result = spawnSync(bin(tool), [...args], { cwd: path, stdio: 'inherit' });
    if (result.status !== 0) {
      failed += 1;
      process.stderr.write(`${tool} failed for ${manifest.name}\n`);
    }
  }
}
process.exit(failed === 0 ? 0 : 1);
