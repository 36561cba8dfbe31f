// A throwaway PostgreSQL server for tests and benchmarks: initdb in a temp folder, a free loopback port, no Unix
// socket, run as the `postgres` user when we are root (the server refuses root), stopped and deleted afterwards.
// Uses Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin) or POSTGRES_BIN, else initdb on PATH.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A running server. */
export interface PostgresServer {
  /** A connection string for the `postgres` database, e.g. `postgres://postgres@127.0.0.1:54012/postgres`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/** The folder holding `initdb` and `pg_ctl`, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.POSTGRES_BIN) candidates.push(process.env.POSTGRES_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/**
 * Decides, for a test file, whether the PostgreSQL tests run: the bin folder when they do; otherwise, with `CI`
 * set, throws (a missing server is a failure there), and elsewhere prints the reason and returns undefined.
 */
export function postgresBinForTests(what: string): string | undefined {
  const bin = findPostgresBin();
  if (bin !== undefined) return bin;
  const reason = `${what}: PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin, POSTGRES_BIN or PATH)`;
  if (process.env.CI) throw new Error(`${reason}; CI needs it (apt-get install postgresql)`);
  process.stderr.write(`skipped ${reason}\n`);
  return undefined;
}

function serverUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error('running as root, and there is no postgres user to run the server as');
  }
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Starts a fresh server; throws with initdb's or the server's log when it cannot. */
export async function startPostgresServer(bin = findPostgresBin()): Promise<PostgresServer> {
  if (bin === undefined) throw new Error('PostgreSQL is not installed');
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'fluid-pg-'));
  if (user !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const run = (command: string, args: string[]) => {
    const result = spawnSync(join(bin, command), args, {
      encoding: 'utf8',
      timeout: 120_000,
      ...(user ?? {}),
      cwd: dir,
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
    return {
      ok: result.status === 0,
      output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`,
    };
  };
  const init = run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  if (!init.ok) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.output}`);
  }
  let port = 0;
  let started = false;
  let log = '';
  // Another process can take the free port before the server binds it: try a few.
  for (let attempt = 0; attempt < 3 && !started; attempt += 1) {
    port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      "-c unix_socket_directories=''",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=100',
    ].join(' ');
    const start = run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '90',
      '-o',
      options,
      'start',
    ]);
    started = start.ok;
    if (!started)
      log = `${start.output}\n${existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : ''}`;
  }
  if (!started) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start:\n${log}`);
  }
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  // A test process that dies without its afterAll still takes its server down.
  process.once('exit', stopNow);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      process.removeListener('exit', stopNow);
      stopNow();
    },
  };
}
