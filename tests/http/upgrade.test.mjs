// An upgrade in place: a network written at schema version 21 (tests/fixtures/upgrade/), the
// schema of an earlier release, served by this one. A migration that fails leaves the database as
// it was, byte for byte; once it can, `dateline serve` migrates it at start, and every story,
// byline, picture, comment, correction, translation, account and API token the old release kept
// is there for readers and the newsroom, with what later migrations added (author pages, the search
// index, related news) made for the old stories too. On SQLite and, with the suite's PostgreSQL
// run, on PostgreSQL.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  backend, dateline, get, makePostgresDatabase, repoRoot, startServer, waitUntil,
} from '../support/dateline.mjs';
import { Browser } from '../support/newsroom.mjs';
import { attr, one, select } from '../support/html.mjs';

const fromVersion = 21;
const token = `dl_${'5eed'.repeat(16)}`;
const scratch = mkdtempSync(join(tmpdir(), 'dateline-upgrade-'));
const data = join(scratch, 'data');
mkdirSync(data);
let database = null;
after(() => {
  rmSync(scratch, { recursive: true, force: true });
  database?.drop();
});

const migrationsDir = join(repoRoot, 'migrations', backend);
const migrations = readdirSync(migrationsDir).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();
const newest = Number(migrations.at(-1).slice(0, 4));

/** Runs SQL on the data directory's database: rows as text, one a line, columns split by |. */
function sql(statement, { input } = {}) {
  const r = backend === 'postgres'
    ? spawnSync('psql', [database.url, '-v', 'ON_ERROR_STOP=1', '-q', '-A', '-t', '-X',
      ...(input === undefined ? ['-c', statement] : ['-1', '-f', '-'])],
    { encoding: 'utf8', input, timeout: 60_000 })
    : spawnSync('sqlite3', ['-bail', join(data, 'dateline.db'), ...(input === undefined ? [statement] : [])],
      { encoding: 'utf8', input, timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** Everything the database holds, schema and rows, as text. */
function dump() {
  const r = backend === 'postgres'
    ? spawnSync('pg_dump', ['--no-owner', '--dbname', database.url], { encoding: 'utf8', timeout: 60_000 })
    : spawnSync('sqlite3', [join(data, 'dateline.db'), '.dump'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  // pg_dump fences its output with a key it draws anew each time (\restrict KEY).
  return r.stdout.replace(/^\\(un)?restrict .*$/gm, '');
}

/**
 * The database as the earlier release left it: its migrations (which never change once released)
 * applied and recorded as its migrator did, then its content. One transaction.
 */
function writeOldNetwork() {
  if (backend === 'postgres') {
    database = makePostgresDatabase();
    writeFileSync(join(data, 'dateline.toml'), `db = "${database.url}"\n`);
  }
  let script = backend === 'sqlite' ? 'BEGIN;\n' : '';
  script += 'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, '
    + 'applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);\n';
  for (const file of migrations.filter((f) => Number(f.slice(0, 4)) <= fromVersion)) {
    script += `${readFileSync(join(migrationsDir, file), 'utf8')}\n;\n`;
    script += `INSERT INTO schema_migrations (version, name) VALUES (${Number(file.slice(0, 4))}, '${file.slice(0, -4)}');\n`;
  }
  script += readFileSync(join(repoRoot, 'tests/fixtures/upgrade/schema-21.sql'), 'utf8');
  if (backend === 'sqlite') script += '\nCOMMIT;\n';
  sql('', { input: script });
  mkdirSync(join(data, 'media', '2026', '11'), { recursive: true });
  copyFileSync(join(repoRoot, 'tests/fixtures/newsml_g2/pictures/harbour-dawn.jpg'),
    join(data, 'media', '2026', '11', 'harbour-dawn.jpg'));
}

test('a released migration never changes: the upgrade would not run it again', () => {
  const listed = readFileSync(join(repoRoot, 'tests/fixtures/upgrade/migrations.sha256'), 'utf8')
    .split('\n').filter((line) => line && !line.startsWith('#'));
  assert.ok(listed.length >= 2 * fromVersion);
  for (const line of listed) {
    const [digest, file] = line.split(/\s+/);
    const now = createHash('sha256').update(readFileSync(join(repoRoot, file))).digest('hex');
    assert.equal(now, digest, `${file} changed after its release: write a new migration instead`);
  }
});

test('an upgrade that fails leaves the database as it was, and one that succeeds keeps every story', async (t) => {
  writeOldNetwork();
  assert.equal(sql('SELECT MAX(version) FROM schema_migrations'), String(fromVersion));
  assert.ok(newest > fromVersion);

  await t.test('a failed migration changes nothing', () => {
    // A table of that name, left by hand, stops 0026 (which creates it) after 0022 to 0025 ran.
    sql('CREATE TABLE wire_sources (id INTEGER)');
    const before = dump();
    const r = dateline(['migrate', '--data', data]);
    const after = dump();
    sql('DROP TABLE wire_sources');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /Migration 0026_create_wire_desk failed/);
    assert.match(r.stderr, /wire_sources/, 'the cause is named');
    assert.equal(sql('SELECT MAX(version) FROM schema_migrations'), String(fromVersion));
    if (after !== before) {
      const lines = (text) => new Set(text.split('\n'));
      const [was, is] = [lines(before), lines(after)];
      assert.fail(`the database changed:\n-${[...was].filter((l) => !is.has(l)).join('\n-')}\n+${[...is].filter((l) => !was.has(l)).join('\n+')}`);
    }
  });

  const server = await startServer(data);
  t.after(() => server.stop());
  const page = async (path) => {
    const res = await get(server.url + path);
    return { status: res.status, html: await res.text() };
  };
  const article = '/en/coast/port-salim-reopens-after-the-storm';
  const arabic = '/ar/sahil/mina-salim-yuid-fath';

  await t.test('serve migrated it to the newest schema', async () => {
    assert.equal(sql('SELECT MAX(version) FROM schema_migrations'), String(newest));
    assert.equal((await get(`${server.url}/readyz`)).status, 200);
  });

  await t.test('readers see the listed stories, and only those', async () => {
    const home = await page('/en/');
    assert.equal(home.status, 200);
    assert.match(home.html, /Harbour Daily/);
    assert.match(home.html, /Port Salim reopens after the storm/);
    assert.match(home.html, /Freight rates ease as ports clear the backlog/);
    for (const hidden of ['Draft: the dredging plan', 'Withdrawn ferry timetable', 'the lighthouse centenary'])
      assert.ok(!home.html.includes(hidden), `${hidden} is not on the home page`);
    assert.equal((await page('/en/coast/draft-dredging-plan')).status, 404);
    assert.equal((await page('/en/coast/withdrawn-ferry-timetable')).status, 404);
  });

  await t.test('a story keeps its anatomy, its comments, its correction and its translation', async () => {
    const { status, html } = await page(article);
    assert.equal(status, 200);
    assert.match(one(html, { tag: 'h1' }).text, /Port Salim reopens after the storm/);
    assert.match(html, /Nadia Farouk/);
    assert.match(html, /Tomas Reyes/);
    assert.match(html, /PORT SALIM/);
    assert.match(html, /Harbour Wire/);
    assert.match(html, /The first tanker passes the breakwater at dawn\./);
    assert.match(html, /Dock crews cleared two cranes toppled by the gusts\./);
    assert.match(html, /it was eleven\./);
    assert.match(html, /Good to see the cranes up/);
    assert.ok(!html.includes('Still waiting for moderation'), 'a comment waiting for moderation stays hidden');
    const picture = select(html, { tag: 'img' }).map((img) => attr(img.token, 'src'))
      .find((src) => src?.includes('harbour-dawn'));
    assert.ok(picture, 'the lead picture is on the page');
    const image = await get(new URL(picture, server.url).href);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/jpeg');
    assert.match(html, new RegExp(`hreflang="ar"[^>]*href="[^"]*${arabic}|href="[^"]*${arabic}"[^>]*hreflang="ar"`));

    const ar = await page(arabic);
    assert.equal(ar.status, 200);
    assert.match(ar.html, /<html[^>]*dir="rtl"/);
    assert.match(ar.html, /ميناء سالم يعيد فتح أبوابه بعد العاصفة/);
    assert.match(ar.html, /خبر طيب/);
  });

  await t.test('listings added since then list the old stories: tags, and authors from their bylines', async () => {
    const tag = await page('/en/tags/ports/');
    assert.equal(tag.status, 200);
    assert.match(tag.html, /Port Salim reopens after the storm/);
    assert.match(tag.html, /Freight rates ease/);
    assert.ok(!tag.html.includes('Withdrawn ferry timetable'));
    const author = await page('/en/authors/tomas-reyes/');
    assert.equal(author.status, 200);
    assert.match(author.html, /Port Salim reopens after the storm/);
    assert.match(author.html, /Freight rates ease/);
  });

  await t.test('the old stories are indexed for search, and given related news, as the server runs', async () => {
    await waitUntil('the search finding the old story', async () => (await page('/en/search?q=breakwater')).html
      .includes(`href="${article}"`), { timeoutMs: 20_000 });
    await waitUntil('related news on the old story', async () => {
      const { html } = await page(article);
      return html.includes('class="related') && /class="related[\s\S]*Freight rates ease/.test(html);
    }, { timeoutMs: 20_000 });
    await waitUntil('the Arabic search finding the old story', async () => (await page(
      `/ar/search?q=${encodeURIComponent('الميناء')}`)).html.includes(`href="${arabic}"`), { timeoutMs: 20_000 });
  });

  await t.test('the accounts sign in with their passwords, and the API token still works', async () => {
    const desk = new Browser(server.url);
    const signedIn = await desk.signIn('editor@harbour.example');
    assert.equal(signedIn.status, 303);
    const list = await desk.request('/newsroom/articles');
    assert.equal(list.status, 200);
    assert.match(await list.text(), /Draft: the dredging plan/);

    const api = (method, path, body) => get(`${server.url}/api/v1${path}`, {
      method,
      body: body && JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    const made = await api('POST', '/articles', {
      headlines: [{ role: 'main', value: 'Tugboat crews return to a full roster' }],
      bodies: [{ role: 'source', contentType: 'text/markdown', value: 'The last crew came back on Monday.' }],
      dateline: { site: 'en', section: 'coast' },
    });
    const story = await made.json();
    assert.equal(made.status, 201, JSON.stringify(story));
    const path = new URL(story.uri).pathname.replace('/api/v1', '');
    const id = Number(path.split('/').at(-1));
    assert.ok(id > 6, `a new story takes a new id (${id}), after the old ones`);
    const published = await api('POST', `${path}/publish`, {});
    assert.equal(published.status, 200, await published.text());
    await waitUntil('the new story on the home page', async () => (await page('/en/')).html
      .includes('Tugboat crews return to a full roster'));
  });
});
