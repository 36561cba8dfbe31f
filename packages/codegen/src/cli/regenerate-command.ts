import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { GenerateCommandOptions } from './args.js';

/** `path` as typed relative to `cwd`, with forward slashes, so banners are the same on every machine. */
function portable(cwd: string, path: string): string {
  const absolute = resolve(cwd, path);
  const relativePath = relative(cwd, absolute);
  const shown = relativePath === '' ? '.' : isAbsolute(relativePath) ? absolute : relativePath;
  return shown.split(sep).join('/');
}

/** One shell word: as is when plain, else single-quoted. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The `fluid-codegen generate …` line that remakes an output folder, as a consumer runs it: the
 * input (or `--from-api` and its base URL) and the output folder, relative to `cwd`. Only what
 * decides the output is named, so `--check`, `--strict` or `--watch` never change a banner.
 *
 * @example
 * regenerateCommand(options, process.cwd()); // 'fluid-codegen generate --input definitions/callbacks --out src/generated'
 */
export function regenerateCommand(options: GenerateCommandOptions, cwd: string): string {
  const words = ['fluid-codegen', 'generate'];
  if (options.input !== undefined) words.push('--input', portable(cwd, options.input));
  else {
    words.push('--from-api');
    if (options.baseUrl !== undefined) words.push('--base-url', options.baseUrl);
  }
  words.push('--out', portable(cwd, options.out));
  return words.map(shellWord).join(' ');
}
