// The sites' search, as readers use it: the box in every page's header, the results page with
// its marked words and excerpts, phrases, excluded words and pages of results, in English and in
// Arabic; what browsers (OpenSearch) and search engines (SearchAction, robots.txt) are told of it;
// and `dateline reindex`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateline, get, useDemoServer } from '../support/dateline.mjs';
import { loadDemo } from '../support/demo.mjs';
import { attr, decode, one, select } from '../support/html.mjs';

const demo = useDemoServer();
const spec = loadDemo();
const publicOrigin = 'http://localhost:8080';

async function page(path) {
  const res = await get(`${demo.server.url}${path}`);
  return { res, body: await res.text() };
}

const search = (site, query, extra = '') => page(`${site}search?q=${encodeURIComponent(query)}${extra}`);

/** The results of a search page: each story's address, headline text, marked words, excerpt. */
function results(html) {
  return select(html, { tag: 'li', cls: 'search-result' }).map((li) => {
    const headline = one(li.outer, { tag: 'h2' });
    return {
      path: decodeURI(attr(one(headline.outer, { tag: 'a' }).token, 'href')),
      headline: headline.text,
      marked: select(li.outer, { tag: 'mark' }).map((m) => m.text),
      excerpt: one(li.outer, { tag: 'p', cls: 'search-result__excerpt' }).text,
    };
  });
}

// Stories of our own, written for these tests, imported as an agency's copy would be.
const stories = [
  {
    uri: 'urn:newsml:search.test:library', language: 'ar', site: 'ar', section: 'culture',
    headline: 'افتتاح المكتبة الوطنية الجديدة في مسقط',
    body_html: '<p>افتُتحت المكتبة الوطنية أمس بحضور مسؤولين وطلاب من جامعات السلطنة.</p><p>وتضم القاعة الرئيسية مخطوطات نادرة عن تاريخ الملاحة في الخليج.</p>',
  },
  {
    uri: 'urn:newsml:search.test:lighthouse', language: 'en', site: 'en', section: 'culture',
    headline: 'Restored lighthouse keeper\'s cottage opens to visitors',
    body_html: '<p>The cottage, empty since the light was automated, now holds a small museum of lamps and logbooks.</p>',
  },
  {
    uri: 'urn:newsml:search.test:lamps', language: 'en', site: 'en', section: 'culture',
    headline: 'Collectors bring old ship lamps to the harbour fair',
    body_html: '<p>A keeper of the museum said the lighthouse lamps on show came from three coasts.</p>',
  },
];
const paths = {};

test('stories of our own are imported for the searches below', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-search-'));
  try {
    for (const s of stories) {
      const file = join(dir, 'story.json');
      writeFileSync(file, JSON.stringify({ uri: s.uri, type: 'text', language: s.language, headline: s.headline,
        body_html: s.body_html, firstcreated: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }));
      const r = dateline(['import', '--data', demo.data.dir, '--site', s.site, '--section', s.section, '--publish', file]);
      assert.equal(r.status, 0, r.stderr);
      paths[s.uri] = decodeURI(new URL(r.stdout.trim()).pathname);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every page has a search box in its header and names the site\'s search for browsers', async () => {
  for (const site of spec.sites) {
    for (const path of [site.path, `${site.path}${site.sections[0].slug}/`]) {
      const { body } = await page(path);
      const form = one(body, { tag: 'form', cls: 'site-search' });
      assert.equal(attr(form.token, 'role'), 'search');
      assert.equal(attr(form.token, 'method'), 'get');
      assert.equal(attr(form.token, 'action'), `${site.path}search`);
      const input = one(form.outer, { tag: 'input' });
      assert.equal(attr(input.token, 'name'), 'q');
      assert.equal(attr(input.token, 'type'), 'search');
      const label = one(form.outer, { tag: 'label' });
      assert.equal(attr(label.token, 'for'), attr(input.token, 'id'), 'the box has a label');
      const link = one(body, { tag: 'link', where: (t) => attr(t, 'rel') === 'search' });
      assert.equal(attr(link.token, 'type'), 'application/opensearchdescription+xml');
      assert.equal(attr(link.token, 'href'), `${site.path}opensearch.xml`);
    }
  }
});

test('English: a word in another inflection finds the stories, headline matches first, words marked', async () => {
  const { res, body } = await search('/en/', 'lighthouses');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/html/);
  const found = results(body);
  assert.deepEqual(found.slice(0, 2).map((r) => r.path),
    [paths['urn:newsml:search.test:lighthouse'], paths['urn:newsml:search.test:lamps']]);
  assert.deepEqual(found[0].marked, ['lighthouse'], 'the headline\'s word, as written there');
  assert.ok(found[1].marked.includes('lighthouse'), 'the excerpt\'s word');
  assert.match(found[1].excerpt, /lighthouse lamps/);
  assert.match(one(body, { tag: 'h1' }).text, /lighthouses/);
  assert.equal(attr(one(body, { tag: 'input', where: (t) => attr(t, 'id') === 'search-q' }).token, 'value'), 'lighthouses');
  // Results are for readers, not for search engines' indexes.
  assert.ok(select(body, { tag: 'meta', where: (t) => attr(t, 'name') === 'robots' && attr(t, 'content') === 'noindex' }).length === 1);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
});

test('Arabic: a query with a conjunction, another spelling or no diacritics finds the story', async () => {
  const library = paths['urn:newsml:search.test:library'];
  for (const query of ['مكتبة', 'والمكتبه', 'المَكْتَبَة', 'مكـــتبة', 'إفتتاح', 'مسئولين', 'المخطوطة']) {
    const found = results((await search('/ar/', query)).body);
    assert.ok(found.some((r) => r.path === library), `${query} finds the library's story`);
  }
  const [first] = results((await search('/ar/', 'المكتبات')).body);
  assert.equal(first.path, library);
  assert.ok(first.marked.length > 0 && first.marked.every((m) => m === 'المكتبة'),
    `the plural marks the story's singular: ${first.marked}`);
  // Each site searches its own stories.
  assert.equal(results((await search('/en/', 'مكتبة')).body).length, 0);
});

test('a quoted phrase finds only the phrase, and a word after a minus leaves stories out', async () => {
  const lighthouse = paths['urn:newsml:search.test:lighthouse'];
  const lamps = paths['urn:newsml:search.test:lamps'];
  // Among the stories of this file (the demo's may hold the words too).
  const ours = Object.values(paths);
  const of = async (q, site = '/en/') =>
    results((await search(site, q)).body).map((r) => r.path).filter((p) => ours.includes(p));
  // Neither headline holds both words: the newer first.
  assert.deepEqual(await of('keeper museum'), [lamps, lighthouse]);
  assert.deepEqual(await of('"keeper of the museum"'), [lamps]);
  assert.deepEqual(await of('“lighthouse keeper”'), [lighthouse]);
  assert.deepEqual(await of('keeper museum -harbour'), [lighthouse]);
  assert.deepEqual(await of('keeper -"small museum"'), [lamps]);
  assert.deepEqual(await of('«تاريخ الملاحة»', '/ar/'), [paths['urn:newsml:search.test:library']]);
  assert.deepEqual(await of('«الملاحة تاريخ»', '/ar/'), []);
});

test('results come in pages of ten, each linked to the next and the previous', async () => {
  // Nearly every English story has "the".
  const first = await search('/en/', 'the');
  const one1 = results(first.body);
  assert.equal(one1.length, 10);
  const next = one(first.body, { tag: 'a', cls: 'pagination__next' });
  assert.equal(decode(attr(next.token, 'href')), '/en/search?q=the&page=2');
  const second = await page('/en/search?q=the&page=2');
  const two = results(second.body);
  assert.ok(two.length > 0);
  assert.equal(two.filter((r) => one1.some((o) => o.path === r.path)).length, 0, 'no story on two pages');
  assert.equal(decode(attr(one(second.body, { tag: 'a', cls: 'pagination__prev' }).token, 'href')), '/en/search?q=the');
  assert.equal(attr(one(second.body, { tag: 'ol' }).token, 'start'), '11');
  for (const bad of ['&page=0', '&page=abc', '&page=51', '&page=40']) {
    const { res } = await page(`/en/search?q=the${bad}`);
    assert.equal(res.status, 404, bad);
  }
});

test('nothing found, nothing asked, and hostile queries each get a clear page', async () => {
  const none = await search('/en/', 'zzyzx');
  assert.equal(none.res.status, 200);
  assert.match(one(none.body, { tag: 'p', cls: 'empty' }).text, /No story matches “zzyzx”/);
  const ar = await search('/ar/', 'زززز');
  assert.match(one(ar.body, { tag: 'p', cls: 'empty' }).text, /لا يوجد خبر يطابق «زززز»/);

  const empty = await page('/en/search');
  assert.equal(empty.res.status, 200);
  assert.equal(select(empty.body, { tag: 'li', cls: 'search-result' }).length, 0);
  assert.equal(select(empty.body, { tag: 'p', cls: 'empty' }).length, 0, 'no "nothing found" before a search');
  assert.match(one(empty.body, { tag: 'p', cls: 'search__hint' }).text, /quotation marks/);

  const hostile = '<script>alert(1)</script>" onfocus="x';
  const h = await search('/en/', hostile);
  assert.equal(h.res.status, 200);
  assert.ok(!h.body.includes('<script>alert'), 'the query is escaped in the page');
  assert.equal(attr(one(h.body, { tag: 'input', where: (t) => attr(t, 'id') === 'search-q' }).token, 'value'), hostile);
  // Query syntax of the index is only ever words to it.
  for (const q of ['lighthouse OR zzyzx', 'NEAR(lighthouse keeper)', 'headline:lighthouse', '"unclosed', '*', '-', '\'\'']) {
    const r = await search('/en/', q);
    assert.equal(r.res.status, 200, q);
  }
  const long = await search('/en/', 'lighthouse '.repeat(200));
  assert.equal(long.res.status, 200);
  assert.ok(results(long.body).length > 0, 'a long query is read up to its bound');
});

test('browsers get an OpenSearch description, search engines a SearchAction, crawlers no results', async () => {
  for (const site of spec.sites) {
    const { res, body } = await page(`${site.path}opensearch.xml`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/opensearchdescription+xml; charset=utf-8');
    const xpath = (expr) => execFileSync('xmllint', ['--xpath', expr, '-'], { input: body, encoding: 'utf8' }).trim();
    const ns = (name) => `*[local-name()='${name}' and namespace-uri()='http://a9.com/-/spec/opensearch/1.1/']`;
    assert.equal(xpath(`string(/${ns('OpenSearchDescription')}/${ns('ShortName')})`), site.name.slice(0, 16));
    assert.equal(xpath(`string(//${ns('Url')}[@type='text/html']/@template)`), `${publicOrigin}${site.path}search?q={searchTerms}`);
    assert.equal(xpath(`string(//${ns('Language')})`), site.language);

    const home = (await page(site.path)).body;
    const [website] = [...home.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const action = website.potentialAction;
    assert.equal(action['@type'], 'SearchAction');
    assert.equal(action['query-input'], 'required name=query');
    const template = action.target.urlTemplate;
    assert.equal(template, `${publicOrigin}${site.path}search?q={query}`);
    const filled = new URL(template.replace('{query}', encodeURIComponent('lighthouse')));
    assert.equal((await page(`${filled.pathname}${filled.search}`)).res.status, 200);
  }
  const robots = (await page('/robots.txt')).body;
  for (const site of spec.sites) assert.match(robots, new RegExp(`^Disallow: ${site.path}search$`, 'm'));
});

test('`dateline reindex` makes the index anew with its count, and search finds the same', async () => {
  const before = results((await search('/en/', 'lighthouse')).body).map((r) => r.path);
  const r = dateline(['reindex', '--data', demo.data.dir]);
  assert.equal(r.status, 0, r.stderr);
  const count = Number(/^Indexed (\d+) stories for search\.$/m.exec(r.stdout)?.[1]);
  assert.equal(count, spec.sites.reduce((n, s) => n + s.articles.length, 0) + stories.length);
  assert.deepEqual(results((await search('/en/', 'lighthouse')).body).map((x) => x.path), before);
  const missing = dateline(['reindex', '--data', join(demo.data.dir, 'nothing-here')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /dateline init/);
});

test('a story published while the server runs is found at once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-search-'));
  const file = join(dir, 'story.json');
  writeFileSync(file, JSON.stringify({ uri: 'urn:newsml:search.test:quay', type: 'text', language: 'en',
    headline: 'Quayside cranes repainted in the port\'s old colours', body_html: '<p>Blue and white again.</p>',
    firstcreated: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }));
  const r = dateline(['import', '--data', demo.data.dir, '--site', 'en', '--section', 'business', '--publish', file]);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 0, r.stderr);
  const path = decodeURI(new URL(r.stdout.trim()).pathname);
  assert.equal(results((await search('/en/', 'quayside')).body)[0]?.path, path);
});
