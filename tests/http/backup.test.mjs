// Backups an operator can trust: `dateline backup` while the network is served and written to,
// `dateline restore` into an empty data directory (and database), every page the same as the
// original's; a damaged, hostile or misplaced restore refused with nothing left behind. On SQLite
// and, with the suite's PostgreSQL run, on PostgreSQL (restored there and into SQLite).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  backend, binary, dateline, get, makePostgresDatabase, useDemoServer,
} from '../support/dateline.mjs';
import { addUser } from '../support/newsroom.mjs';

const demo = useDemoServer();
const scratch = mkdtempSync(join(tmpdir(), 'dateline-backup-'));
const databases = [];
after(() => {
  rmSync(scratch, { recursive: true, force: true });
  for (const d of databases) d.drop();
});

/** `dateline ARGS` without blocking the event loop (the write load runs beside it). */
function datelineAsync(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** An empty place to restore into: a folder, with a database of its own on PostgreSQL. */
function emptyTarget(name) {
  const dir = join(scratch, name);
  if (backend === 'postgres') {
    const database = makePostgresDatabase();
    databases.push(database);
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'dateline.toml'), `db = "${database.url}"\n`);
  }
  return dir;
}

/** Every file `dateline export` writes of a data directory: path -> bytes. */
function exported(dir, name) {
  const out = join(scratch, `export-${name}`);
  const r = dateline(['export', '--data', dir, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const files = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(out, path), readFileSync(path));
    }
  };
  walk(out);
  return files;
}

function samePages(original, restored) {
  assert.ok(original.size > 100, `${original.size} files exported`);
  assert.deepEqual([...restored.keys()].sort(), [...original.keys()].sort());
  for (const [path, bytes] of original) assert.ok(bytes.equals(restored.get(path)), `${path} differs`);
}

test('a backup made while stories are published restores whole, and a quiet one page for page', async () => {
  addUser(demo.data.dir, 'backup-editor@news.example', 'editor', ['en']);
  const token = dateline(['token', 'add', '--data', demo.data.dir, '--email', 'backup-editor@news.example']).stdout.trim();
  const api = async (method, path, body) => {
    const res = await get(`${demo.server.url}/api/v1${path}`, {
      method, body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    return { status: res.status, body: await res.json() };
  };
  const storiesBefore = Number(demo.data.sql('SELECT COUNT(*) FROM articles').trim());
  // Stories written and published as fast as the API takes them, while the backup runs.
  let writing = true;
  let published = 0;
  const load = (async () => {
    while (writing) {
      const made = await api('POST', '/articles', {
        headlines: [{ role: 'main', value: `Harbour night shift report ${published + 1}` }],
        bodies: [{ role: 'source', contentType: 'text/markdown', value: 'Cranes worked through the night.\nThe port said so.' }],
        subjects: [{ name: 'Harbour' }],
        dateline: { site: 'en', section: 'region' },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const path = new URL(made.body.uri).pathname.replace('/api/v1', '');
      assert.equal((await api('POST', `${path}/publish`, {})).status, 200);
      published += 1;
    }
  })();
  await new Promise((r) => setTimeout(r, 300));
  const busy = join(scratch, 'busy.tar.gz');
  const made = await datelineAsync(['backup', '--data', demo.data.dir, '--to', busy]);
  writing = false;
  await load;
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /^Backed up the network \(schema version \d+, \d+ files\) to .*busy\.tar\.gz\.\n$/);
  assert.ok(published >= 2, `${published} stories published during the test`);
  assert.ok(!existsSync(`${busy}.partial`) && !existsSync(`${busy}.partial-db`), 'nothing left beside it');

  // The busy backup is whole: it restores, its every page renders, and it holds the stories of
  // one moment of the load, each with its revisions and tags.
  const busyTarget = emptyTarget('busy');
  const restored = dateline(['restore', '--data', busyTarget, '--from', busy]);
  assert.equal(restored.status, 0, restored.stderr);
  const sql = (statement) => (backend === 'postgres'
    ? spawnSync('psql', [readFileSync(join(busyTarget, 'dateline.toml'), 'utf8').match(/db = "(.*)"/)[1], '-A', '-t', '-c', statement], { encoding: 'utf8' }).stdout
    : spawnSync('sqlite3', [join(busyTarget, 'dateline.db'), statement], { encoding: 'utf8' }).stdout);
  const storiesThen = Number(sql('SELECT COUNT(*) FROM articles').trim());
  assert.ok(storiesThen >= storiesBefore && storiesThen <= storiesBefore + published + 1,
    `${storiesThen} stories, between ${storiesBefore} and ${storiesBefore + published + 1}`);
  assert.equal(sql('SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id)').trim(), '0');
  exported(busyTarget, 'busy');

  // Once the writing stopped, a backup restores to a network whose every page is the original's.
  const quiet = join(scratch, 'quiet.tar');
  assert.equal(dateline(['backup', '--data', demo.data.dir, '--to', quiet]).status, 0);
  const quietTarget = emptyTarget('quiet');
  const again = dateline(['restore', '--data', quietTarget, '--from', quiet]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /^Restored the network backed up on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+ files\) into /m);
  samePages(exported(demo.data.dir, 'original'), exported(quietTarget, 'quiet'));
  // Its pictures too, byte for byte.
  for (const file of readdirSync(join(demo.data.dir, 'media')))
    assert.ok(readFileSync(join(demo.data.dir, 'media', file)).equals(readFileSync(join(quietTarget, 'media', file))), file);

  // A PostgreSQL network's backup also restores into SQLite, page for page.
  if (backend === 'postgres') {
    const intoSqlite = join(scratch, 'into-sqlite');
    const r = spawnSync(binary, ['restore', '--data', intoSqlite, '--from', quiet], { encoding: 'utf8', env: { ...process.env } });
    assert.equal(r.status, 0, r.stderr);
    samePages(exported(demo.data.dir, 'original-2'), exported(intoSqlite, 'into-sqlite'));
  }
});

/** A tar archive of `entries` ({ name, data, type }) written by Python's tarfile. */
function craftedArchive(name, entries) {
  const file = join(scratch, name);
  const script = `
import io, json, sys, tarfile
entries = json.load(sys.stdin)
with tarfile.open(sys.argv[1], "w") as tar:
    for e in entries:
        info = tarfile.TarInfo(e["name"])
        data = e.get("data", "").encode()
        if e.get("type") == "symlink":
            info.type = tarfile.SYMTYPE
            info.linkname = "/etc/passwd"
            tar.addfile(info)
        else:
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
`;
  const r = spawnSync('python3', ['-c', script, file], { input: JSON.stringify(entries), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return file;
}

test('a restore into a place that holds data, or of a damaged or hostile file, is refused and leaves nothing', () => {
  const quiet = join(scratch, 'refusals.tar');
  assert.equal(dateline(['backup', '--data', demo.data.dir, '--to', quiet]).status, 0);
  const over = dateline(['restore', '--data', demo.data.dir, '--from', quiet]);
  assert.equal(over.status, 1);
  assert.match(over.stderr, backend === 'postgres' ? /holds files already|already holds a network/ : /holds a database already; restore into an empty data directory/);

  const manifest = JSON.stringify({ format: 1, schema_version: 1, backend: 'sqlite', created_at: 0, files: 1 });
  const whole = readFileSync(quiet);
  const truncated = join(scratch, 'truncated.tar');
  writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const cases = [
    [truncated, /The backup is damaged|shorter than it says|incomplete/],
    [join(scratch, 'refusals.tar.missing'), /cannot be read/],
    [craftedArchive('not-ours.tar', [{ name: 'notes.txt', data: 'hello' }]), /not a Dateline backup: it does not begin with backup\.json/],
    [craftedArchive('climbs-out.tar', [{ name: 'backup.json', data: manifest }, { name: 'dateline.db', data: '' }, { name: 'media/../../escaped.jpg', data: 'x' }]), /holds 'media\/\.\.\/\.\.\/escaped\.jpg', which a backup does not/],
    [craftedArchive('absolute.tar', [{ name: 'backup.json', data: manifest }, { name: '/tmp/dateline-owned.jpg', data: 'x' }]), /which a backup does not/],
    [craftedArchive('links.tar', [{ name: 'backup.json', data: manifest }, { name: 'media/a.jpg', type: 'symlink' }]), /'media\/a\.jpg', which is not a plain file/],
    [craftedArchive('future.tar', [{ name: 'backup.json', data: JSON.stringify({ format: 2, schema_version: 1, backend: 'sqlite' }) }]), /format 2, which this program does not read/],
    [craftedArchive('counted.tar', [{ name: 'backup.json', data: manifest }, { name: 'dateline.db', data: '' }]), /holds 0 files of the 1 its manifest lists/],
  ];
  for (const [file, message] of cases) {
    const target = emptyTarget(`refused-${relative(scratch, file)}`);
    const r = dateline(['restore', '--data', target, '--from', file]);
    assert.equal(r.status, 1, `${file}: ${r.stdout}`);
    assert.match(r.stderr, message, file);
    const left = existsSync(target) ? readdirSync(target).filter((f) => f !== 'dateline.toml') : [];
    assert.deepEqual(left, [], `${file}: nothing is left in the target`);
  }
  assert.ok(!existsSync('/tmp/dateline-owned.jpg') && !existsSync(join(scratch, 'escaped.jpg')));
  assert.ok(statSync(quiet).size > 0);
});
