// Runs the real `dateline` binary for the Node test suites: data directories in temporary
// folders, a server on an ephemeral loopback port, CLI commands with their exit codes.
import { spawn, spawnSync } from 'node:child_process';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = process.env.DATELINE_BIN ?? join(repoRoot, 'build/release/dateline');

/** Runs `dateline ARGS...` to completion; returns { status, stdout, stderr }. */
export function dateline(args, options = {}) {
  const result = spawnSync(binary, args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The backend under test. CTest runs the HTTP suite twice: on SQLite, and on PostgreSQL with
 * DATELINE_TEST_POSTGRES naming the throwaway cluster's maintenance database.
 */
export const postgresAdminUrl = process.env.DATELINE_TEST_POSTGRES || '';
export const backend = postgresAdminUrl ? 'postgres' : 'sqlite';
let databaseCounter = 0;

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-A', '-t', '-c', sql], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout;
}

function databaseUrl(name) {
  return postgresAdminUrl.replace('/postgres?', `/${name}?`);
}

/** A fresh, empty PostgreSQL database on the test cluster: { url, drop() }. */
export function makePostgresDatabase(adminUrl = postgresAdminUrl) {
  const name = `t_${process.pid}_${databaseCounter++}`;
  psql(adminUrl, `CREATE DATABASE ${name}`);
  return {
    url: adminUrl.replace('/postgres?', `/${name}?`),
    drop: () => psql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * A fresh data directory, initialised (with the demo network unless demo is false, from
 * demoDir when given). On PostgreSQL it gets a database of its own, named in its dateline.toml
 * so every command run on the directory uses it; remove() drops it.
 */
/**
 * A fresh data directory made by `dateline init` (the demo network unless `demo` is false). With
 * `arabicIndicDigits`, its Arabic sites write numbers with Arabic-Indic digits (the demo's write
 * Western ones, as its copy does), for the suites that check that setting.
 */
export function makeDataDir({
  demo = true, publicUrl = 'http://localhost:8080', demoDir, arabicIndicDigits = false,
} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-test-'));
  let database = '';
  if (backend === 'postgres') {
    database = `http_${process.pid}_${databaseCounter++}`;
    psql(postgresAdminUrl, `CREATE DATABASE ${database}`);
    writeFileSync(join(dir, 'dateline.toml'), `db = "${databaseUrl(database)}"\n`);
  }
  const args = ['init', '--data', dir, '--public-url', publicUrl];
  if (demo) args.push('--demo');
  if (demoDir) args.push('--demo-dir', demoDir);
  const r = dateline(args);
  if (r.status !== 0) throw new Error(`dateline init failed (${r.status}): ${r.stderr}`);
  const made = {
    dir,
    /** Runs SQL on the directory's database, whichever the backend. */
    sql: (statement) => (backend === 'postgres'
      ? psql(databaseUrl(database), statement)
      : sqliteExec(join(dir, 'dateline.db'), statement)),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      if (database) psql(postgresAdminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
  if (arabicIndicDigits) made.sql("UPDATE sites SET arabic_indic_digits = 1 WHERE language = 'ar'");
  return made;
}

function sqliteExec(file, statement) {
  // The server may be writing: wait for its lock as the server itself would, not fail at once.
  const r = spawnSync('sqlite3', ['-cmd', '.timeout 10000', file, statement], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * The environment of a server whose suite changes content under it and must see each change at
 * once rather than within the second the node takes to hear of it: no page cache, no stories'
 * cards or stories kept.
 */
export const changesShowAtOnce = Object.freeze({
  DATELINE_PAGE_CACHE_MB: '0', DATELINE_STORY_CARDS: '0', DATELINE_KEPT_STORIES: '0',
});

/**
 * Starts `dateline serve` on an ephemeral loopback port over `dataDir` (`env` adds environment
 * variables, e.g. changesShowAtOnce). Resolves to
 * { url, port, process, stop() } once the server prints its address; stop() sends SIGTERM and
 * resolves with the exit code (or 'SIGKILL' when it had to be killed).
 *
 * With `movableClock`, the server runs under libfaketime (Debian's `faketime`) and the result has
 * `moveClock(seconds)`: the server's wall clock jumps forward at once, so a test of "too quick" or
 * "expired" moves time instead of sleeping. Only the wall clock moves; timers and timeouts (the
 * monotonic clock) keep real time.
 */
export function startServer(dataDir, extraArgs = [], { env = {}, movableClock = false } = {}) {
  const clock = movableClock ? makeMovableClock(dataDir) : null;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, ['serve', '--data', dataDir, '--listen', '127.0.0.1:0', ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...clock?.env, ...env },
    });
    let output = '';
    let stderr = '';
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time: ${output}${stderr}`));
    }, 20_000);
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-20_000); });
    child.stdout.on('data', (d) => {
      // Once started, the server may log every request to stdout: keep only a bounded tail.
      output = (output + d).slice(started ? -20_000 : 0);
      if (started) return;
      const m = output.match(/listening on (http:\/\/127\.0\.0\.1:(\d+))\//);
      if (m) {
        started = true;
        clearTimeout(timer);
        const exited = new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)));
        resolvePromise({
          url: m[1],
          port: Number(m[2]),
          process: child,
          stderr: () => stderr,
          stdout: () => output,
          exited,
          moveClock: clock?.move,
          // Bounded: a server that ignores SIGTERM is killed after `timeoutMs` (and stop()
          // then resolves with 'SIGKILL', which no caller mistakes for a clean exit).
          stop: async ({ timeoutMs = 10_000 } = {}) => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            let killer;
            const code = await Promise.race([exited, new Promise((r) => {
              killer = setTimeout(() => { child.kill('SIGKILL'); r('SIGKILL'); }, timeoutMs);
            })]);
            clearTimeout(killer);
            return code;
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early with ${code}: ${output}${stderr}`));
    });
  });
}

// Debian's faketime puts its library under the machine's multiarch directory.
const fakeTimeLibrary = ['x86_64-linux-gnu', 'aarch64-linux-gnu']
  .map((arch) => `/usr/lib/${arch}/faketime/libfaketimeMT.so.1`)
  .find((path) => existsSync(path)) ?? '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

// libfaketime reads the offset from the file on every clock call (FAKETIME_NO_CACHE), so a
// write takes effect at the server's next reading of the time.
function makeMovableClock(dataDir) {
  if (!existsSync(fakeTimeLibrary)) throw new Error(`${fakeTimeLibrary} is missing: run scripts/install-deps.sh`);
  const file = join(dataDir, 'test-clock-offset');
  let offset = 0;
  writeFileSync(file, '+0\n');
  return {
    env: {
      LD_PRELOAD: fakeTimeLibrary,
      FAKETIME_TIMESTAMP_FILE: file,
      FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    },
    move: (seconds) => {
      if (!Number.isInteger(seconds) || seconds <= 0) throw new Error('moveClock takes whole seconds forward');
      offset += seconds;
      writeFileSync(file, `+${offset}\n`);
    },
  };
}

/**
 * Waits until `predicate()` resolves truthy, asking every 50 ms; fails the test naming `what`
 * after `timeoutMs`. The bound is a deadline for a hung test, not a claim about speed: how soon a
 * change shows is asserted where time is injected (the unit tests of app::ContentWatch).
 */
export async function waitUntil(what, predicate, { timeoutMs = 10_000 } = {}) {
  const started = Date.now();
  for (;;) {
    if (await predicate()) return;
    if (Date.now() - started > timeoutMs) assert.fail(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** GET (or another method) without following redirects; gives up after 10 s unless told otherwise. */
export function get(url, options = {}) {
  return fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000), ...options });
}

/**
 * Registers before/after hooks that give the calling suite a demo data directory and a server on
 * it, and returns an object whose `data` and `server` are set once the suite runs. `env` goes to
 * the server (see startServer).
 */
export function useDemoServer({ env = {} } = {}) {
  const context = { data: null, server: null };
  before(async () => {
    context.data = makeDataDir();
    context.server = await startServer(context.data.dir, [], { env });
  });
  after(async () => {
    await context.server?.stop();
    context.data?.remove();
  });
  return context;
}

/**
 * Waits, when the wall clock is within `marginSeconds` of the end of a rate limit's window, for
 * the next window to begin. The server's limits count in fixed windows aligned on the clock
 * (app::LocalLimits, app::SharedLimits: ten minutes), so a burst that straddles a boundary is
 * counted in two windows and passes a limit it should meet.
 */
export async function awaitWholeLimitWindow({ windowSeconds = 600, marginSeconds = 20 } = {}) {
  const into = (Date.now() / 1000) % windowSeconds;
  if (into > windowSeconds - marginSeconds)
    await new Promise((resolve) => setTimeout(resolve, (windowSeconds - into + 0.5) * 1000));
}
