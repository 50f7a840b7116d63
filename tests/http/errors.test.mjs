// A failing database gives each site's 500 page in its own language, never a database message,
// and the server keeps serving what it can.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { get, useDemoServer } from '../support/dateline.mjs';

const demo = useDemoServer();

before(() => {
  // Break the schema under the running server: every article listing now fails.
  demo.data.sql('ALTER TABLE articles RENAME TO articles_gone');
});

test('the English site answers 500 with its own error page', async () => {
  const res = await get(`${demo.server.url}/en/`);
  assert.equal(res.status, 500);
  assert.match(res.headers.get('content-type'), /text\/html/);
  const html = await res.text();
  assert.match(html, /<html lang="en" dir="ltr"[ >]/);
  assert.match(html, /Something went wrong/);
  assert.doesNotMatch(html, /articles_gone|sqlite|postgres|no such table|does not exist/i);
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('the Arabic site answers 500 in Arabic, right to left', async () => {
  const res = await get(`${demo.server.url}/ar/`);
  assert.equal(res.status, 500);
  const html = await res.text();
  assert.match(html, /<html lang="ar" dir="rtl"[ >]/);
  assert.match(html, /حدث خطأ ما/);
  assert.doesNotMatch(html, /articles_gone|sqlite|postgres|no such table|does not exist/i);
});

test('a missing page still offers the search when its latest stories cannot be read', async () => {
  const res = await get(`${demo.server.url}/en/no-such-page`);
  assert.equal(res.status, 404);
  const html = await res.text();
  assert.match(html, /Page not found/);
  assert.match(html, /<form class="search__form" action="\/en\/search"/);
  assert.doesNotMatch(html, /Latest news/);
  assert.doesNotMatch(html, /articles_gone|sqlite|no such table/i);
});

test('what does not need the broken table is still served', async () => {
  const health = await get(`${demo.server.url}/healthz`);
  assert.equal(health.status, 200);
  const css = await get(`${demo.server.url}/assets/css/site.css`);
  assert.equal(css.status, 200);
});
