// `dateline export`: the reader sites as static files, served by a real nginx with a plain static
// configuration, crawled from the root as a reader would: every link leads to a page, a style
// sheet or a picture, and every exported page is reachable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateline, makeDataDir, waitUntil } from '../support/dateline.mjs';
import { attr, select } from '../support/html.mjs';

let data;
let work;
let exported;
let exportedPages;
let nginx;
let origin;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  data = makeDataDir();
  work = mkdtempSync(join(tmpdir(), 'dateline-export-'));
  chmodSync(work, 0o755);  // nginx's workers run as another user (www-data under root)
  // More stories than a listing page holds, so that the section has an older page to export.
  const files = [];
  for (let n = 1; n <= 22; n++) {
    const file = join(work, `heat-${n}.json`);
    writeFileSync(file, JSON.stringify({
      uri: `urn:newsml:example.test:heat:${n}`, type: 'text',
      firstcreated: `2025-06-${String(n).padStart(2, '0')}T08:00:00Z`,
      headline: `Heat wave day ${n}: the coast stays above forty degrees`,
      body_html: `<p>Readings from day ${n}.</p>`, subject: [{ name: 'Heat wave' }],
    }));
    files.push(file);
  }
  const imported = dateline(['import', '--data', data.dir, '--site', 'en', '--section', 'world', '--publish', ...files]);
  assert.equal(imported.status, 0, imported.stderr);

  exported = join(work, 'site');
  const r = dateline(['export', '--data', data.dir, '--out', exported]);
  assert.equal(r.status, 0, r.stderr);
  const m = r.stdout.match(/^Exported (\d+) pages and (\d+) files to .+ in [\d.e-]+ s \(\d+ pages\/s\)\n$/);
  assert.ok(m, `says what it wrote: ${r.stdout}`);
  exportedPages = Number(m[1]);

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // nginx as it comes, serving a folder: no rewrite rules for the export's sake.
  writeFileSync(join(work, 'nginx.conf'), `daemon off;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  # The crawl asks for more than nginx's default 1,000 requests a connection; a connection closed
  # by nginx just as the crawler reuses it would fail a fetch that nothing was wrong with.
  keepalive_requests 100000;
  server { listen 127.0.0.1:${port}; root ${exported}; error_page 404 /404.html; }
}
`);
  nginx = spawn('nginx', ['-c', join(work, 'nginx.conf'), '-e', join(work, 'nginx-error.log')], { stdio: 'ignore' });
  await waitUntil('nginx serves the export', async () => {
    try {
      return (await fetch(`${origin}/index.html`, { signal: AbortSignal.timeout(1000) })).ok;
    } catch {
      return false;
    }
  });
});

after(() => {
  nginx?.kill('SIGTERM');
  data?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The same-origin URLs a page links to or loads: links, style sheets, scripts, pictures. */
function linksOf(html) {
  const urls = [];
  for (const a of select(html, { tag: 'a' })) urls.push(attr(a.token, 'href'));
  for (const l of select(html, { tag: 'link' })) urls.push(attr(l.token, 'href'));
  for (const s of select(html, { tag: 'script' })) urls.push(attr(s.token, 'src'));
  for (const i of select(html, { tag: 'img' })) {
    urls.push(attr(i.token, 'src'));
    for (const candidate of (attr(i.token, 'srcset') ?? '').split(',')) urls.push(candidate.trim().split(/\s+/)[0]);
  }
  return urls.filter((u) => u && u.startsWith('/') && !u.startsWith('//')).map((u) => u.split('#')[0]);
}

test('every page of the export is reachable from the root, and every link it holds leads somewhere', async () => {
  const seen = new Set();
  const pages = new Set();
  const queue = ['/'];
  const broken = [];
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(origin + url, { signal: AbortSignal.timeout(10_000) });
    // Every body is read whole: an unread one holds its connection open until it is collected, and
    // a crawl of a few hundred pictures would run out of the server's connections.
    const body = await res.arrayBuffer();
    if (res.status !== 200) {
      broken.push(`${url}: ${res.status}`);
      continue;
    }
    if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    pages.add(new URL(res.url).pathname);
    for (const link of linksOf(new TextDecoder().decode(body))) if (!seen.has(link)) queue.push(link);
  }
  assert.deepEqual(broken, [], 'no broken link');
  // Each exported page is a folder's index.html, named by its decoded path.
  const files = readdirSync(exported, { recursive: true }).filter((f) => f.endsWith('index.html'))
    .map((f) => `/${f.slice(0, -'index.html'.length)}`).filter((p) => p !== '/').sort();
  assert.equal(files.length, exportedPages, 'as many pages as it said');
  const reached = [...pages].map((p) => decodeURIComponent(p)).filter((p) => p !== '/').sort();
  assert.deepEqual(reached, files, 'every exported page is linked from another');
  assert.ok([...pages].some((p) => /^\/en\/world\/older\/\d+\/$/.test(p)), 'the older page of a long section');
  assert.ok([...pages].some((p) => p.startsWith('/en/tags/heat-wave/')), 'tag pages');
  assert.ok([...pages].some((p) => decodeURIComponent(p).startsWith('/ar/')), 'the Arabic site, its UTF-8 paths included');
  assert.ok([...seen].some((u) => u.startsWith('/assets/css/')), 'the style sheet');
  assert.ok([...seen].some((u) => u.startsWith('/media/')), 'the pictures');
});

test('a listing page holds its newest stories, and a missing page gets the site\'s 404 page', async () => {
  const page = readFileSync(join(exported, 'en', 'world', 'index.html'), 'utf8');
  assert.match(page, /Heat wave day 22/, 'the newest story first');
  assert.doesNotMatch(page, /Heat wave day 1:/, 'the oldest on the older page');
  const missing = await fetch(`${origin}/en/no-such-page/`);
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /<html lang="en" dir="ltr"[ >]/, 'the site\'s own 404 page');
});

test('the export holds every feed, the sitemaps and robots.txt, as the server writes them', async () => {
  for (const path of ['/robots.txt', '/en/rss.xml', '/en/atom.xml', '/ar/feed.json', '/en/world/rss.xml',
    '/en/tags/heat-wave/atom.xml', '/en/sitemap.xml', '/en/sitemap-pages.xml', '/en/sitemap-news.xml']) {
    const res = await fetch(origin + path, { signal: AbortSignal.timeout(10_000) });
    assert.equal(res.status, 200, path);
    await res.arrayBuffer();
  }
  // Every sitemap the index lists is there, and lists the imported stories.
  const index = readFileSync(join(exported, 'en', 'sitemap.xml'), 'utf8');
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const stories = parts.filter((p) => p.includes('/sitemap-stories-'));
  assert.ok(stories.length > 0);
  let listed = '';
  for (const part of parts) {
    const res = await fetch(origin + part, { signal: AbortSignal.timeout(10_000) });
    assert.equal(res.status, 200, part);
    listed += await res.text();
  }
  assert.match(listed, /heat-wave-day-22/, 'the imported stories');
  assert.match(readFileSync(join(exported, 'robots.txt'), 'utf8'), /^Sitemap: http:\/\/localhost:8080\/en\/sitemap\.xml$/m);
});

test('one site alone, and an unknown site refused', () => {
  const out = join(work, 'arabic');
  const r = dateline(['export', '--data', data.dir, '--out', out, '--site', 'ar']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(join(out, 'ar', 'index.html')));
  assert.ok(!existsSync(join(out, 'en')), 'nothing of the English site');
  const unknown = dateline(['export', '--data', data.dir, '--out', join(work, 'none'), '--site', 'fr']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no site 'fr'/);
});
