// The editors' order of a home page over a real server, with its page cache on: `dateline front`
// puts stories at the top of a site's home page in the order given, readers see the change at
// once (the change drops the cached page, whoever makes it), the newest stories fill the rest,
// and what readers cannot see is refused with a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dateline, get, makeDataDir, startServer, waitUntil } from '../support/dateline.mjs';
import { attr, one, select } from '../support/html.mjs';

let data;
let server;

before(async () => {
  data = makeDataDir();
  server = await startServer(data.dir);
});

after(async () => {
  assert.equal(await server?.stop(), 0, 'the server stops cleanly');
  data?.remove();
});

const slugOf = (href) => decodeURIComponent(href.split('/').filter(Boolean).at(-1));

/** The home page's top stories (lead first) and its latest list, as story slugs. */
async function home(site) {
  const res = await get(`${server.url}/${site}/`);
  assert.equal(res.status, 200);
  const html = await res.text();
  const top = one(html, { cls: 'home__top' });
  const links = (fragment) => select(fragment, { cls: 'card__headline' })
    .map((h) => slugOf(attr(one(h.outer, { tag: 'a' }).token, 'href')));
  return {
    html,
    heading: select(top.outer, { tag: 'h2' })[0].text,
    lead: links(one(top.outer, { cls: 'home__lead' }).outer),
    beside: links(one(top.outer, { cls: 'home__beside' }).outer),
    latest: links(one(html, { cls: 'home__latest' }).outer),
  };
}

function front(...args) {
  return dateline(['front', '--data', data.dir, ...args]);
}

test('the newest stories lead until editors choose, then the chosen lead in their order', async () => {
  const before = await home('en');
  assert.equal(before.heading, 'Top stories');
  assert.equal(before.lead.length, 1);
  assert.equal(before.beside.length, 4, 'four stories beside the lead');
  const newest = [...before.lead, ...before.beside, ...before.latest];
  assert.equal(new Set(newest).size, newest.length, 'each story once');

  // Two older stories from further down, in an order of the editors' own.
  const chosen = [newest[9], newest[6]];
  const set = front('set', '--site', 'en', ...chosen);
  assert.equal(set.status, 0, set.stderr);
  await waitUntil('the home page leads with the chosen story', async () => (await home('en')).lead[0] === chosen[0]);
  const after = await home('en');
  assert.deepEqual([...after.lead, ...after.beside], [chosen[0], chosen[1], newest[0], newest[1], newest[2]]);
  assert.ok(!after.latest.some((s) => chosen.includes(s)), 'a chosen story is not listed again');
  assert.equal(after.latest[0], newest[3], 'the latest list goes on after the top');

  const listed = front('list', '--site', 'en');
  assert.equal(listed.status, 0, listed.stderr);
  assert.deepEqual(listed.stdout.trim().split('\n').map((line) => line.split('\t').slice(0, 3)),
    [['1', chosen[0], 'shown'], ['2', chosen[1], 'shown']]);

  // The other site keeps its own order.
  const arabic = await home('ar');
  assert.equal(arabic.heading, 'أهم الأخبار');
  assert.ok(!chosen.includes(arabic.lead[0]));

  const cleared = front('clear', '--site', 'en');
  assert.equal(cleared.status, 0, cleared.stderr);
  await waitUntil('the newest story leads again', async () => (await home('en')).lead[0] === newest[0]);
});

test('a story readers cannot see, a story named twice, too many or an unknown one are refused, and nothing changes', async () => {
  const now = await home('en');
  const stories = [...now.lead, ...now.beside, ...now.latest];
  data.sql(`UPDATE articles SET status = 'draft' WHERE slug = '${stories[7]}'`);
  for (const [args, message] of [
    [[stories[1], stories[7]], /is not published or scheduled/],
    [[stories[1], stories[1]], /named twice/],
    [stories.slice(0, 6), /at most 5 top stories/],
    [[stories[1], 'no-such-story'], /has no story 'no-such-story'/],
  ]) {
    const r = front('set', '--site', 'en', ...args);
    assert.equal(r.status, 1, `refused: ${args.join(' ')}`);
    assert.match(r.stderr, message);
  }
  assert.equal(front('list', '--site', 'en').stdout, '', 'no story was placed');
  assert.equal(front('list', '--site', 'xx').status, 1, 'an unknown site is refused');
});
