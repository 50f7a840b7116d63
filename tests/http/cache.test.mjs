// Rendered pages are cached, validated with ETags, and dropped when the content changes, here
// through the CLI while the server runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { dateline, get, repoRoot, useDemoServer, waitUntil } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

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

test('a hit says everything a miss says, and every response carries the date (RFC 9110 6.6.1)', async () => {
  const varies = new Set(['x-dateline-cache', 'x-request-id', 'date']);
  // Three requests of each coding: a fourth would be sent the thorough body, another ETag.
  for (const coding of ['identity', 'gzip', 'br']) {
    const path = '/en/business/';
    const headers = { 'Accept-Encoding': coding };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await get(`${demo.server.url}${path}`, { headers }));
    const states = answers.map((r) => r.headers.get('x-dateline-cache'));
    assert.equal(states.at(-1), 'hit', `${coding}: ${states}`);
    const fields = (r) => [...r.headers].filter(([name]) => !varies.has(name));
    for (const r of answers) {
      assert.deepEqual(fields(r), fields(answers[0]), `${coding}: the same fields, hit or not`);
      const date = Date.parse(r.headers.get('date'));
      assert.ok(Math.abs(date - Date.now()) < 60_000, `${coding}: a Date near now: ${r.headers.get('date')}`);
    }
  }
  for (const path of ['/healthz', '/no-such-page', '/assets/css/site.css']) {
    const r = await get(`${demo.server.url}${path}`);
    assert.match(r.headers.get('date') ?? '', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/, path);
  }
});

test('a matching If-None-Match gets 304 without a body', async () => {
  const page = await get(`${demo.server.url}/ar/`);
  const etag = page.headers.get('etag');
  assert.match(etag, /^"[0-9a-f]{16}(-br|-gzip)?(-fast)?"$/);
  const again = await get(`${demo.server.url}/ar/`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const other = await get(`${demo.server.url}/ar/`, { headers: { 'If-None-Match': '"0000000000000000"' } });
  assert.equal(other.status, 200);
});

test('a cached page says what it shows and since when, for browsers and a CDN in front', async () => {
  const first = await get(`${demo.server.url}/en/region/`);
  const keys = first.headers.get('surrogate-key').split(' ');
  assert.ok(keys.some((k) => k.startsWith('section:')), 'its listing');
  assert.ok(keys.some((k) => k.startsWith('story:')), 'the stories on it');
  assert.ok(keys.some((k) => k.startsWith('site:')), 'its site');
  assert.match(first.headers.get('cache-control'), /stale-while-revalidate=\d+/);
  const lastModified = first.headers.get('last-modified');
  assert.match(lastModified, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  const since = await get(`${demo.server.url}/en/region/`, { headers: { 'If-Modified-Since': lastModified } });
  assert.equal(since.status, 304);
  const earlier = new Date(Date.parse(lastModified) - 3600_000).toUTCString();
  assert.equal((await get(`${demo.server.url}/en/region/`, { headers: { 'If-Modified-Since': earlier } })).status, 200);
  // A matching ETag decides alone: If-Modified-Since is not read beside If-None-Match.
  const mismatch = await get(`${demo.server.url}/en/region/`,
    { headers: { 'If-None-Match': '"0000000000000000"', 'If-Modified-Since': lastModified } });
  assert.equal(mismatch.status, 200);
});

/** GET with the raw body as sent (no decoding): { status, headers, body: Buffer }. */
function rawGet(path, headers = {}, options = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${demo.server.url}${path}`, { headers, timeout: 10_000, ...options }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('pages go compressed to readers who accept it, compressed once, each coding its own ETag', async () => {
  const plain = await rawGet('/ar/');
  const html = plain.body.toString('utf8');
  assert.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding: the page as it is');
  assert.match(plain.headers.vary, /Accept-Encoding/);
  const br = await rawGet('/ar/', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['x-dateline-cache'], 'hit', 'the kept page');
  assert.equal(brotliDecompressSync(br.body).toString('utf8'), html);
  assert.ok(br.body.length < html.length / 3, `${br.body.length} bytes for ${Buffer.byteLength(html)}`);
  assert.equal(Number(br.headers['content-length']), br.body.length);
  const gz = await rawGet('/ar/', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.body).toString('utf8'), html);
  const etags = new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]);
  assert.equal(etags.size, 3, 'three representations, three validators');
  const again = await rawGet('/ar/', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  // RFC 9110, 15.4.5: the 304 says what its 200 would, so that a cache can refresh its copy.
  for (const field of ['etag', 'cache-control', 'vary', 'last-modified', 'content-encoding'])
    assert.equal(again.headers[field], br.headers[field], field);
  assert.equal(again.headers['content-length'], undefined);
  const other = await rawGet('/ar/', { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag });
  assert.equal(other.status, 200, 'the Brotli validator does not stand for the gzip body');
});

test('a page read again is compressed again, tighter, under a validator of its own', async () => {
  const path = '/en/technology/';
  const plain = (await rawGet(path)).body.toString('utf8');
  const sent = [];
  for (let i = 0; i < 5; i++) sent.push(await rawGet(path, { 'accept-encoding': 'br' }));
  for (const r of sent) {
    assert.equal(r.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(r.body).toString('utf8'), plain, 'every body is the page');
  }
  const first = sent[0];
  const last = sent.at(-1);
  assert.match(first.headers.etag, /-br-fast"$/, 'first compressed fast');
  assert.match(last.headers.etag, /^"[0-9a-f]{16}-br"$/, 'then thoroughly, once read again');
  assert.equal(last.headers.etag.slice(0, 17), first.headers.etag.slice(0, 17), 'the same page');
  assert.ok(last.body.length < first.body.length, `${last.body.length} bytes, was ${first.body.length}`);
  // A reader holding the fast body is sent the tighter one rather than told to keep theirs.
  const revalidated = await rawGet(path, { 'accept-encoding': 'br', 'if-none-match': first.headers.etag });
  assert.equal(revalidated.status, 200);
  assert.equal(revalidated.headers.etag, last.headers.etag);
});

test('a large kept page goes whole to readers at once and one after another on a connection, and HEAD gets its length alone', async () => {
  await rawGet('/en/');
  const kept = await rawGet('/en/');
  assert.equal(kept.headers['x-dateline-cache'], 'hit');
  assert.ok(kept.body.length > 16 * 1024, `${kept.body.length} bytes: a body the server sends from its file`);
  assert.equal(Number(kept.headers['content-length']), kept.body.length);
  const whole = (r, what) => {
    assert.equal(r.status, 200, what);
    assert.equal(Number(r.headers['content-length']), r.body.length, what);
    assert.ok(r.body.equals(kept.body), `${what}: the kept page, byte for byte`);
  };
  const together = await Promise.all(Array.from({ length: 24 }, () => rawGet('/en/', {}, { agent: false })));
  together.forEach((r, i) => whole(r, `reader ${i}`));
  // One connection: each response's head starts where the body before it ends.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < 6; i++) {
      if (i % 2) {
        const gz = await rawGet('/en/', { 'accept-encoding': 'gzip' }, { agent });
        assert.equal(gunzipSync(gz.body).toString('utf8'), kept.body.toString('utf8'), `gzip ${i}`);
      } else {
        whole(await rawGet('/en/', {}, { agent }), `request ${i} on one connection`);
      }
    }
  } finally {
    agent.destroy();
  }
  const head = await rawGet('/en/', {}, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(Number(head.headers['content-length']), kept.body.length);
  assert.equal(head.body.length, 0);
});

test('queries other than a page position are not cached', async () => {
  const res = await get(`${demo.server.url}/en/?utm_source=x`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('x-dateline-cache'), null);
});

test('a story imported while the server runs reaches its pages; the pages that cannot show it stay cached', async () => {
  const page = async (path) => {
    const res = await get(`${demo.server.url}${path}`);
    return { cache: res.headers.get('x-dateline-cache'), html: await res.text() };
  };
  // A story of another section that does not share the new story's tags, and its listing.
  const sport = (await page('/en/sport/')).html.match(/class="card__headline"><a href="([^"]+)"/)[1];
  const watched = ['/en/', '/en/region/', '/en/sport/', sport, '/ar/'];
  for (const path of watched) await page(path);
  for (const path of watched) assert.equal((await page(path)).cache, 'hit', `${path} is cached`);

  const fixture = join(repoRoot, 'tests/fixtures/ninjs/ninjs-plain-text-body.json');
  const r = dateline(['import', '--data', demo.data.dir, '--site', 'en', '--section', 'region', '--publish', fixture]);
  assert.equal(r.status, 0, r.stderr);
  const path = new URL(r.stdout.trim()).pathname;
  await waitUntil(`the new story (${path}) on the section page`,
    async () => (await page('/en/region/')).html.includes(path));
  assert.equal((await page('/en/')).cache, 'miss', 'the home page, where new stories lead, was dropped');
  assert.ok((await page('/en/tags/libraries/')).html.includes(path), 'its tag lists it');
  for (const untouched of ['/en/sport/', sport, '/ar/'])
    assert.equal((await page(untouched)).cache, 'hit', `${untouched} stays cached`);
});

test('a story edited or its section renamed while the server runs shows so on the related news of the stories listing it', async () => {
  const page = async (path) => {
    const res = await get(`${demo.server.url}${path}`);
    return { cache: res.headers.get('x-dateline-cache'), html: await res.text() };
  };
  // A story and one of the stories its related news lists, by hand-made SQL as another tool
  // would write: the node hears of it through the database alone.
  const [path, related, section] = demo.data.sql(`SELECT '/en/' || s.slug || '/' || a.slug, b.id, bs.id
    FROM related_stories r JOIN articles a ON a.id = r.article_id JOIN articles b ON b.id = r.related_id
    JOIN sections s ON s.id = a.section_id JOIN sections bs ON bs.id = b.section_id
    JOIN sites si ON si.id = a.site_id
    WHERE si.slug = 'en' AND a.status = 'published' AND b.status = 'published'
    ORDER BY r.weight DESC, a.id LIMIT 1`).trim().split('|');
  await page(path);
  assert.equal((await page(path)).cache, 'hit', `${path} is cached`);
  demo.data.sql(`UPDATE articles SET headline = 'Harbour crane reopens after an overnight repair' WHERE id = ${related}`);
  await waitUntil('the related story\'s new headline on the page listing it',
    async () => (await page(path)).html.includes('Harbour crane reopens after an overnight repair'));
  demo.data.sql(`UPDATE sections SET name = 'Harbour desk' WHERE id = ${section}`);
  await waitUntil('its section\'s new name on its card',
    async () => /<section class="related"[^]*>Harbour desk<\/a>/.test((await page(path)).html));
});

test('a site\'s time zone changed while the server runs shows on the cards of its pages', async () => {
  // Cards are written once and kept (site::KeptCards): a change of the site must write them again.
  const cardTimes = async () => {
    const html = await (await get(`${demo.server.url}/en/sport/`)).text();
    return [...html.matchAll(/<p class="card__meta"><time datetime="[^"]+" data-relative>([^<]+)<\/time>/g)]
      .map((m) => m[1]);
  };
  const before = await cardTimes();
  assert.ok(before.length > 0, 'the section lists cards');
  const zone = demo.data.sql("SELECT time_zone FROM sites WHERE slug = 'en'").trim();
  const other = zone === 'Pacific/Kiritimati' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
  demo.data.sql(`UPDATE sites SET time_zone = '${other}' WHERE slug = 'en'`);
  try {
    await waitUntil('the cards\' times in the new zone',
      async () => JSON.stringify(await cardTimes()) !== JSON.stringify(before));
  } finally {
    demo.data.sql(`UPDATE sites SET time_zone = '${zone}' WHERE slug = 'en'`);
  }
  await waitUntil('the cards\' times back in the first zone',
    async () => JSON.stringify(await cardTimes()) === JSON.stringify(before));
});

test('a story by an author reaches their cached page; their feed follows', async () => {
  const page = async (path) => {
    const res = await get(`${demo.server.url}${path}`);
    return { cache: res.headers.get('x-dateline-cache'), html: await res.text() };
  };
  const watched = ['/en/authors/layla-haddad/', '/en/authors/layla-haddad/rss.xml'];
  for (const path of watched) await page(path);
  for (const path of watched) assert.equal((await page(path)).cache, 'hit', `${path} is cached`);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-byline-'));
  try {
    const file = join(dir, 'byline.json');
    writeFileSync(file, JSON.stringify({
      uri: 'urn:newsml:example.test:byline:1', type: 'text', language: 'en',
      firstcreated: new Date(Date.now() - 60_000).toISOString(),
      headline: 'Ferry timetable doubles crossings for the holiday weekend',
      body_text: 'Two more boats join the route from Friday.', byline: 'Layla Haddad',
    }));
    const r = dateline(['import', '--data', demo.data.dir, '--site', 'en', '--section', 'region', '--publish', file]);
    assert.equal(r.status, 0, r.stderr);
    const path = new URL(r.stdout.trim()).pathname;
    await waitUntil('the new story first on its author\'s page',
      async () => (await page(watched[0])).html.match(/class="card__headline"><a href="([^"]+)"/)?.[1] === path);
    assert.ok((await page(watched[1])).html.includes('Ferry timetable doubles crossings'), 'and in their feed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a translation published later reaches its partner\'s cached page, which stays cached until then', async () => {
  addUser(demo.data.dir, 'cache-desk@news.example', 'admin', []);
  const b = new Browser(demo.server.url);
  assert.equal((await b.signIn('cache-desk@news.example')).status, 303);
  const page = async (path) => {
    const res = await get(`${demo.server.url}${path}`);
    return { cache: res.headers.get('x-dateline-cache'), html: await res.text() };
  };
  const [id, section, slug] = demo.data.sql(`SELECT a.id, s.slug, a.slug FROM articles a
    JOIN sections s ON s.id = a.section_id JOIN sites si ON si.id = a.site_id
    WHERE si.slug = 'en' AND a.status = 'published' AND a.translation_group IS NULL
    ORDER BY a.id LIMIT 1`).trim().split('|');
  const path = `/en/${section}/${slug}`;
  const draft = await b.request('/newsroom/articles/new', {
    method: 'POST',
    form: { site: 'ar', headline: 'ترجمة تنشر لاحقا', body: 'نص الترجمة.', section: 'region', slug: 'later-translation',
      form_token: await b.formToken('/newsroom/'), intent: 'save' },
  });
  assert.equal(draft.status, 303, await draft.text());
  const ar = draft.headers.get('location').match(/articles\/(\d+)/)[1];
  const linked = await b.request(`/newsroom/articles/${id}/translations`, { method: 'POST', form: { form_token: await b.formToken('/newsroom/'), other: ar } });
  assert.equal(linked.status, 303);

  // The linked draft is not shown, and the page is cached as it is.
  await waitUntil('the story\'s page cached', async () => (await page(path)).cache === 'hit');
  assert.doesNotMatch((await page(path)).html, /story__translations/);
  const published = await b.request(`/newsroom/articles/${ar}/action`, { method: 'POST', form: { form_token: await b.formToken('/newsroom/'), action: 'publish' } });
  assert.equal(published.status, 303);
  await waitUntil('the translation on its partner\'s page',
    async () => (await page(path)).html.includes('<a href="/ar/region/later-translation" lang="ar" hreflang="ar" dir="rtl">'));
});
