// `dateline config`: what an operator asks first when a node behaves oddly: which settings it
// runs with, and which file, variable or flag set each one; secrets masked.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateline, repoRoot } from '../support/dateline.mjs';

const dir = mkdtempSync(join(tmpdir(), 'dateline-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('prints every setting, where it came from, and no password', () => {
  const file = join(dir, 'etc.toml');
  writeFileSync(file, 'db = "postgresql://dateline:hunter2@db.internal/news"\nthreads = 6\n');
  const r = dateline(['config', '--data', dir, '--config', file, '--db', 'postgresql://dateline:s3cret@db2.internal/news'], {
    env: { ...process.env, DATELINE_LOG_FORMAT: 'json' },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.split('\n')[0], `# The settings of ${dir}; configuration file: ${file}`);
  assert.match(r.stdout, /^db = "postgresql:\/\/dateline:\*{8}@db2\.internal\/news"  # flag --db$/m);
  assert.match(r.stdout, new RegExp(`^threads = "6"  # file ${file.replaceAll('.', '\\.')}$`, 'm'));
  assert.match(r.stdout, /^log_format = "json"  # environment DATELINE_LOG_FORMAT$/m);
  assert.match(r.stdout, /^listen = "127\.0\.0\.1:8080"  # default$/m);
  assert.ok(!r.stdout.includes('hunter2') && !r.stdout.includes('s3cret'), 'no password');
  // One line for each option of docs/operations.md's table, and no other.
  const documented = [...readFileSync(join(repoRoot, 'docs/operations.md'), 'utf8')
    .matchAll(/^\| `([a-z_]+)`[^|]*\| `DATELINE_[A-Z_]+` \|/gm)].map((m) => m[1]);
  const printed = r.stdout.trim().split('\n').slice(1).map((line) => line.split(' = ')[0]);
  assert.deepEqual([...printed].sort(), [...documented].sort());
});

test('a bad value is refused as every command refuses it', () => {
  const r = dateline(['config', '--data', dir], { env: { ...process.env, DATELINE_THREADS: 'many' } });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /environment variable DATELINE_THREADS: 'many' is not a valid value for threads/);
});
