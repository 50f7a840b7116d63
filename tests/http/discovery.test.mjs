// How readers' software and crawlers find the network's stories: each site's, section's and
// tag's feeds in RSS, Atom and JSON Feed, read back by real feed readers' parsers (Debian's
// python3-feedparser, npm's rss-parser) and checked against the JSON Feed schema; robots.txt and
// the sitemaps, checked against the schemas sitemaps.org and Google publish (xmllint).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Parser from 'rss-parser';
import { dateline, get, makeDataDir, repoRoot, startServer, useDemoServer, waitUntil } from '../support/dateline.mjs';
import { articlePath, loadDemo } from '../support/demo.mjs';
import { attr, decode, one, select } from '../support/html.mjs';

const demo = useDemoServer();
const spec = loadDemo();
const schemas = join(repoRoot, 'tests/fixtures/schemas');
const publicOrigin = 'http://localhost:8080';

async function text(path, headers = {}) {
  const res = await get(`${demo.server.url}${path}`, { headers });
  return { res, body: await res.text() };
}

/** What python3-feedparser makes of a feed (run as Debian ships it, not from a virtualenv). */
function feedparser(body) {
  const script = `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
  'version': d.version, 'bozo': d.bozo, 'bozo_exception': str(d.get('bozo_exception', '')),
  'title': d.feed.get('title'), 'link': d.feed.get('link'), 'language': d.feed.get('language'),
  'entries': [{
    'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'), 'summary': e.get('summary'),
    'content': (e.get('content') or [{}])[0].get('value'), 'published': e.get('published_parsed') and list(e.published_parsed)[:6],
    'updated': e.get('updated_parsed') and list(e.updated_parsed)[:6],
    'authors': [a.get('name') for a in e.get('authors', [])],
    'tags': [t.get('term') for t in e.get('tags', [])],
    'enclosures': [{'href': x.get('href'), 'length': x.get('length'), 'type': x.get('type')} for x in e.get('enclosures', [])],
  } for e in d.entries],
}))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: body, encoding: 'utf8' }));
}

/** xmllint's verdict on a document against a schema: '' when valid, its complaints otherwise. */
function schemaErrors(xml, schema) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-xml-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', join(schemas, schema), file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String(e.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every node an XPath selects, by xmllint (namespaces matched by local name). */
function xpath(xml, expression) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-xml-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const out = execFileSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8', stdio: 'pipe' });
    return out.split('\n').filter((l) => l !== '');
  } catch (e) {
    if (String(e.stderr).includes('XPath set is empty')) return [];
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const local = (...names) => names.map((n) => `*[local-name()='${n}']`).join('/');

/** The demo's stories of a site, newest first, as the demo loader dates them. */
function demoStories(site) {
  // Stories of the same hour are one moment; the later loaded (a larger id) comes first.
  return [...site.articles].sort((a, b) => a.published_hours_ago - b.published_hours_ago || b.file.localeCompare(a.file));
}

test('every page links the site\'s feeds from its head and its footer, and a listing its own', async () => {
  for (const path of ['/en/', '/ar/', '/en/world/', '/en/tags/aviation/', '/en/no-such-page/']) {
    const { body } = await text(path);
    const prefix = path.slice(0, 4);
    const alternates = select(body, { tag: 'link' }).filter((l) => attr(l.token, 'rel') === 'alternate' && attr(l.token, 'type'));
    const hrefs = alternates.map((l) => `${attr(l.token, 'type')} ${attr(l.token, 'href')}`);
    for (const [type, file] of [['application/rss+xml', 'rss.xml'], ['application/atom+xml', 'atom.xml'], ['application/feed+json', 'feed.json']]) {
      assert.ok(hrefs.includes(`${type} ${prefix}${file}`), `${path} links the site's ${file}: ${hrefs}`);
      if (path.endsWith('world/') || path.includes('/tags/'))
        assert.ok(hrefs.includes(`${type} ${path}${file}`), `${path} links its own ${file}`);
    }
    const footer = body.slice(body.indexOf('<footer'));
    const links = select(footer, { tag: 'a' }).map((a) => attr(a.token, 'href'));
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) assert.ok(links.includes(`${prefix}${file}`), `${path}'s footer links ${file}`);
  }
});

test('RSS and Atom read cleanly in feedparser, with everything a story carries', async () => {
  for (const site of spec.sites) {
    const newest = demoStories(site)[0];
    for (const [file, version] of [['rss.xml', 'rss20'], ['atom.xml', 'atom10']]) {
      const { res, body } = await text(`${site.path}${file}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), file === 'rss.xml' ? /^application\/rss\+xml; charset=utf-8$/ : /^application\/atom\+xml; charset=utf-8$/);
      const feed = feedparser(body);
      assert.equal(feed.bozo, false, `${site.path}${file}: ${feed.bozo_exception}`);
      assert.equal(feed.version, version);
      assert.equal(feed.title, site.name);
      assert.equal(feed.link, `${publicOrigin}${site.path}`);
      assert.equal(feed.entries.length, Math.min(20, site.articles.length));
      const first = feed.entries[0];
      assert.equal(first.title, newest.headline, 'newest first');
      assert.equal(decode(first.summary), newest.standfirst);
      assert.match(first.link, new RegExp(`^${publicOrigin}${site.path}${newest.section}/`));
      assert.match(first.id, new RegExp(`^tag:localhost,\\d{4}-\\d{2}-\\d{2}:${site.slug}/\\d+$`));
      assert.ok(first.authors.length > 0 && first.authors.every((a) => a), 'a byline');
      const section = site.sections.find((s) => s.slug === newest.section);
      for (const category of [section.name, ...newest.tags])
        assert.ok(first.tags.includes(category), `${file}: category ${category} in ${first.tags}`);
      const hoursAgo = (Date.now() - Date.UTC(...first.published.map((v, i) => (i === 1 ? v - 1 : v)))) / 3600_000;
      assert.ok(Math.abs(hoursAgo - newest.published_hours_ago) < 1, `${file}: published ${newest.published_hours_ago} hours ago`);
      assert.ok(first.updated, 'an update time');
      // The whole story: its picture with caption and credit, dateline, body and agency.
      assert.ok(first.content.includes(newest.dateline), 'the dateline');
      assert.ok(first.content.includes(newest.source), 'the agency credit');
      if (newest.image) {
        assert.ok(first.content.includes(`<figcaption>${newest.caption.replaceAll('&', '&amp;')}`) || first.content.includes(newest.caption), 'the caption');
        assert.ok(first.content.includes(newest.credit), 'the picture credit');
        assert.equal(first.enclosures.length, 1);
        const picture = first.enclosures[0];
        assert.match(picture.href, new RegExp(`^${publicOrigin}/media/[0-9a-f]+\\.(jpg|png)$`));
        const served = await get(`${demo.server.url}${new URL(picture.href).pathname}`);
        assert.equal(served.status, 200);
        assert.equal(picture.length, served.headers.get('content-length'), 'the enclosure\'s length is the file\'s');
        assert.equal(picture.type, served.headers.get('content-type'));
        await served.arrayBuffer();
      }
      for (const e of feed.entries) {
        assert.ok(e.id && e.title && e.link && e.content && e.published, `${file}: ${e.title} is whole`);
        assert.ok(!/href="\/|src="\//.test(e.content), 'links are absolute');
      }
    }
  }
});

test('a section\'s, a tag\'s and an author\'s feeds hold their own stories, in feedparser and in rss-parser', async () => {
  const en = spec.sites.find((s) => s.slug === 'en');
  const parser = new Parser();
  for (const [path, stories] of [
    ['/en/world/', en.articles.filter((a) => a.section === 'world')],
    ['/en/tags/aviation/', en.articles.filter((a) => a.tags.includes('Aviation'))],
    ['/en/authors/layla-haddad/', en.articles.filter((a) => a.authors.includes('layla-haddad'))],
  ]) {
    const expected = demoStories({ articles: stories }).map((a) => a.headline);
    for (const file of ['rss.xml', 'atom.xml']) {
      const { body } = await text(`${path}${file}`);
      const feed = feedparser(body);
      assert.equal(feed.bozo, false, `${path}${file}: ${feed.bozo_exception}`);
      assert.deepEqual(feed.entries.map((e) => e.title), expected, `${path}${file}`);
      const parsed = await parser.parseString(body);
      assert.deepEqual(parsed.items.map((i) => i.title), expected, `rss-parser: ${path}${file}`);
      assert.ok(parsed.items.every((i) => i.link && (i.isoDate || i.pubDate)), 'links and dates');
      assert.ok(parsed.items.every((i) => (i['content:encoded'] ?? i.content ?? '').length > 0), 'content');
    }
  }
});

test('JSON Feeds are valid against the published schema', async () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // feed-1.json is written as draft 4 (`id`); Ajv reads its keywords alike as draft 7.
  const base = JSON.parse(readFileSync(join(schemas, 'feed-1.json'), 'utf8'));
  const { id, $schema, ...rest } = base;
  ajv.addSchema({ ...rest, $id: id });
  const { $schema: ignored, ...feedSchema } = JSON.parse(readFileSync(join(schemas, 'feed.json'), 'utf8'));
  const validate = ajv.compile(feedSchema);
  for (const path of ['/en/feed.json', '/ar/feed.json', '/en/world/feed.json', '/en/tags/aviation/feed.json']) {
    const { res, body } = await text(path);
    assert.equal(res.headers.get('content-type'), 'application/feed+json; charset=utf-8');
    const feed = JSON.parse(body);
    assert.ok(validate(feed), `${path}: ${ajv.errorsText(validate.errors)}`);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.feed_url, `${publicOrigin}${path}`);
    assert.ok(feed.items.length > 0);
    for (const item of feed.items) {
      assert.ok(item.url.startsWith(publicOrigin) && item.content_html && item.date_published && item.date_modified);
      assert.equal(new Set(item.tags).size, item.tags.length, 'tags once each');
    }
  }
  const ar = JSON.parse((await text('/ar/feed.json')).body);
  assert.equal(ar.language, 'ar');
  assert.equal(ar.items[0].title, demoStories(spec.sites.find((s) => s.slug === 'ar'))[0].headline);
});

test('feeds answer conditional requests', async () => {
  for (const path of ['/en/rss.xml', '/en/atom.xml', '/ar/feed.json', '/en/sitemap.xml']) {
    const first = await get(`${demo.server.url}${path}`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    const modified = first.headers.get('last-modified');
    assert.ok(etag && modified, path);
    const byTag = await get(`${demo.server.url}${path}`, { headers: { 'If-None-Match': etag } });
    assert.equal(byTag.status, 304, `${path} by ETag`);
    const byDate = await get(`${demo.server.url}${path}`, { headers: { 'If-Modified-Since': modified } });
    assert.equal(byDate.status, 304, `${path} by date`);
    const changed = await get(`${demo.server.url}${path}`, { headers: { 'If-None-Match': '"0000000000000000"' } });
    assert.equal(changed.status, 200);
    await changed.arrayBuffer();
  }
});

test('robots.txt names each site\'s sitemap, and every sitemap is valid and lists every story once', async () => {
  const { res, body: robots } = await text('/robots.txt', { Host: 'localhost:8080' });
  assert.equal(res.status, 200);
  assert.match(robots, /^User-agent: \*$/m);
  assert.match(robots, /^Disallow: \/newsroom\/$/m);
  assert.match(robots, /^Disallow: \/api\/$/m);
  const indexes = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(indexes, spec.sites.map((s) => `${publicOrigin}${s.path}sitemap.xml`));
  for (const site of spec.sites) {
    const index = (await text(new URL(indexes[spec.sites.indexOf(site)]).pathname)).body;
    assert.equal(schemaErrors(index, 'siteindex.xsd'), '', `${site.path}sitemap.xml`);
    const listed = xpath(index, `//${local('sitemap', 'loc')}/text()`);
    assert.ok(listed.some((l) => l.endsWith('/sitemap-pages.xml')) && listed.some((l) => l.endsWith('/sitemap-news.xml')));
    // A sitemap may list only addresses below its own folder: each sits beside the index.
    for (const loc of listed) assert.equal(loc.slice(0, loc.lastIndexOf('/') + 1), `${publicOrigin}${site.path}`, loc);
    assert.equal(xpath(index, `//${local('sitemap', 'lastmod')}/text()`).length, listed.length, 'each with lastmod');
    const stories = [];
    for (const loc of listed) {
      const { res: r, body } = await text(new URL(loc).pathname);
      assert.equal(r.status, 200, loc);
      assert.equal(r.headers.get('content-type'), 'application/xml; charset=utf-8');
      assert.equal(schemaErrors(body, 'sitemap-with-extensions.xsd'), '', loc);
      const urls = xpath(body, `//${local('url', 'loc')}/text()`);
      assert.equal(xpath(body, `//${local('url', 'lastmod')}/text()`).length, urls.length, `${loc}: each with lastmod`);
      assert.ok(urls.length <= 50_000);
      if (loc.includes('/sitemap-stories-')) {
        stories.push(...urls);
        const withPicture = site.articles.filter((a) => a.image).length;
        assert.equal(xpath(body, `//${local('url', 'image', 'loc')}/text()`).length, withPicture, 'a picture entry for each lead picture');
      }
      if (loc.endsWith('/sitemap-pages.xml')) {
        assert.ok(urls.includes(`${publicOrigin}${site.path}`), 'the home page');
        for (const section of new Set(site.articles.map((a) => a.section)))
          assert.ok(urls.includes(`${publicOrigin}${site.path}${section}/`), `the ${section} section`);
        assert.ok(urls.some((u) => u.includes('/tags/')), 'the tags');
        // Every author with a story, and no one else.
        const bylined = new Set(site.articles.flatMap((a) => a.authors));
        assert.deepEqual(urls.filter((u) => u.includes('/authors/')).sort(),
          [...bylined].map((slug) => `${publicOrigin}${site.path}authors/${slug}/`).sort(), 'the authors');
      }
    }
    assert.equal(stories.length, site.articles.length, `${site.path}: every story`);
    assert.equal(new Set(stories).size, stories.length, 'once each');
    for (const url of stories) {
      const r = await get(`${demo.server.url}${new URL(url).pathname}`);
      assert.equal(r.status, 200, url);
      await r.arrayBuffer();
    }
  }
});

test('the news sitemap lists the last two days\' stories with their publication, language, date and title', async () => {
  for (const site of spec.sites) {
    const { body } = await text(`${site.path}sitemap-news.xml`);
    assert.equal(schemaErrors(body, 'sitemap-with-extensions.xsd'), '');
    const recent = demoStories(site).filter((a) => a.published_hours_ago < 48).map((a) => a.headline);
    assert.ok(recent.length > 0 && recent.length < site.articles.length, 'the demo has older stories too');
    assert.deepEqual(xpath(body, `//${local('news', 'title')}/text()`).map(decodeXml), recent);
    const names = new Set(xpath(body, `//${local('news', 'publication', 'name')}/text()`));
    assert.deepEqual([...names], [site.name]);
    const languages = new Set(xpath(body, `//${local('news', 'publication', 'language')}/text()`));
    assert.deepEqual([...languages], [site.language]);
    for (const date of xpath(body, `//${local('news', 'publication_date')}/text()`))
      assert.ok(Date.now() - Date.parse(date) < 48 * 3600_000, date);
  }
});

function decodeXml(s) {
  return s.replaceAll('&apos;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

test('a story published while the server runs reaches the feeds and the sitemaps', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-story-'));
  const fixture = join(dir, 'story.json');
  writeFileSync(fixture, JSON.stringify({
    uri: 'urn:newsml:discovery.test:ferry-timetable', type: 'text', language: 'en',
    firstcreated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    headline: 'Harbour ferries add a late crossing for the festival week',
    body_html: '<p>The last ferry now leaves at midnight until Sunday.</p>',
    located: 'SALALAH', copyrightholder: 'Coastal News Agency', subject: [{ name: 'Ferries' }],
  }));
  const r = dateline(['import', '--data', demo.data.dir, '--site', 'en', '--section', 'region', '--publish', fixture]);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 0, r.stderr);
  const url = r.stdout.trim();
  const path = new URL(url).pathname;
  await waitUntil('the new story in the site\'s feed', async () => (await text('/en/rss.xml')).body.includes(url));
  assert.ok((await text('/en/region/atom.xml')).body.includes(url), 'its section\'s feed');
  assert.ok((await text('/en/sitemap-news.xml')).body.includes(url), 'the news sitemap');
  const index = (await text('/en/sitemap.xml')).body;
  const parts = xpath(index, `//${local('sitemap', 'loc')}/text()`).filter((l) => l.includes('/sitemap-stories-'));
  const all = [];
  for (const loc of parts) all.push(...xpath((await text(new URL(loc).pathname)).body, `//${local('url', 'loc')}/text()`));
  assert.ok(all.includes(url), `a story sitemap lists ${path}`);
  assert.ok(!(await text('/ar/rss.xml')).body.includes(url), 'not another site\'s feed');
});

test('feeds and sitemaps that do not exist are the site\'s 404 page', async () => {
  for (const path of ['/en/no-such-section/rss.xml', '/en/tags/no-such-tag/atom.xml', '/en/sitemap-stories-01.xml',
    '/en/sitemap-stories-999.xml', '/en/sitemap-stories--1.xml', '/en/sitemap-other.xml', '/en/rss.xml/']) {
    const { res, body } = await text(path);
    assert.equal(res.status, 404, path);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.match(body, /<html lang="en"/);
  }
});

/** The JSON-LD blocks of a page, parsed. */
function structuredData(html) {
  return [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}
const metaContent = (html, key, name) => select(html, { tag: 'meta', where: (t) => attr(t, key) === name })
  .map((m) => attr(m.token, 'content'));

test('a story page describes the story for search engines and for sharing, field by field', async () => {
  const en = spec.sites.find((s) => s.slug === 'en');
  const story = demoStories(en).find((a) => a.image && a.authors.length > 0 && a.source);
  const feed = feedparser((await text('/en/rss.xml')).body);
  const url = feed.entries.find((e) => e.title === story.headline).link;
  const html = (await text(new URL(url).pathname)).body;
  const [article, trail] = structuredData(html);
  assert.equal(article['@context'], 'https://schema.org');
  assert.equal(article['@type'], 'NewsArticle');
  assert.equal(article.headline, story.headline);
  assert.equal(article.description, story.standfirst);
  assert.equal(article.url, url);
  assert.equal(article.mainEntityOfPage['@id'], url);
  // Times in the site's zone (Asia/Dubai), as the page shows them.
  assert.match(article.datePublished, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+04:00$/);
  assert.match(article.dateModified, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+04:00$/);
  const hoursAgo = (Date.now() - Date.parse(article.datePublished)) / 3600_000;
  assert.ok(Math.abs(hoursAgo - story.published_hours_ago) < 1);
  const authors = en.authors.filter((a) => story.authors.includes(a.slug)).map((a) => a.name);
  assert.deepEqual(article.author.map((a) => [a['@type'], a.name]), authors.map((n) => ['Person', n]));
  // Each author's URL is their page, the one the byline links, and it describes them.
  const bylineLinks = select(one(html, { cls: 'story__byline' }).inner, { tag: 'a' })
    .map((a) => `${publicOrigin}${attr(a.token, 'href')}`);
  assert.deepEqual(article.author.map((a) => a.url), bylineLinks);
  for (const author of article.author) {
    const profile = structuredData((await text(new URL(author.url).pathname)).body)
      .find((d) => d['@type'] === 'ProfilePage');
    assert.equal(profile?.mainEntity?.name, author.name, author.url);
    assert.equal(profile.mainEntity.url, author.url);
  }
  assert.equal(article.dateline, story.dateline);
  assert.equal(article.inLanguage, 'en');
  assert.equal(article.isAccessibleForFree, true);
  assert.equal(article.articleSection, en.sections.find((s) => s.slug === story.section).name);
  assert.deepEqual(article.keywords, story.tags);
  assert.equal(article.publisher['@type'], 'NewsMediaOrganization');
  assert.equal(article.publisher.name, en.name);
  assert.equal(article.publisher.url, `${publicOrigin}/en/`);
  const logo = await get(`${demo.server.url}${new URL(article.publisher.logo.url).pathname}`);
  assert.equal(logo.status, 200);
  assert.equal(logo.headers.get('content-type'), 'image/png');
  await logo.arrayBuffer();
  assert.deepEqual([article.publisher.logo.width, article.publisher.logo.height], [512, 512]);
  // The picture in the three frames search engines ask for, each served.
  assert.equal(article.image.length, 3);
  for (const [i, ratio] of ['16x9', '4x3', '1x1'].entries()) {
    assert.match(article.image[i], new RegExp(`^${publicOrigin}/media/[0-9a-f]+-${ratio}\\.jpg$`));
    const picture = await get(`${demo.server.url}${new URL(article.image[i]).pathname}`);
    assert.equal(picture.status, 200, article.image[i]);
    await picture.arrayBuffer();
  }
  assert.equal(trail['@type'], 'BreadcrumbList');
  assert.deepEqual(trail.itemListElement.map((i) => [i.position, i.name]),
    [[1, en.name], [2, article.articleSection], [3, story.headline]]);
  assert.equal(trail.itemListElement[2].item, url);

  // OpenGraph and X's card.
  assert.deepEqual(metaContent(html, 'property', 'og:type'), ['article']);
  assert.deepEqual(metaContent(html, 'property', 'og:url'), [url]);
  assert.deepEqual(metaContent(html, 'property', 'og:image'), [article.image[0]]);
  assert.deepEqual(metaContent(html, 'property', 'og:image:width'), ['1200']);
  assert.deepEqual(metaContent(html, 'property', 'og:image:height'), ['675']);
  assert.deepEqual(metaContent(html, 'property', 'og:image:alt'), [story.caption]);
  assert.deepEqual(metaContent(html, 'property', 'article:tag'), story.tags);
  assert.deepEqual(metaContent(html, 'name', 'twitter:card'), ['summary_large_image']);
  assert.deepEqual(metaContent(html, 'name', 'twitter:title'), [story.headline]);
  assert.deepEqual(metaContent(html, 'name', 'twitter:image'), [article.image[0]]);
  const canonical = select(html, { tag: 'link', where: (t) => attr(t, 'rel') === 'canonical' });
  assert.deepEqual(canonical.map((l) => attr(l.token, 'href')), [url]);
});

test('the home pages say they are each other\'s language versions, both ways, and name the site', async () => {
  const versions = {};
  for (const site of spec.sites) {
    const html = (await text(site.path)).body;
    versions[site.slug] = select(html, { tag: 'link', where: (t) => attr(t, 'rel') === 'alternate' && attr(t, 'hreflang') })
      .map((l) => `${attr(l.token, 'hreflang')} ${attr(l.token, 'href')}`);
    const [website] = structuredData(html);
    assert.equal(website['@type'], 'WebSite');
    assert.equal(website.name, site.name);
    assert.equal(website.url, `${publicOrigin}${site.path}`);
  }
  const expected = [...spec.sites.map((s) => `${s.language} ${publicOrigin}${s.path}`), `x-default ${publicOrigin}/en/`];
  for (const site of spec.sites) assert.deepEqual(versions[site.slug], expected, `${site.path}: every version, fully qualified`);
});

test('the demo\'s translations name each other with hreflang, both ways, fully qualified, with x-default', async () => {
  const pairs = [];
  for (const site of spec.sites) {
    for (const a of site.articles.filter((x) => x.translation_of)) {
      const [otherSlug, stem] = a.translation_of.split('/');
      const otherSite = spec.sites.find((s) => s.slug === otherSlug);
      const original = otherSite.articles.find((x) => x.file === `${stem}.json`);
      assert.ok(original, `${a.file}: translation_of names a demo story`);
      pairs.push([[site, a], [otherSite, original]]);
    }
  }
  assert.ok(pairs.length >= 2, 'the demo has translations in both directions');
  for (const pair of pairs) {
    const urls = [];
    for (const [site, story] of pair) urls.push(`${publicOrigin}${await articlePath(demo.server.url, site, story)}`);
    const named = [];
    for (const [i, [site]] of pair.entries()) {
      const html = (await text(new URL(urls[i]).pathname)).body;
      named.push(select(html, { tag: 'link', where: (t) => attr(t, 'rel') === 'alternate' && attr(t, 'hreflang') })
        .map((l) => `${attr(l.token, 'hreflang')} ${attr(l.token, 'href')}`).sort());
      // The story page's own language version is its canonical address.
      assert.equal(attr(one(html, { tag: 'link', where: (t) => attr(t, 'rel') === 'canonical' }).token, 'href'), urls[i]);
      // The language switch, in the masthead and the footer, leads to the translation, as the
      // story's own list of its translations does.
      const other = urls[1 - i];
      const switches = select(html, { tag: 'a', where: (t) => attr(t, 'hreflang') === pair[1 - i][0].language });
      assert.equal(select(one(html, { cls: 'masthead' }).inner, { tag: 'a', where: (t) => attr(t, 'hreflang') }).length, 1);
      assert.ok(switches.length >= 2, `${urls[i]}: a switch in the masthead and the footer`);
      for (const s of switches) assert.equal(`${publicOrigin}${attr(s.token, 'href')}`, other, `${urls[i]}: the switch`);
      assert.equal(site.language, pair[i][0].language);
    }
    const english = pair.findIndex(([site]) => site.slug === 'en');
    const expected = [...pair.map(([site], i) => `${site.language} ${urls[i]}`), `x-default ${urls[english]}`].sort();
    assert.deepEqual(named[0], expected, `${pair[0][1].file}: both versions and x-default`);
    assert.deepEqual(named[1], expected, `${pair[1][1].file}: the same set, reciprocal`);
  }
});

test('section, tag and author pages carry their place as a breadcrumb', async () => {
  for (const [path, name] of [['/en/world/', 'World'], ['/en/tags/aviation/', 'Aviation'], ['/ar/region/', 'المنطقة'],
    ['/en/authors/layla-haddad/', 'Layla Haddad']]) {
    const html = (await text(path)).body;
    const trail = structuredData(html).find((d) => d['@type'] === 'BreadcrumbList');
    assert.ok(trail, path);
    const site = spec.sites.find((s) => path.startsWith(s.path));
    assert.deepEqual(trail.itemListElement.map((i) => [i.name, i.item]),
      [[site.name, `${publicOrigin}${site.path}`], [name, `${publicOrigin}${path}`]]);
  }
});

test('a story page offers the networks its site shares on, as plain links in the site\'s order', async () => {
  for (const site of spec.sites) {
    const feed = feedparser((await text(`${site.path}rss.xml`)).body);
    const url = feed.entries[0].link;
    const story = { headline: feed.entries[0].title };
    const html = (await text(new URL(url).pathname)).body;
    const nav = select(html, { tag: 'nav', where: (t) => attr(t, 'class') === 'story__share' });
    assert.equal(nav.length, 1, `${site.path}: one share block`);
    const links = select(nav[0].outer, { tag: 'a' }).map((a) => attr(a.token, 'href'));
    const u = encodeURIComponent(url);
    const title = encodeURIComponent(story.headline).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const expected = {
      x: `https://x.com/intent/post?text=${title}&url=${u}`,
      facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
      whatsapp: `https://wa.me/?text=${title}%20${u}`,
      telegram: `https://t.me/share/url?url=${u}&text=${title}`,
      linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
      email: `mailto:?subject=${title}&body=${u}`,
    };
    assert.deepEqual(links, site.share.map((n) => expected[n]), `${site.path}: ${site.share}`);
  }
  // Nothing of the networks' own loads with a story page: every script, frame, picture and style
  // sheet comes from the site itself.
  const url = feedparser((await text('/en/rss.xml')).body).entries[0].link;
  const html = (await text(new URL(url).pathname)).body;
  const loaded = [...select(html, { tag: 'script' }).map((s) => attr(s.token, 'src')),
    ...select(html, { tag: 'iframe' }).map((f) => attr(f.token, 'src') ?? 'an iframe'),
    ...select(html, { tag: 'img' }).map((i) => attr(i.token, 'src')),
    ...select(html, { tag: 'link', where: (t) => attr(t, 'rel') === 'stylesheet' }).map((l) => attr(l.token, 'href'))]
    .filter((src) => src !== undefined);
  assert.ok(loaded.length > 0);
  for (const src of loaded) assert.match(src, /^\/(?!\/)/, `loaded from the site itself: ${src}`);
});

test('a site without news lists no news sitemap, and an empty one is not served', async () => {
  const data = makeDataDir({ demo: false });
  const server = await startServer(data.dir);
  try {
    // The default network: one site at the root of the public address, no story yet.
    const index = await (await get(`${server.url}/sitemap.xml`)).text();
    assert.equal(schemaErrors(index, 'siteindex.xsd'), '');
    assert.deepEqual(xpath(index, `//${local('sitemap', 'loc')}/text()`), [`${publicOrigin}/sitemap-pages.xml`]);
    const pages = await (await get(`${server.url}/sitemap-pages.xml`)).text();
    assert.equal(schemaErrors(pages, 'sitemap-with-extensions.xsd'), '', 'the home page alone, still a valid sitemap');
    const news = await get(`${server.url}/sitemap-news.xml`);
    assert.equal(news.status, 404);
    await news.arrayBuffer();
  } finally {
    await server.stop();
    data.remove();
  }
});

