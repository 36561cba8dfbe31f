// `pnpm release:pack`: builds every public package and packs it into an installable tarball in dist-packages/,
// exactly what `pnpm publish` would upload: `workspace:` ranges become real version ranges, and each tarball is
// checked before it is kept (no `workspace:` range left, README, CHANGELOG and LICENSE present, every file the
// manifest points to present). Nothing half-written: tarballs are made in a temporary folder and only moved into
// place once all of them pass.
//
//   pnpm release:pack                       build, then pack into dist-packages/
//   pnpm release:pack --build if-stale      build only when a dist/ folder is missing or older than its inputs
//   pnpm release:pack --build never         pack the current dist/ folders as they are
//   pnpm release:pack --out <dir>           pack somewhere else (the consumer test packs into a temp folder)
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');

/** The fields of a package manifest this script reads. */
interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | Record<string, string>;
  readonly exports?: unknown;
  readonly typesVersions?: unknown;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

/** A public workspace package: its folder and manifest. */
interface PublicPackage {
  readonly dir: string;
  readonly manifest: Manifest;
}

/** Every package under packages/ that is not private, sorted by folder name. */
export function publicPackages(): PublicPackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir)
    .sort()
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest,
    }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** The newest modification time (ms) of `path` and, for a folder, of everything under it; 0 when missing. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/**
 * Why the packages need building, or `undefined` when every public package's dist/ holds each file its manifest
 * points to and is newer than everything a build reads (its sources, manifest and build config, the shared
 * tsconfig files and generated/, which the SDK bundles).
 */
export function staleBuild(): string | undefined {
  const shared = Math.max(
    newest(join(root, 'generated')),
    newest(join(root, 'tsconfig.base.json')),
    newest(join(root, 'tsconfig.build.json')),
  );
  for (const { dir, manifest } of publicPackages()) {
    const name = relative(root, dir);
    const outputs = referencedFiles(manifest).filter((file) => file.startsWith('dist/'));
    const missing = outputs.find((file) => !existsSync(join(dir, file)));
    if (missing !== undefined) return `${name}/${missing} is missing`;
    const built = Math.min(...outputs.map((file) => statSync(join(dir, file)).mtimeMs));
    const inputs = Math.max(
      shared,
      newest(join(dir, 'src')),
      newest(join(dir, 'package.json')),
      newest(join(dir, 'tsup.config.ts')),
    );
    if (inputs > built) return `${name}/dist is older than its sources`;
  }
  return undefined;
}

/** Every relative path a manifest points to (main, module, types, bin, exports, typesVersions targets). */
function referencedFiles(manifest: Manifest): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('./') && !value.includes('*')) found.add(value.slice(2));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) visit(item);
    }
  };
  for (const field of [manifest.main, manifest.module, manifest.types]) {
    if (field !== undefined) found.add(field.replace(/^\.\//, ''));
  }
  visit(
    manifest.bin === undefined
      ? undefined
      : typeof manifest.bin === 'string'
        ? `./${manifest.bin}`
        : manifest.bin,
  );
  visit(manifest.exports);
  visit(manifest.typesVersions);
  return [...found].map((path) => path.replace(/^\.\//, '')).sort();
}

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error !== undefined) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${relative(root, cwd) || '.'} (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

/** What is wrong with one packed tarball (an empty list when it is fine to publish). */
export function tarballProblems(tarball: string): string[] {
  const entries = new Set(
    run('tar', ['-tzf', tarball], dirname(tarball))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^package\//, '')),
  );
  const manifest = JSON.parse(
    run('tar', ['-xzOf', tarball, 'package/package.json'], dirname(tarball)),
  ) as Manifest;
  const problems: string[] = [];
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) problems.push(`package.json: ${field}.${name} is still "${range}"`);
    }
  }
  for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (!entries.has(file)) problems.push(`${file} is missing`);
  }
  for (const file of referencedFiles(manifest)) {
    if (!entries.has(file))
      problems.push(`${file} is referenced by package.json but missing (run \`pnpm build\`)`);
  }
  return problems.map((problem) => `${basename(tarball)}: ${problem}`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist-packages' },
      build: { type: 'string', default: 'always' },
    },
  });
  const out = resolve(process.cwd(), values.out);
  const build = values.build;
  if (build !== 'always' && build !== 'if-stale' && build !== 'never') {
    throw new Error(`--build must be always, if-stale or never, not ${JSON.stringify(build)}`);
  }
  const reason = build === 'always' ? 'asked to' : build === 'if-stale' ? staleBuild() : undefined;
  if (reason !== undefined) {
    process.stdout.write(`building every package (pnpm build): ${reason}\n`);
    run('pnpm', ['build'], root);
  }
  const packages = publicPackages();
  mkdirSync(dirname(out), { recursive: true });
  const staging = mkdtempSync(join(dirname(out), `.${basename(out)}-`));
  try {
    for (const { dir } of packages) run('pnpm', ['pack', '--pack-destination', staging], dir);
    const tarballs = readdirSync(staging).filter((file) => file.endsWith('.tgz'));
    if (tarballs.length !== packages.length) {
      throw new Error(`expected ${packages.length} tarballs in ${staging}, found ${tarballs.length}`);
    }
    const problems = tarballs.flatMap((file) => tarballProblems(join(staging, file)));
    if (problems.length > 0)
      throw new Error(`not packed, the tarballs would be broken:\n  ${problems.join('\n  ')}`);

    mkdirSync(out, { recursive: true });
    for (const stale of readdirSync(out).filter((file) => file.endsWith('.tgz'))) rmSync(join(out, stale));
    for (const file of tarballs.sort()) {
      renameSync(join(staging, file), join(out, file));
      process.stdout.write(`${relative(process.cwd(), join(out, file))}\n`);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`release:pack: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
