// A failing database gives each site's 500 page in its own language, never a database message,
// and the server keeps serving what it can.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeDataDir, startServer, get } from '../support/dateline.mjs';

let data;
let server;

before(async () => {
  data = makeDataDir();
  server = await startServer(data.dir);
  // Break the schema under the running server: every article listing now fails.
  const r = spawnSync('sqlite3', [join(data.dir, 'dateline.db'), 'DROP TABLE article_tags;'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

after(async () => {
  await server?.stop();
  data?.remove();
});

test('the English site answers 500 with its own error page', async () => {
  const res = await get(`${server.url}/en/`);
  assert.equal(res.status, 500);
  assert.match(res.headers.get('content-type'), /text\/html/);
  const html = await res.text();
  assert.match(html, /<html lang="en" dir="ltr">/);
  assert.match(html, /Something went wrong/);
  assert.doesNotMatch(html, /article_tags|sqlite|no such table/i);
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('the Arabic site answers 500 in Arabic, right to left', async () => {
  const res = await get(`${server.url}/ar/`);
  assert.equal(res.status, 500);
  const html = await res.text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /حدث خطأ ما/);
  assert.doesNotMatch(html, /article_tags|sqlite|no such table/i);
});

test('what does not need the broken table is still served', async () => {
  const health = await get(`${server.url}/healthz`);
  assert.equal(health.status, 200);
  const css = await get(`${server.url}/assets/css/site.css`);
  assert.equal(css.status, 200);
});
