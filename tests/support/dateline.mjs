// Runs the real `dateline` binary for the Node test suites: data directories in temporary
// folders, a server on an ephemeral loopback port, CLI commands with their exit codes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** A fresh data directory, initialised (with the demo network unless demo is false). */
export function makeDataDir({ demo = true, publicUrl = 'http://localhost:8080' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-test-'));
  const args = ['init', '--data', dir, '--public-url', publicUrl];
  if (demo) args.push('--demo');
  const r = dateline(args);
  if (r.status !== 0) throw new Error(`dateline init failed (${r.status}): ${r.stderr}`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `dateline serve` on an ephemeral loopback port over `dataDir`. Resolves to
 * { url, port, process, stop() } once the server prints its address; stop() sends SIGTERM and
 * resolves with the exit code (or 'SIGKILL' when it had to be killed).
 */
export function startServer(dataDir, extraArgs = []) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, ['serve', '--data', dataDir, '--listen', '127.0.0.1:0', ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
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

/** GET (or another method) without following redirects; gives up after 10 s unless told otherwise. */
export function get(url, options = {}) {
  return fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000), ...options });
}
