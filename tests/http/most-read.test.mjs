// "Most read" over a real server and database: the server counts its readers' requests for story
// pages itself, cached or not (no cookie, no script), leaves robots, HEAD requests, prefetches and
// nameless clients out, adds them up every `most_read_seconds`, and the home page and the
// section's front then list the most read stories in order. The reads counted since the last
// flush are added when the server stops; with counting off, a node counts nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get, makeDataDir, startServer, waitUntil } from '../support/dateline.mjs';
import { attr, one, select } from '../support/html.mjs';

const reader = { 'User-Agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36' };

let data;
let server;

before(async () => {
  data = makeDataDir();
  server = await startServer(data.dir, [], {
    // The test's readers come through a proxy on loopback, each from an address of its own.
    env: { DATELINE_MOST_READ_SECONDS: '1', DATELINE_PAGE_CACHE_SECONDS: '2', DATELINE_TRUSTED_PROXIES: '127.0.0.1' },
  });
});

after(async () => {
  assert.equal(await server?.stop(), 0, 'the server stops cleanly');
  data?.remove();
});

/** The story paths a page links to from its cards, in order. */
async function storyPaths(base, path) {
  const res = await get(`${base}${path}`);
  assert.equal(res.status, 200);
  return select(await res.text(), { cls: 'card__headline' })
    .map((h) => attr(one(h.outer, { tag: 'a' }).token, 'href'));
}

/** A page's most read list: its heading and its stories' paths, or null when it has none. */
async function mostRead(base, path) {
  const res = await get(`${base}${path}`, { headers: reader });
  assert.equal(res.status, 200);
  const html = await res.text();
  const block = select(html, { cls: 'most-read' });
  if (block.length === 0) return null;
  return {
    heading: one(block[0].outer, { tag: 'h2' }).text,
    paths: select(block[0].outer, { cls: 'most-read__item' })
      .map((item) => attr(one(item.outer, { tag: 'a' }).token, 'href')),
  };
}

let readers = 0;
/** The address of a new reader, forwarded by the trusted proxy. */
const newReader = () => ({ 'X-Forwarded-For': `198.51.100.${++readers}` });

/** `times` requests for `path`, each from a new reader unless `from` names one. */
async function read(path, times, headers = reader, method = 'GET', from = null) {
  const outcomes = [];
  for (let i = 0; i < times; ++i) {
    const res = await get(`${server.url}${path}`, { headers: { ...headers, ...(from ?? newReader()) }, method });
    assert.ok(res.status === 200 || res.status === 304, `${path}: ${res.status}`);
    outcomes.push(res.headers.get('x-dateline-cache'));
    await res.arrayBuffer();
  }
  return outcomes;
}

test('readers\' reads rank the stories, cached pages counted, robots and prefetches left out', async () => {
  // Three stories of one section, from its front page.
  const [first, second, third] = await storyPaths(server.url, '/en/business/');
  assert.ok(first && second && third, 'the demo has three business stories');
  assert.equal(await mostRead(server.url, '/en/'), null, 'nothing is ranked before anyone reads');

  const outcomes = await read(third, 3);
  assert.ok(outcomes.includes('hit'), `cached pages count too (${outcomes})`);
  // A revisit answered 304 is a read as well (by another reader: one reader's own counts once).
  const page = await get(`${server.url}${second}`, { headers: { ...reader, ...newReader() } });
  const etag = page.headers.get('etag');
  await page.arrayBuffer();
  const revisit = await get(`${server.url}${second}`, { headers: { ...reader, ...newReader(), 'If-None-Match': etag } });
  assert.equal(revisit.status, 304);
  // One reader reloading a story, however often, is one read.
  const reloader = newReader();
  await read(first, 6, reader, 'GET', reloader);
  // None of these is a reader.
  await read(first, 4, { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
  await read(first, 2, { 'User-Agent': 'WhatsApp/2.24.1 A' });
  await read(first, 2, { 'User-Agent': 'curl/7.88.1' });
  await read(first, 2, { 'User-Agent': '' });
  await read(first, 2, { 'User-Agent': 'node' });  // what Node's own fetch says
  await read(first, 2, { ...reader, 'Sec-Purpose': 'prefetch' });
  await read(first, 2, reader, 'HEAD');

  const expected = [third, second, first];
  await waitUntil('the home page lists the most read stories', async () =>
    JSON.stringify((await mostRead(server.url, '/en/'))?.paths) === JSON.stringify(expected));
  const home = await mostRead(server.url, '/en/');
  assert.equal(home.heading, 'Most read');
  const section = await mostRead(server.url, '/en/business/');
  assert.equal(section.heading, 'Most read in Business');
  assert.deepEqual(section.paths, expected);

  // Only the section's front shows it, and only the site whose stories were read.
  const older = (await get(`${server.url}/en/business/`).then((r) => r.text()))
    .match(/href="(\/en\/business\/older\/\d+\/)"/);
  if (older) assert.equal(await mostRead(server.url, older[1]), null, 'not on the archive\'s pages');
  assert.equal(await mostRead(server.url, '/ar/'), null, 'the Arabic site has its own ranking');
  const other = await mostRead(server.url, '/en/culture/');
  assert.equal(other, null, 'a section none of whose stories were read shows none');
});

test('the reads counted before a stop are kept; a node with counting off counts nothing', async () => {
  const own = makeDataDir();
  try {
    const [quiet, kept] = await storyPaths(server.url, '/en/culture/');
    const run = async (seconds, path) => {
      const node = await startServer(own.dir, [], { env: { DATELINE_MOST_READ_SECONDS: seconds } });
      try {
        // Past the flush a node makes as it starts, so that only the one as it stops remains.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        for (let i = 0; i < 3; ++i) {
          const res = await get(`${node.url}${path}`, { headers: reader });
          assert.equal(res.status, 200);
          await res.arrayBuffer();
        }
      } finally {
        assert.equal(await node.stop(), 0);
      }
    };
    await run('0', quiet);  // counts nothing
    await run('3600', kept);  // flushes only as it stops
    const node = await startServer(own.dir, [], { env: { DATELINE_MOST_READ_SECONDS: '1' } });
    try {
      await waitUntil('the kept reads are ranked', async () =>
        JSON.stringify((await mostRead(node.url, '/en/culture/'))?.paths) === JSON.stringify([kept]));
    } finally {
      assert.equal(await node.stop(), 0);
    }
  } finally {
    own.remove();
  }
});
