// The editors' order of a home page over a real server, with its page cache on: `dateline front`
// and the newsroom's top stories screen put stories at the top of a site's home page in the order
// given, readers see the change at once (the change drops the cached page, whoever makes it), the
// newest stories fill the rest, and what readers cannot see is refused with a clear message; only
// the people who publish on a site arrange it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { backend, dateline, get, makeDataDir, startServer, waitUntil } from '../support/dateline.mjs';
import { attr, one, select } from '../support/html.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

let data;
let server;

before(async () => {
  data = makeDataDir();
  server = await startServer(data.dir);
  addUser(data.dir, 'editor@news.example', 'editor', ['en']);
  addUser(data.dir, 'writer@news.example', 'author', ['en']);
});

after(async () => {
  assert.equal(await server?.stop(), 0, 'the server stops cleanly');
  data?.remove();
});

const slugOf = (href) => decodeURIComponent(href.split('/').filter(Boolean).at(-1));

/** The home page's top stories (lead first) and its latest list, as story slugs. */
async function home(site, url = server.url) {
  const res = await get(`${url}/${site}/`);
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

  // The other site keeps its own order: none chosen, so its newest story leads.
  const arabic = await home('ar');
  assert.equal(arabic.heading, 'أهم الأخبار');
  assert.equal(front('list', '--site', 'ar').stdout, '');
  const arabicNewest = data.sql(`SELECT a.slug FROM articles a JOIN sites s ON s.id = a.site_id
    WHERE s.slug = 'ar' AND a.status = 'published' ORDER BY a.first_published_at DESC, a.id DESC LIMIT 1`).trim();
  assert.equal(arabic.lead[0], arabicNewest);

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

async function signedIn(email) {
  const b = new Browser(server.url);
  assert.equal((await b.signIn(email)).status, 303);
  return b;
}

/** The screen's two lists as slugs: the chosen stories in order, and those offered. */
async function screen(b, site = 'en') {
  const res = await b.request(`/newsroom/front?site=${site}`);
  const html = await res.text();
  const slugs = (id) => {
    const section = html.slice(html.indexOf(`id="${id}"`));
    const list = section.slice(0, section.indexOf('</section>'));
    return [...list.matchAll(/name="story" value="([^"]+)"/g)].map((m) => m[1]);
  };
  return { res, html, chosen: slugs('chosen-heading'), offered: slugs('offered-heading') };
}

async function press(b, action, story, site = 'en') {
  const form_token = await b.formToken(`/newsroom/front?site=${site}`);
  return b.request(`/newsroom/front/${site}`, { method: 'POST', form: { form_token, action, story } });
}

test('an editor puts stories at the top from the newsroom, orders them and takes them off; readers see each change', async () => {
  const b = await signedIn('editor@news.example');
  assert.match(await (await b.request('/newsroom/')).text(), /href="\/newsroom\/front"/, 'the desk links the screen');
  const first = await screen(b);
  assert.equal(first.res.status, 200);
  assert.deepEqual(first.chosen, [], 'nothing chosen yet');
  assert.equal(first.offered.length, 20, 'the site\'s latest stories are offered');
  const [a, c] = [first.offered[8], first.offered[3]];

  for (const story of [a, c]) {
    const r = await press(b, 'add', story);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/newsroom/front?site=en&done=saved');
  }
  let now = await screen(b);
  assert.deepEqual(now.chosen, [a, c]);
  assert.match(await (await b.request('/newsroom/front?site=en&done=saved')).text(), /The top stories are saved/);
  assert.ok(!now.offered.includes(a), 'a chosen story is not offered again');
  await waitUntil('readers see the chosen lead', async () => (await home('en')).lead[0] === a);

  assert.equal((await press(b, 'up', c)).status, 303);
  assert.deepEqual((await screen(b)).chosen, [c, a]);
  await waitUntil('readers see the new order', async () => (await home('en')).lead[0] === c);

  assert.equal((await press(b, 'remove', c)).status, 303);
  assert.deepEqual((await screen(b)).chosen, [a]);

  // Full: five at the top, and the screen offers no more.
  for (const story of first.offered.slice(10, 14)) assert.equal((await press(b, 'add', story)).status, 303);
  now = await screen(b);
  assert.equal(now.chosen.length, 5);
  assert.match(now.html, /Five stories are at the top/);
  assert.ok(!/value="add"/.test(now.html), 'no story can be added');
  // A sixth sent anyway (another screen, a stale page) is refused, and the order kept.
  const sixth = await press(b, 'add', first.offered[15]);
  assert.equal(sixth.status, 422);
  assert.match(await sixth.text(), /That change could not be made/);
  assert.equal((await screen(b)).chosen.length, 5);

  // The record says who did it.
  const log = front('list', '--site', 'en');
  assert.equal(log.stdout.trim().split('\n').length, 5);
  const audit = data.sql("SELECT actor, detail FROM audit_log WHERE action = 'site.top_stories' ORDER BY id DESC LIMIT 1");
  assert.match(audit, /Rana Haddad <editor@news\.example>/);
  assert.equal(front('clear', '--site', 'en').status, 0);
});

test('an author may not arrange the home page, a form without its token is refused, and the Arabic screen speaks Arabic', async () => {
  const author = await signedIn('writer@news.example');
  assert.equal((await author.request('/newsroom/front')).status, 403);
  assert.doesNotMatch(await (await author.request('/newsroom/')).text(), /href="\/newsroom\/front"/);
  const someone = (await screen(await signedIn('editor@news.example'))).offered[0];
  const forged = await author.request('/newsroom/front/en', { method: 'POST', form: { form_token: await author.formToken('/newsroom/'), action: 'add', story: someone } });
  assert.equal(forged.status, 403);
  assert.equal(front('list', '--site', 'en').stdout, '', 'nothing was placed');

  const editor = await signedIn('editor@news.example');
  const tokenless = await editor.request('/newsroom/front/en', { method: 'POST', form: { action: 'add', story: someone } });
  assert.equal(tokenless.status, 403);
  assert.equal(front('list', '--site', 'en').stdout, '', 'nothing was placed');
  // The editor works on the English site only.
  assert.equal((await editor.request('/newsroom/front?site=ar')).status, 404);
  const arabic = await editor.request('/newsroom/front?lang=ar');
  assert.match(await arabic.text(), /<h1>أهم الأخبار: /);
});

/** The banner a page shows: its line and link, or null. */
async function bannerOn(path) {
  const html = await (await get(server.url + path)).text();
  const found = select(html, { cls: 'breaking' });
  if (found.length === 0) return null;
  const link = one(found[0].outer, { cls: 'breaking__link' });
  return { label: one(found[0].outer, { cls: 'breaking__label' }).text, text: link.text, href: attr(link.token, 'href') };
}

test('a breaking-news banner on every page of the site until it is taken down or its story withdrawn', async () => {
  const b = await signedIn('editor@news.example');
  const [story, other] = (await screen(b)).offered;
  const put = async (fields) => b.request('/newsroom/front/en', {
    method: 'POST', form: { form_token: await b.formToken('/newsroom/front?site=en'), action: 'breaking', ...fields },
  });
  const [section, slug] = data.sql(`SELECT s.slug, a.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.slug = '${story}'`).trim().split('|');
  const pages = ['/en/', `/en/${section}/`, `/en/${section}/${slug}`, '/en/search?q=gulf', '/en/no-such-page'];

  const refused = await put({ story, text: 'x'.repeat(141), hours: '2' });
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /Keep the line to 140 characters or fewer/);
  assert.equal((await put({ story, text: '', hours: '0' })).status, 422);
  assert.equal(await bannerOn('/en/'), null, 'nothing put up');

  const up = await put({ story, text: 'Floods close the coast road', hours: '2' });
  assert.equal(up.status, 303);
  await waitUntil('the banner on the home page', async () => (await bannerOn('/en/')) !== null);
  for (const path of pages) {
    const banner = await bannerOn(path);
    assert.deepEqual(banner, { label: 'Breaking', text: 'Floods close the coast road', href: `/en/${section}/${slug}` }, path);
  }
  assert.equal(await bannerOn('/ar/'), null, 'the other site has none');
  assert.match(await (await b.request('/newsroom/front?site=en')).text(), /Shown until/);

  // Its story withdrawn: the banner goes with it, from every page.
  data.sql(`UPDATE articles SET status = 'unpublished' WHERE slug = '${story}'`);
  await waitUntil('the banner gone from the home page', async () => (await bannerOn('/en/')) === null);
  assert.equal(await bannerOn(`/en/${section}/`), null);

  // Put up again (the headline when no line is given), then taken down.
  assert.equal((await put({ story: other, text: '', hours: '1' })).status, 303);
  await waitUntil('a new banner', async () => (await bannerOn('/en/')) !== null);
  const headline = data.sql(`SELECT headline FROM articles WHERE slug = '${other}'`).trim();
  assert.equal((await bannerOn('/en/')).text, headline);
  const down = await b.request('/newsroom/front/en', { method: 'POST', form: { form_token: await b.formToken('/newsroom/front?site=en'), action: 'calm' } });
  assert.equal(down.status, 303);
  await waitUntil('the banner taken down', async () => (await bannerOn('/en/')) === null);
  const log = data.sql("SELECT detail FROM audit_log WHERE action = 'site.breaking_news' ORDER BY id");
  assert.match(log, /Floods close the coast road \(2 h\)/);
  assert.match(log, /taken down/);
});

test('a chosen story withdrawn is gone from the next home page rendered, though the node keeps its card', async () => {
  // A second node over the same database, rendering every page; stories' cards kept (the default).
  const node = await startServer(data.dir, [], { env: { DATELINE_PAGE_CACHE_MB: '0' } });
  const chosen = (await home('en', node.url)).latest[2];
  try {
    assert.equal(front('set', '--site', 'en', chosen).status, 0);
    await waitUntil('the chosen story leads', async () => (await home('en', node.url)).lead[0] === chosen);
    // Withdrawn by hand-made SQL whose change is never heard of (its record taken out in the same
    // transaction; on PostgreSQL, the trigger that announces it off while it runs): the node still
    // keeps the story's card, and only the database's rows can keep the story off the page.
    // SQLite's BEGIN IMMEDIATE: a deferred transaction that reads first cannot wait for the
    // nodes' writes (SQLITE_BUSY_SNAPSHOT fails at once), so it takes the write lock up front.
    const withdraw = `UPDATE articles SET status = 'unpublished' WHERE slug = '${chosen}'`;
    data.sql(backend === 'postgres'
      ? `BEGIN; ALTER TABLE articles DISABLE TRIGGER articles_changed; ${withdraw};
         ALTER TABLE articles ENABLE TRIGGER articles_changed; COMMIT;`
      : `BEGIN IMMEDIATE; CREATE TEMP TABLE heard AS SELECT coalesce(max(id), 0) AS id FROM content_changes;
         ${withdraw}; DELETE FROM content_changes WHERE id > (SELECT id FROM heard); COMMIT;`);
    const after = await home('en', node.url);
    assert.ok(![...after.lead, ...after.beside, ...after.latest].includes(chosen), 'the withdrawn story is not shown');
    const newest = data.sql(`SELECT a.slug FROM articles a JOIN sites s ON s.id = a.site_id
      WHERE s.slug = 'en' AND a.status = 'published' ORDER BY a.first_published_at DESC, a.id DESC LIMIT 1`).trim();
    assert.equal(after.lead[0], newest, 'the newest story leads again');
  } finally {
    data.sql(`UPDATE articles SET status = 'published' WHERE slug = '${chosen}'`);
    assert.equal(front('clear', '--site', 'en').status, 0);
    assert.equal(await node.stop(), 0, 'the second node stops cleanly');
  }
});
