// Rendered pages are cached, validated with ETags, and dropped when the content changes, here
// through the CLI while the server runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dateline, get, repoRoot, useDemoServer, waitUntil } from '../support/dateline.mjs';

const demo = useDemoServer();

test('a page is rendered once, then served from the cache', async () => {
  const first = await get(`${demo.server.url}/en/world/`);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('x-dateline-cache'), 'miss');
  const body = await first.text();
  const second = await get(`${demo.server.url}/en/world/`);
  assert.equal(second.headers.get('x-dateline-cache'), 'hit');
  assert.equal(await second.text(), body);
  assert.equal(second.headers.get('content-type'), first.headers.get('content-type'));
  assert.match(second.headers.get('content-security-policy'), /default-src 'self'/);
});

test('a matching If-None-Match gets 304 without a body', async () => {
  const page = await get(`${demo.server.url}/ar/`);
  const etag = page.headers.get('etag');
  assert.match(etag, /^"[0-9a-f]{16}"$/);
  const again = await get(`${demo.server.url}/ar/`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const other = await get(`${demo.server.url}/ar/`, { headers: { 'If-None-Match': '"0000000000000000"' } });
  assert.equal(other.status, 200);
});

test('queries other than a page position are not cached', async () => {
  const res = await get(`${demo.server.url}/en/?utm_source=x`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('x-dateline-cache'), null);
});

test('a story imported while the server runs reaches its section page without a restart', async () => {
  const before = await (await get(`${demo.server.url}/en/region/`)).text();
  assert.equal((await get(`${demo.server.url}/en/region/`)).headers.get('x-dateline-cache'), 'hit');
  const fixture = join(repoRoot, 'tests/fixtures/ninjs/ninjs-plain-text-body.json');
  const r = dateline(['import', '--data', demo.data.dir, '--site', 'en', '--section', 'region', '--publish', fixture]);
  assert.equal(r.status, 0, r.stderr);
  const url = r.stdout.trim();
  const path = new URL(url).pathname;
  assert.equal(before.includes(path), false);
  await waitUntil(`the new story (${path}) on the section page`,
    async () => (await (await get(`${demo.server.url}/en/region/`)).text()).includes(path));
});
