// Several nodes on one PostgreSQL: a change reaches every node without a restart, an outage gives a
// fast 503 in the site's language (cached pages keep being served) and heals by itself, and a
// whole network moves SQLite -> PostgreSQL -> SQLite with every page byte for byte the same.
// Runs in the PostgreSQL pass of the suite (DATELINE_TEST_POSTGRES set).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goodFields, postForm } from '../support/comments.mjs';
import {
  backend, dateline, get, makeDataDir, makePostgresDatabase, repoRoot, startServer, waitUntil,
} from '../support/dateline.mjs';

const skip = backend !== 'postgres' && 'needs the PostgreSQL test cluster (the http_postgres pass)';
const cluster = join(repoRoot, 'scripts/postgres-test-cluster.sh');

describe('two nodes on one database', { skip }, () => {
  let data;
  let nodes = [];

  before(async () => {
    data = makeDataDir();
    nodes = [await startServer(data.dir), await startServer(data.dir)];
  });
  after(async () => {
    for (const n of nodes) await n.stop();
    data?.remove();
  });

  test('a story published anywhere is served by both nodes', async () => {
    for (const n of nodes) {
      await get(`${n.url}/en/region/`);
      assert.equal((await get(`${n.url}/en/region/`)).headers.get('x-dateline-cache'), 'hit');
    }
    const fixture = join(repoRoot, 'tests/fixtures/ninjs/ninjs-plain-text-body.json');
    const r = dateline(['import', '--data', data.dir, '--site', 'en', '--section', 'region', '--publish', fixture]);
    assert.equal(r.status, 0, r.stderr);
    const path = new URL(r.stdout.trim()).pathname;
    for (const n of nodes)
      await waitUntil(`node ${n.port} showing ${path}`, async () => (await (await get(`${n.url}/en/region/`)).text()).includes(path));
  });
});

describe('a database outage', { skip }, () => {
  let root;
  let database;
  let data;
  let server;
  const pgUrl = () => `postgresql://postgres@/postgres?host=${root}/socket&port=55432`;

  before(async () => {
    // A cluster of its own: stopping it must not disturb the other tests.
    root = mkdtempSync(join(tmpdir(), 'dateline-outage-'));
    const started = spawnSync(cluster, ['start', root], { encoding: 'utf8' });
    assert.equal(started.status, 0, started.stderr);
    database = makePostgresDatabase(pgUrl());
    data = mkdtempSync(join(tmpdir(), 'dateline-outage-data-'));
    writeFileSync(join(data, 'dateline.toml'), `db = "${database.url}"\n`);
    const init = dateline(['init', '--data', data, '--demo']);
    assert.equal(init.status, 0, init.stderr);
    server = await startServer(data);
  });
  after(async () => {
    await server?.stop();
    spawnSync(cluster, ['stop', root]);
    rmSync(data, { recursive: true, force: true });
  });

  test('pages answer while PostgreSQL is down and the node recovers by itself', async () => {
    const cached = await get(`${server.url}/en/`);
    assert.equal(cached.status, 200);
    const cachedBody = await cached.text();
    const storyPath = cachedBody.match(/class="card__headline"><a href="([^"]+)"/)[1];

    assert.equal(spawnSync(cluster, ['pause', root]).status, 0);

    // A page in the cache is still served.
    const during = await get(`${server.url}/en/`);
    assert.equal(during.status, 200);
    assert.equal(await during.text(), cachedBody);

    // A page that needs the database gets a fast 503 in the site's language.
    for (const [path, lang, text] of [['/en/business/', 'en', 'The site is busy'], ['/ar/world/', 'ar', 'الموقع مشغول']]) {
      const t0 = Date.now();
      const res = await get(`${server.url}${path}`);
      const elapsed = Date.now() - t0;
      assert.equal(res.status, 503, path);
      assert.ok(elapsed < 2500, `503 took ${elapsed} ms`);
      assert.equal(res.headers.get('retry-after'), '5');
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      assert.ok(html.includes(text), path);
      assert.doesNotMatch(html, /postgres|connection|socket/i);
    }
    assert.equal(server.process.exitCode, null, 'the node must not exit during the outage');

    // A comment sent during the outage is not lost: the 503 page holds it, ready to send again.
    const comment = 'Written while the database was down.\n\nSecond paragraph <kept>.';
    const refused = await postForm(`${server.url}${storyPath}`, goodFields({ title: 'Outage "proof"', comment }));
    assert.equal(refused.status, 503);
    const kept = await refused.text();
    assert.match(kept, /Your comment is safe/);
    assert.match(kept, new RegExp(`<form method="post" action="${storyPath}#comment-form">`));
    assert.match(kept, /name="title" value="Outage &quot;proof&quot;"/);
    assert.ok(kept.includes('Written while the database was down.\n\nSecond paragraph &lt;kept&gt;.'));

    assert.equal(spawnSync(cluster, ['resume', root]).status, 0);
    await waitUntil('the node serving again', async () => (await get(`${server.url}/en/business/`)).status === 200);
    assert.equal(server.process.exitCode, null);
    assert.equal(await server.stop(), 0);
    server = null;
  });
});

describe('copying a network between backends', { skip }, () => {
  const dirs = [];
  let database;
  const servers = [];

  after(async () => {
    for (const s of servers) await s.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    database?.drop();
  });

  test('SQLite -> PostgreSQL -> SQLite keeps every page byte for byte', async () => {
    const first = mkdtempSync(join(tmpdir(), 'dateline-copy-a-'));
    const last = mkdtempSync(join(tmpdir(), 'dateline-copy-c-'));
    dirs.push(first, last);
    assert.equal(dateline(['init', '--data', first, '--demo']).status, 0);
    // Newsroom accounts travel with the network, password hashes and sites included.
    const added = dateline(['user', 'add', '--data', first, '--email', 'desk@news.example', '--role', 'editor',
      '--site', 'ar', '--password-file', '-'], { input: 'a long enough passphrase\n' });
    assert.equal(added.status, 0, added.stderr);
    database = makePostgresDatabase();
    const there = dateline(['copy', '--from', `sqlite:${join(first, 'dateline.db')}`, '--to', database.url]);
    assert.equal(there.status, 0, there.stderr);
    const back = dateline(['copy', '--from', database.url, '--to', `sqlite:${join(last, 'dateline.db')}`]);
    assert.equal(back.status, 0, back.stderr);
    const rows = Number(there.stdout.match(/Copied (\d+) rows/)[1]);
    assert.ok(rows > 300, there.stdout);
    assert.equal(back.stdout, there.stdout);
    cpSync(join(first, 'media'), join(last, 'media'), { recursive: true });
    const accounts = (dir) => dateline(['user', 'list', '--data', dir]).stdout;
    assert.match(accounts(first), /desk@news\.example\teditor\tar\tactive/);
    assert.equal(accounts(last), accounts(first));
    const hash = (dir) => spawnSync('sqlite3', [join(dir, 'dateline.db'), 'SELECT password_hash FROM users'], { encoding: 'utf8' }).stdout;
    assert.match(hash(last), /^\$argon2id\$/);
    assert.equal(hash(last), hash(first));

    // Copying into a database that already holds a network is refused, and changes nothing.
    const again = dateline(['copy', '--from', `sqlite:${join(first, 'dateline.db')}`, '--to', database.url]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already holds a network/);

    const a = await startServer(first);
    const c = await startServer(last);
    servers.push(a, c);
    const home = await (await get(`${a.url}/en/`)).text();
    const article = home.match(/class="card__headline"><a href="([^"]+)"/)[1];
    const arHome = await (await get(`${a.url}/ar/`)).text();
    const arArticle = arHome.match(/class="card__headline"><a href="([^"]+)"/)[1];
    const tag = (await (await get(`${a.url}${article}`)).text()).match(/href="(\/en\/tags\/[^"]+)"/)[1];
    for (const path of ['/en/', '/ar/', '/en/business/', '/ar/culture/', article, arArticle, tag, '/en/nowhere']) {
      const [x, y] = await Promise.all([get(`${a.url}${path}`), get(`${c.url}${path}`)]);
      assert.equal(x.status, y.status, path);
      assert.equal(await x.text(), await y.text(), `${path} differs after the round trip`);
    }
  });
});

describe('dateline migrate', () => {
  test('brings a new database to the current schema and is idempotent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-migrate-'));
    try {
      const url = `sqlite:${join(dir, 'fresh.db')}`;
      const first = dateline(['migrate', '--db', url]);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /^Applied [1-9]\d* migration\(s\); the schema is at version \d+\.\n$/);
      const again = dateline(['migrate', '--db', url]);
      assert.equal(again.status, 0);
      assert.match(again.stdout, /^Applied 0 migration\(s\)/);
      assert.equal(dateline(['migrate']).status, 2);
      if (backend === 'postgres') {
        const database = makePostgresDatabase();
        try {
          const pg = dateline(['migrate', '--db', database.url]);
          assert.equal(pg.status, 0, pg.stderr);
          assert.match(pg.stdout, /^Applied [1-9]/);
        } finally {
          database.drop();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
