// Reader pages of the demo network over a real server: every page type of both sites, the
// anatomy of an article page, right-to-left Arabic, and the HTTP behaviour around them (redirects,
// HEAD, security headers, static assets, malformed targets, limits, keep-alive).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDataDir, startServer, get } from '../support/dateline.mjs';
import { loadDemo, listingSizes, articlePath } from '../support/demo.mjs';
import { select, one, attr, count, textOf, elements } from '../support/html.mjs';
import { rawRequest, exchange, parseResponse, requestText, Connection } from '../support/raw-http.mjs';

const TIME_ZONE = 'Asia/Dubai';
const ISO_DUBAI = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+04:00$/;
const ARABIC_DIGITS = /[\u0660-\u0669]/;
const HOUR = 3600_000;

const demo = loadDemo();
const en = demo.sites.find((s) => s.slug === 'en');
const ar = demo.sites.find((s) => s.slug === 'ar');

let data;
let server;
let initAt;

before(async () => {
  initAt = Date.now();
  data = makeDataDir();
  server = await startServer(data.dir);
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, 'the server stops cleanly');
  data?.remove();
});

async function page(path, options) {
  const res = await get(server.url + path, options);
  return { res, html: await res.text() };
}

/** The demo article of a site that exercises the most of the anatomy: updated, image, source. */
function richArticle(site) {
  const candidates = site.articles.filter((a) => a.updated_hours_ago && a.image && a.source && a.caption && a.credit);
  assert.ok(candidates.length > 0, `the ${site.slug} demo has an updated article with an image and a source`);
  return candidates.sort((a, b) => b.authors.length - a.authors.length || b.tags.length - a.tags.length)[0];
}

/** The demo site of a language: its digits are one style across interface and dates. */
const siteOf = (lang) => demo.sites.find((s) => s.language === lang);
const localeOf = (lang) => `${lang}-u-nu-${siteOf(lang).arabic_indic_digits ? 'arab' : 'latn'}`;

function localDate(instant, lang) {
  const parts = (options) => new Intl.DateTimeFormat(localeOf(lang), { timeZone: TIME_ZONE, ...options }).format(instant);
  return { year: parts({ year: 'numeric' }), months: [parts({ month: 'long' }), parts({ month: 'short' })] };
}

/** Checks one <time> element: an ISO 8601 datetime in +04:00 near `expected`, and a readable date. */
function checkTime(time, expected, lang, what) {
  const iso = attr(time.token, 'datetime');
  assert.match(iso ?? '', ISO_DUBAI, `${what}: datetime is ISO 8601 with the site's +04:00 offset`);
  const instant = Date.parse(iso);
  assert.ok(Math.abs(instant - expected) < 5 * 60_000,
    `${what}: ${iso} is the stored time (expected about ${new Date(expected).toISOString()})`);
  const { year, months } = localDate(instant, lang);
  assert.ok(time.text.includes(year), `${what}: visible text "${time.text}" shows the year ${year}`);
  assert.ok(months.some((m) => time.text.includes(m)), `${what}: visible text "${time.text}" names the month (${months})`);
  if (siteOf(lang).arabic_indic_digits) {
    assert.match(time.text, ARABIC_DIGITS, `${what}: the site's Arabic-Indic digits`);
    assert.doesNotMatch(time.text, /[0-9]/, `${what}: no Western digits: "${time.text}"`);
  } else {
    assert.doesNotMatch(time.text, ARABIC_DIGITS, `${what}: the site's Western digits, as its copy: "${time.text}"`);
  }
}

describe('redirects and service endpoints', () => {
  it('/ leads to the default (English) site', async () => {
    const { res } = await page('/');
    assert.ok([301, 302, 303, 307, 308].includes(res.status), `status ${res.status}`);
    assert.equal(new URL(res.headers.get('location'), server.url).href, `${server.url}/en/`);
  });

  it('/ follows the reader\'s Accept-Language among the sites, and says it varies by it', async () => {
    for (const [languages, site] of [['ar', '/ar/'], ['ar-AE,en;q=0.5', '/ar/'], ['fr, ar;q=0.3', '/ar/'],
      ['AR-sa;q=0.9, en;q=0.8', '/ar/'], ['en-GB,en;q=0.9,ar;q=0.8', '/en/'], ['de', '/en/'], ['*', '/en/'],
      ['ar;q=0', '/en/'], ['ar;q=2', '/en/']]) {
      const { res } = await page('/', { headers: { 'accept-language': languages } });
      assert.equal(res.status, 302, languages);
      assert.equal(new URL(res.headers.get('location'), server.url).pathname, site, languages);
      assert.equal(res.headers.get('vary'), 'Accept-Language');
      assert.match(res.headers.get('cache-control'), /^public/);
      assert.equal(res.headers.get('set-cookie'), null);
    }
  });

  it('/en redirects to /en/', async () => {
    const { res } = await page('/en');
    assert.ok([301, 308].includes(res.status), `a permanent redirect, got ${res.status}`);
    assert.equal(new URL(res.headers.get('location'), server.url).href, `${server.url}/en/`);
  });

  it('/ar redirects to /ar/', async () => {
    const { res } = await page('/ar');
    assert.ok([301, 308].includes(res.status), `a permanent redirect, got ${res.status}`);
    assert.equal(new URL(res.headers.get('location'), server.url).href, `${server.url}/ar/`);
  });

  it('/healthz answers 200', async () => {
    const { res, html } = await page('/healthz');
    assert.equal(res.status, 200);
    assert.ok(html.length > 0 && html.length < 100, 'a short body');
  });
});

describe('every page type of both sites', () => {
  const pages = [];
  before(async () => {
    for (const site of [en, ar]) {
      const article = richArticle(site);
      const articleUrl = await articlePath(server.url, site, article);
      const { html } = await page(articleUrl);
      const tagLink = select(html, { cls: 'story__tags' })[0];
      const tagHref = tagLink && attr(select(tagLink.inner, { tag: 'a' })[0].token, 'href');
      const authorHref = attr(select(one(html, { cls: 'story__byline' }).inner, { tag: 'a' })[0].token, 'href');
      pages.push(
        { site, kind: 'home', path: site.path },
        { site, kind: 'section', path: `${site.path}${site.sections[0].slug}/` },
        { site, kind: 'tag', path: tagHref },
        { site, kind: 'author', path: authorHref },
        { site, kind: 'article', path: articleUrl },
        { site, kind: 'not found', path: `${site.path}no-such-section/no-such-story`, status: 404 },
      );
    }
  });

  it('the navigation marks the reader\'s place: Home on the home page, a section on its page and its stories, nothing elsewhere', async () => {
    for (const p of pages) {
      const { html } = await page(p.path);
      const current = select(html, { tag: 'a', where: (t) => attr(t, 'aria-current') === 'page' })
        .map((a) => attr(a.token, 'href'));
      const article = p.kind === 'article' ? richArticle(p.site) : null;
      const expected = { home: [p.site.path], section: [p.path], article: [`${p.site.path}${article?.section}/`] }[p.kind] ?? [];
      assert.deepEqual(current, expected, `${p.site.slug} ${p.kind} ${p.path}`);
    }
    const { html } = await page(`/en/search?q=port`);
    assert.equal(select(html, { tag: 'a', where: (t) => attr(t, 'aria-current') }).length, 0, 'the search page');
  });

  it('each answers with its status, HTML in UTF-8, and the site language and direction', async () => {
    assert.equal(pages.length, 12);
    for (const p of pages) {
      assert.ok(p.path, `${p.site.slug} ${p.kind}: a URL was found`);
      const { res, html } = await page(p.path);
      const what = `${p.site.slug} ${p.kind} ${p.path}`;
      assert.equal(res.status, p.status ?? 200, what);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', what);
      assert.match(html, /^<!DOCTYPE html>/i, `${what}: an HTML5 document`);
      const root = one(html, { tag: 'html' });
      assert.equal(attr(root.token, 'lang'), p.site.language, `${what}: lang`);
      assert.equal(attr(root.token, 'dir'), p.site.direction, `${what}: dir`);
      assert.equal(select(html, { tag: 'h1' }).length, 1, `${what}: exactly one <h1>`);
      assert.ok(one(html, { tag: 'title' }).text.length > 0, `${what}: a title`);
      assert.ok(html.trimEnd().endsWith('</html>'), `${what}: the whole document was sent`);
    }
  });

  it('the home page shows a lead story and the latest news, in the site language', async () => {
    for (const [site, heading] of [[en, 'Latest news'], [ar, 'آخر الأخبار']]) {
      const { html } = await page(site.path);
      assert.ok(select(html, { tag: 'h2' }).some((h) => h.text === heading), `${site.slug}: a "${heading}" heading`);
      const headlines = new Set(site.articles.map((a) => a.headline));
      const linked = select(html, { tag: 'a' }).map((a) => a.text).filter((t) => headlines.has(t));
      assert.ok(new Set(linked).size >= 10, `${site.slug}: the home page links at least 10 stories, found ${new Set(linked).size}`);
      const newest = [...site.articles].sort((a, b) => a.published_hours_ago - b.published_hours_ago)[0];
      assert.ok(linked.includes(newest.headline), `${site.slug}: the newest story "${newest.headline}" is on the home page`);
      // The lead story's picture, the largest thing on a phone's first screen, is asked for first.
      const urgent = select(html, { tag: 'img' }).filter((img) => attr(img.token, 'fetchpriority') === 'high');
      assert.equal(urgent.length, 1, `${site.slug}: one picture asked for first`);
      const lead = one(html, { cls: 'card--lead' });
      assert.ok(lead.inner.includes(urgent[0].outer), `${site.slug}: it is the lead story's`);
    }
  });

  it('a section page lists exactly the stories of that section, newest first', async () => {
    for (const site of [en, ar]) {
      const section = site.sections[0];
      const expected = site.articles.filter((a) => a.section === section.slug)
        .sort((a, b) => a.published_hours_ago - b.published_hours_ago);
      assert.ok(expected.length > 0 && expected.length <= 20);
      const { html } = await page(`${site.path}${section.slug}/`);
      assert.equal(one(html, { tag: 'h1' }).text, section.name, `${site.slug}: the section name is the heading`);
      const listed = select(html, { cls: 'card__headline' }).map((h) => h.text);
      assert.deepEqual(listed, expected.map((a) => a.headline), `${site.slug} ${section.slug}: the listing`);
      // What a search engine shows under the title: the section and the site, in the site's language.
      const description = select(html, { tag: 'meta' }).find((m) => attr(m.token, 'name') === 'description');
      assert.ok(description, `${site.slug}: a section page has a meta description`);
      const text = attr(description.token, 'content');
      assert.ok(text.startsWith(`${section.name}: `) && text.includes(site.name), `${site.slug}: ${text}`);
      assert.match(text, site.language === 'ar' ? /آخر الأخبار/ : /latest stories/);
    }
  });

  it('a tag page lists exactly the stories with that tag', async () => {
    for (const site of [en, ar]) {
      const article = richArticle(site);
      const { html: articleHtml } = await page(await articlePath(server.url, site, article));
      const link = select(one(articleHtml, { cls: 'story__tags' }).inner, { tag: 'a' })[0];
      const tagName = link.text;
      const { res, html } = await page(attr(link.token, 'href'));
      assert.equal(res.status, 200);
      assert.equal(one(html, { tag: 'h1' }).text, tagName, `${site.slug}: the tag name is the heading`);
      const expected = site.articles.filter((a) => a.tags.includes(tagName)).map((a) => a.headline).sort();
      const listed = select(html, { cls: 'card__headline' }).map((h) => h.text).sort();
      assert.deepEqual(listed, expected, `${site.slug}: the "${tagName}" listing`);
    }
  });

  it('listings longer than a page continue with older stories; others have one page', async () => {
    for (const site of [en, ar]) {
      const sizes = listingSizes(site).filter((l) => l.kind === 'section');
      const biggest = sizes.sort((a, b) => b.count - a.count)[0];
      const { html } = await page(biggest.path);
      const next = select(html, { tag: 'a', where: (t) => attr(t, 'rel') === 'next' });
      if (biggest.count > 20) {
        assert.equal(next.length, 1, `${biggest.path}: a link to older stories`);
        const second = await page(attr(next[0].token, 'href'));
        assert.equal(second.res.status, 200);
        assert.equal(select(second.html, { cls: 'card__headline' }).length, Math.min(20, biggest.count - 20));
      } else {
        assert.equal(select(html, { cls: 'card__headline' }).length, biggest.count, `${biggest.path}: all on one page`);
        assert.equal(next.length, 0, `${biggest.path}: no older link when everything fits on one page`);
        assert.equal(select(html, { cls: 'pagination' }).length, 0, `${biggest.path}: no pagination at all`);
      }
    }
  });
});

for (const [site, lang] of [[en, 'en'], [ar, 'ar']]) {
  describe(`article anatomy (${lang})`, () => {
    const article = richArticle(site);
    let path;
    let html;
    before(async () => {
      path = await articlePath(server.url, site, article);
      const r = await page(path);
      assert.equal(r.res.status, 200);
      html = r.html;
    });

    it('has exactly one <h1>, the headline, and the headline in the title', () => {
      assert.equal(count(html, '<h1'), 1);
      assert.equal(one(html, { tag: 'h1' }).text, article.headline);
      assert.ok(one(html, { tag: 'title' }).text.startsWith(article.headline), 'the title starts with the headline');
    });

    it('shows when it was first published and last updated, with dates, in the site time zone', () => {
      const published = select(html, { cls: 'story__published' });
      assert.equal(published.length, 1, 'one published time');
      checkTime(one(published[0].outer, { tag: 'time' }), initAt - article.published_hours_ago * HOUR, lang, 'published');
      const updated = select(html, { cls: 'story__updated' });
      assert.equal(updated.length, 1, 'one updated time (the article was updated)');
      checkTime(one(updated[0].outer, { tag: 'time' }), initAt - article.updated_hours_ago * HOUR, lang, 'updated');
      assert.ok(published[0].text.startsWith(lang === 'en' ? 'Published' : 'نُشر'), `label: ${published[0].text}`);
      assert.ok(updated[0].text.startsWith(lang === 'en' ? 'Updated' : 'حُدّث يوم'), `label: ${updated[0].text}`);
    });

    it('writes the time line as the language does: Arabic with a 24-hour clock, the zone by its place and the Hijri date', () => {
      const [published] = select(html, { cls: 'story__published' });
      const time = one(published.outer, { tag: 'time' });
      const instant = Date.parse(attr(time.token, 'datetime'));
      const clock = new Intl.DateTimeFormat(localeOf(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
      if (lang === 'ar') {
        assert.ok(published.text.startsWith('نُشر يوم '), published.text);
        assert.ok(time.text.includes(`، الساعة ${clock} بتوقيت الإمارات العربية المتحدة`), `24-hour clock and the zone's place: ${time.text}`);
        assert.doesNotMatch(time.text, /غرينتش| ص | م$/, `no offset from Greenwich, no abbreviated day period: ${time.text}`);
        const hijri = new Intl.DateTimeFormat(`${lang}-u-ca-islamic-umalqura-nu-${siteOf(lang).arabic_indic_digits ? 'arab' : 'latn'}`, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' })
          .formatToParts(instant).filter((p) => p.type !== 'literal').map((p) => p.value);
        assert.ok(time.text.includes('الموافق'), `the Hijri date beside the Gregorian one (the site shows it): ${time.text}`);
        for (const part of hijri) assert.ok(time.text.includes(part), `Hijri ${part} in ${time.text}`);
      } else {
        assert.match(time.text, /\d{1,2}:\d{2}[\s\u202f][AP]M GMT\+4$/, `English keeps its clock and the offset: ${time.text}`);
        assert.doesNotMatch(time.text, /AH/, 'no Hijri date: the English site does not show it');
      }
    });

    it('has a byline naming its authors in order', () => {
      const byline = one(html, { cls: 'story__byline' });
      const names = article.authors.map((slug) => site.authors.find((a) => a.slug === slug).name);
      assert.deepEqual(select(byline.inner, { cls: 'story__author' }).map((a) => a.text), names);
      assert.ok(byline.text.startsWith(lang === 'en' ? 'By ' : 'بقلم '), `byline: ${byline.text}`);
    });

    it('links each name of the byline to the author\'s page: their role and their stories, newest first', async () => {
      const links = select(one(html, { cls: 'story__byline' }).inner, { tag: 'a' });
      assert.equal(links.length, article.authors.length);
      for (const [i, link] of links.entries()) {
        const author = site.authors.find((a) => a.slug === article.authors[i]);
        const href = attr(link.token, 'href');
        assert.equal(href, `${site.path}authors/${author.slug}/`);
        const { res, html: authorPage } = await page(href);
        assert.equal(res.status, 200, href);
        assert.equal(one(authorPage, { tag: 'h1' }).text, author.name);
        assert.equal(one(authorPage, { cls: 'listing__kind' }).text, lang === 'en' ? 'Author' : 'كاتب');
        assert.equal(one(authorPage, { cls: 'listing__note' }).text, author.role);
        const theirs = site.articles.filter((a) => a.authors.includes(author.slug));
        assert.ok(theirs.length <= 20, 'the demo author fits one page');
        const listed = select(authorPage, { cls: 'card__headline' }).map((h) => h.text);
        assert.deepEqual([...listed].sort(), theirs.map((a) => a.headline).sort(), href);
        const hoursAgo = listed.map((h) => theirs.find((a) => a.headline === h).published_hours_ago);
        assert.deepEqual(hoursAgo, [...hoursAgo].sort((x, y) => x - y), `${href}: newest first`);
        assert.ok(listed.includes(article.headline), `${href} lists the story`);
      }
    });

    it('names two authors in order, joined in the site language', async () => {
      const shared = site.articles.find((a) => a.authors.length >= 2);
      assert.ok(shared, `the ${lang} demo has a story by two authors`);
      const html2 = (await page(await articlePath(server.url, site, shared))).html;
      const names = shared.authors.map((slug) => site.authors.find((a) => a.slug === slug).name);
      const byline = one(html2, { cls: 'story__byline' });
      assert.deepEqual(select(byline.inner, { cls: 'story__author' }).map((a) => a.text), names);
      const joined = lang === 'en' ? `By ${names.join(' and ')}` : `بقلم ${names.join(' و ')}`;
      assert.equal(byline.text.replace(/\s+/g, ' '), joined);
    });

    it('has its dateline once', () => {
      assert.equal(one(html, { cls: 'story__dateline' }).text, article.dateline);
    });

    it('has one <figure> with the image, its caption and its credit', async () => {
      const figure = one(html, { tag: 'figure' });
      const img = one(figure.outer, { tag: 'img' });
      assert.ok(attr(img.token, 'alt'), 'the image has alternative text');
      const image = await get(new URL(attr(img.token, 'src'), server.url + path).href);
      assert.equal(image.status, 200, 'the image is served');
      assert.match(image.headers.get('content-type'), /^image\/(jpeg|png|webp)/);
      assert.ok((await image.arrayBuffer()).byteLength > 1000, 'a real image');
      const caption = one(figure.outer, { tag: 'figcaption' });
      assert.ok(caption.text.includes(article.caption), `caption: ${caption.text}`);
      assert.ok(caption.text.includes(article.credit), `credit: ${caption.text}`);
    });

    it('has the body, each paragraph of it once', () => {
      const body = one(html, { cls: 'story__body' });
      const paragraphs = select(article.body_html, { tag: 'p' }).map((p) => p.text);
      assert.ok(paragraphs.length >= 3);
      for (const p of paragraphs) assert.equal(count(body.text, p), 1, `paragraph once: ${p.slice(0, 60)}`);
    });

    it('credits the agency once: "Source:" and its name', () => {
      const source = one(html, { cls: 'story__source' });
      const label = lang === 'en' ? 'Source:' : 'المصدر:';
      assert.equal(source.text, `${label} ${article.source}`);
    });

    it('lists its tags as links to tag pages that exist and list the story', async () => {
      const links = select(one(html, { cls: 'story__tags' }).inner, { tag: 'a' });
      assert.deepEqual(links.map((a) => a.text), article.tags);
      for (const link of links) {
        const href = attr(link.token, 'href');
        assert.ok(href.startsWith(`${site.path}tags/`) && href.endsWith('/'), `tag link ${href}`);
        const tagPage = await page(href);
        assert.equal(tagPage.res.status, 200, `${href} exists`);
        assert.ok(select(tagPage.html, { cls: 'card__headline' }).some((h) => h.text === article.headline),
          `${href} lists the story`);
      }
    });

    it('ends with related news: other stories sharing its tags or words, each with a date', () => {
      const related = one(html, { cls: 'related' });
      assert.equal(one(related.outer, { tag: 'h2' }).text, lang === 'en' ? 'Related news' : 'أخبار ذات صلة');
      const cards = select(related.inner, { tag: 'article' });
      assert.ok(cards.length >= 2, `at least two related stories, found ${cards.length}`);
      for (const card of cards) {
        const headline = one(card.inner, { cls: 'card__headline' }).text;
        assert.notEqual(headline, article.headline, 'the story is not related to itself');
        const other = site.articles.find((a) => a.headline === headline);
        assert.ok(other, `"${headline}" is a story of the same site`);
        // A tag, or at least two words (of five letters or more, a rough stand-in for the key
        // terms the choice compares) of the headlines and standfirsts.
        const words = (a) => new Set(`${a.headline} ${a.standfirst}`.toLowerCase().match(/[\p{L}]{5,}/gu) ?? []);
        const ours = words(article);
        const sharedWords = [...words(other)].filter((w) => ours.has(w)).length;
        assert.ok(other.tags.some((t) => article.tags.includes(t)) || sharedWords >= 2,
          `"${headline}" shares a tag or words with the story`);
        const time = one(card.inner, { tag: 'time' });
        checkTime(time, initAt - other.published_hours_ago * HOUR, lang, `related "${headline}"`);
      }
    });

    it('shows each block once, and nothing escaped twice', () => {
      for (const cls of ['story__headline', 'story__byline', 'story__times', 'story__figure', 'story__dateline',
        'story__body', 'story__source', 'story__tags', 'related', 'masthead', 'site-footer']) {
        assert.equal(select(html, { cls }).length, 1, `one .${cls}`);
      }
      for (const tag of ['main', 'figure', 'figcaption']) {
        assert.equal(select(html, { tag }).length, 1, `one <${tag}>`);
      }
      assert.equal(count(textOf(html), site.footer_credit), 1, 'the footer credit once');
      assert.equal(count(textOf(html), site.publisher_address), 1, 'the publisher address once');
      assert.equal(count(one(html, { tag: 'main' }).text, article.headline), 1, 'the headline once in the page body');
      assert.doesNotMatch(html, /&amp;(#\d+|#x[0-9a-f]+|[a-z]+);/i, 'no double-escaped character references');
      assert.doesNotMatch(textOf(html), /\\['"]/, 'no backslash-escaped quotes');
    });
  });
}

describe('the Arabic site', () => {
  it('is right-to-left with Arabic interface strings, and one digit style in its dates and copy', async () => {
    const { html } = await page('/ar/');
    const root = one(html, { tag: 'html' });
    assert.equal(attr(root.token, 'lang'), 'ar');
    assert.equal(attr(root.token, 'dir'), 'rtl');
    assert.ok(textOf(html).includes('آخر الأخبار'), '"latest news" in Arabic');
    assert.ok(textOf(html).includes('الرئيسية'), '"home" in Arabic');
    assert.doesNotMatch(textOf(html), /\b(Latest news|Home|Related news|Skip to content)\b/, 'no English interface strings');
    // The demo's Arabic copy writes Western digits, as most Gulf papers and agencies do; so do
    // its dates, and the page tells its script which digits to use.
    assert.equal(ar.arabic_indic_digits, false);
    assert.equal(attr(root.token, 'data-numbering'), 'latn');
    assert.ok(select(html, { cls: 'card__headline' }).some((h) => /[0-9]/.test(h.text)), 'a headline with figures');
    const times = select(html, { tag: 'time' });
    assert.ok(times.length > 5);
    for (const t of times) {
      assert.match(t.text, /\b20\d\d\b/, `date "${t.text}" in Western digits`);
      assert.doesNotMatch(t.text, ARABIC_DIGITS, `date "${t.text}" has no Arabic-Indic digits`);
    }
  });

  it('the English site keeps Western digits and English strings', async () => {
    const { html } = await page('/en/');
    for (const t of select(html, { tag: 'time' })) assert.match(t.text, /\b20\d\d\b/, `date "${t.text}"`);
    assert.doesNotMatch(textOf(one(html, { tag: 'main' }).inner), ARABIC_DIGITS);
  });
});

describe('not found', () => {
  for (const [site, title] of [[en, 'Page not found'], [ar, 'الصفحة غير موجودة']]) {
    it(`${site.slug}: a missing page is 404 in the site's language`, async () => {
      for (const path of [`${site.path}no-such-page`, `${site.path}${site.sections[0].slug}/no-such-story`,
        `${site.path}tags/no-such-tag/`, `${site.path}no-such-section/`]) {
        const { res, html } = await page(path);
        assert.equal(res.status, 404, path);
        assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', path);
        const root = one(html, { tag: 'html' });
        assert.equal(attr(root.token, 'lang'), site.language, path);
        assert.equal(attr(root.token, 'dir'), site.direction, path);
        assert.equal(one(html, { tag: 'h1' }).text, title, path);
        assert.ok(select(html, { tag: 'a', where: (t) => attr(t, 'href') === site.path }).length > 0,
          `${path}: a way back to the home page`);
      }
    });
  }

  for (const [site, labelText, heading] of [[en, 'Search the site', 'Latest news'], [ar, 'ابحث في الموقع', 'آخر الأخبار']]) {
    it(`${site.slug}: a missing page offers the site's search and its five newest stories`, async () => {
      const { res, html } = await page(`${site.path}no-such-page`);
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      // Besides the masthead's, a search form in the page itself.
      const form = one(html, { tag: 'form', cls: 'search__form' });
      assert.equal(attr(form.token, 'action'), `${site.path}search`);
      assert.equal(attr(form.token, 'method'), 'get');
      const input = one(html, { tag: 'input', cls: 'search__input' });
      assert.equal(attr(input.token, 'name'), 'q');
      const label = one(html, { tag: 'label', where: (t) => attr(t, 'for') === attr(input.token, 'id') });
      assert.equal(label.text, labelText);
      assert.ok(select(html, { tag: 'h2' }).some((h) => h.text === heading), `a "${heading}" heading`);
      // Five of the site's newest stories (stories published at the same hour may come in
      // either order), newest first, each linked to where it is read.
      const hours = new Map(site.articles.map((a) => [a.headline, a.published_hours_ago]));
      const linked = select(html, { tag: 'h3' }).map((h) => h.text).filter((t) => hours.has(t));
      assert.equal(new Set(linked).size, 5, `five stories: ${linked}`);
      const fifth = [...hours.values()].sort((a, b) => a - b)[4];
      for (const [i, headline] of linked.entries()) {
        assert.ok(hours.get(headline) <= fifth, `"${headline}" is among the five newest`);
        if (i > 0) assert.ok(hours.get(headline) >= hours.get(linked[i - 1]), 'newest first');
      }
      const newest = site.articles.find((a) => a.headline === linked[0]);
      const story = await articlePath(server.url, site, newest);
      assert.ok(select(html, { tag: 'a', where: (t) => attr(t, 'href') === story }).length > 0,
        `the newest story is linked at ${story}`);
    });
  }

  it('an address outside every site is 404', async () => {
    const { res } = await page('/no-such-site/');
    assert.equal(res.status, 404);
  });

  it('a listing page that starts nowhere is 404, and only listings have such pages', async () => {
    const story = await articlePath(server.url, en, en.articles[0]);
    for (const path of ['/en/?before=1', `${story}?before=1`, `${story}?after=1`, '/en/?before=abc', '/en/region/?before=abc', '/en/region/?before=0',
      '/en/region/?before=-1', '/en/region/newer/999999/', '/ar/region/older/999999/',
      '/en/region/?before=1x', '/en/region/?before=1&after=2', '/en/region/?comments=0',
      '/en/region/older/abc/', '/en/region/older/0/', '/en/region/older/1x/', '/en/region/later/1/',
      '/en/tags/no-such-tag/older/1/', '/en/no-such-section/older/1/', '/en/authors/no-such-author/',
      '/en/authors/no-such-author/older/1/', '/en/authors/layla-haddad/older/abc/', '/ar/authors/layla-haddad/']) {
      const { res } = await page(path);
      assert.equal(res.status, 404, path);
    }
  });
});

describe('HTTP behaviour', () => {
  it('HEAD answers with the headers of GET and no body', async () => {
    for (const path of ['/en/', '/ar/', '/assets/css/site.css', '/en/no-such-page']) {
      const getResult = await rawRequest(server.port, path);
      const headResult = await exchange(server.port, requestText(path, { method: 'HEAD' }));
      const g = getResult.response;
      const h = parseResponse(headResult.data, { head: true });
      assert.ok(g && h, `${path}: both answered`);
      assert.equal(h.status, g.status, `${path}: status`);
      for (const name of ['content-type', 'content-security-policy', 'cache-control', 'content-language']) {
        assert.equal(h.headers[name], g.headers[name], `${path}: ${name}`);
      }
      assert.equal(Number(h.headers['content-length']), g.body.length, `${path}: Content-Length is the GET body length`);
      assert.equal(h.rest.length, 0, `${path}: HEAD sends no body`);
    }
  });

  it('every response carries the security headers, errors and assets included', async () => {
    const { html: home } = await page('/en/');
    const image = attr(select(home, { tag: 'img' })[0].token, 'src');
    const targets = ['/', '/en', '/en/', '/ar/', '/en/no-such-page', '/healthz', '/assets/css/site.css', image,
      '/assets/no-such-file.css', '/../etc/passwd', '/en/region/?before=abc'];
    const responses = [];
    for (const t of targets) {
      const r = await rawRequest(server.port, t);
      assert.ok(r.response, `${t}: answered`);
      responses.push([t, r.response]);
    }
    const post = await rawRequest(server.port, '/en/', { method: 'POST', headers: { 'Content-Length': '0' } });
    responses.push(['POST /en/', post.response]);
    for (const [t, r] of responses) {
      const csp = r.headers['content-security-policy'];
      assert.ok(csp, `${t} (${r.status}): Content-Security-Policy`);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `${t}: CSP allows no inline script or style`);
      assert.match(csp, /frame-ancestors\s+('none'|'self')/, `${t}: CSP frame-ancestors`);
      assert.match(csp, /(default-src|script-src)\s+'(self|none)'/, `${t}: CSP restricts scripts`);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', `${t}: nosniff`);
      assert.match(r.headers['referrer-policy'] ?? '',
        /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin|origin|origin-when-cross-origin)$/,
        `${t}: Referrer-Policy`);
    }
  });

  it('pages work under their CSP: no inline scripts, styles or event handlers', async () => {
    for (const path of ['/en/', '/ar/', '/en/region/', '/en/no-such-page']) {
      const { html } = await page(path);
      for (const t of elements(html)) {
        assert.notEqual(t.name, 'style', `${path}: no <style> element`);
        // A JSON-LD block is data, which browsers never run, so the CSP does not concern it.
        if (t.name === 'script' && attr(t, 'type') !== 'application/ld+json') assert.ok(attr(t, 'src'), `${path}: no inline <script>`);
        for (const [name] of t.attrs) {
          assert.ok(!name.startsWith('on') && name !== 'style', `${path}: no ${name} attribute`);
        }
      }
    }
  });

  it('serves the stylesheet with an ETag, and 304 for a matching If-None-Match', async () => {
    const res = await get(`${server.url}/assets/css/site.css`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/css(;|$)/);
    const css = await res.text();
    assert.ok(css.length > 500 && css.includes('{'), 'the stylesheet itself');
    const etag = res.headers.get('etag');
    assert.match(etag ?? '', /^(W\/)?"[^"]+"$/, 'a valid ETag');
    const again = await get(`${server.url}/assets/css/site.css`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal((await again.arrayBuffer()).byteLength, 0, 'a 304 has no body');
    const stale = await get(`${server.url}/assets/css/site.css`, { headers: { 'If-None-Match': '"not-the-etag"' } });
    assert.equal(stale.status, 200, 'another ETag gets the file');
    assert.equal(await stale.text(), css);
  });

  it('a browser finds each site\'s icons and its web app manifest, in the site\'s language', async () => {
    const icon = await get(`${server.url}/favicon.ico`);
    assert.equal(icon.status, 200);
    assert.equal(icon.headers.get('content-type'), 'image/x-icon');
    const bytes = Buffer.from(await icon.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 1, 0], 'an ICO file');
    assert.ok(bytes.readUInt16LE(4) >= 2, 'of several sizes');
    for (const site of [en, ar]) {
      const { html } = await page(site.path);
      const link = (rel) => attr(one(html, { tag: 'link', where: (t) => attr(t, 'rel') === rel }).token, 'href');
      const touch = await get(server.url + link('apple-touch-icon'));
      assert.equal(touch.status, 200);
      assert.equal(touch.headers.get('content-type'), 'image/png');
      assert.equal(Buffer.from(await touch.arrayBuffer()).readUInt32BE(16), 180, 'a 180-pixel touch icon');
      const res = await get(server.url + link('manifest'));
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^application\/manifest\+json/);
      const manifest = await res.json();
      assert.equal(manifest.name, site.name);
      assert.equal(manifest.lang, site.language);
      assert.equal(manifest.dir, site.direction);
      assert.equal(manifest.start_url, site.path);
      assert.equal(manifest.display, 'standalone');
      for (const size of [192, 512]) {
        const entry = manifest.icons.find((i) => i.sizes === `${size}x${size}`);
        assert.ok(entry, `a ${size}-pixel icon`);
        const file = await get(server.url + entry.src);
        assert.equal(file.status, 200, entry.src);
        assert.equal(file.headers.get('content-type'), entry.type);
        assert.equal(Buffer.from(await file.arrayBuffer()).readUInt32BE(16), size, `${entry.src} is ${size} pixels wide`);
      }
    }
  });

  it('missing assets and media are 404', async () => {
    for (const path of ['/assets/css/nope.css', '/media/nope.jpg']) {
      assert.equal((await page(path)).res.status, 404, path);
    }
  });

  it('malformed and traversal targets get 400 and never a file', async () => {
    const targets = ['/../etc/passwd', '/en/%2e%2e/x', '/en/%2E%2E/%2E%2E/etc/passwd', '/en/%00', '/en/%ff', '//x',
      '/assets/..%2f..%2fetc/passwd', '/assets/..%2F..%2F..%2Fetc%2Fpasswd', '/assets/../../etc/passwd',
      '/media/..%2fdateline.db', '/media/../dateline.db', '/assets/css/..%5c..%5csite.css', '/en/./region/',
      '/en/a%0ab/'];
    for (const t of targets) {
      const r = await rawRequest(server.port, t);
      assert.ok(r.response, `${t}: answered`);
      assert.equal(r.response.status, 400, `${t}: 400`);
      const body = r.response.body.toString('latin1');
      assert.doesNotMatch(body, /root:|SQLite format|\{/, `${t}: no file content`);
      assert.ok(body.length < 200, `${t}: a short error`);
    }
  });

  it('a header block over 16 KB gets 431; one of 8 KB is fine', async () => {
    const big = await rawRequest(server.port, '/en/', { headers: { 'X-Padding': 'a'.repeat(17 * 1024) } });
    assert.equal(big.response?.status, 431);
    const fine = await rawRequest(server.port, '/en/', { headers: { 'X-Padding': 'a'.repeat(8 * 1024) } });
    assert.equal(fine.response?.status, 200);
  });

  it('a body over 1 MB gets 413', async () => {
    const announced = await exchange(server.port,
      'POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1100000\r\n\r\n');
    assert.equal(parseResponse(announced.data)?.status, 413, 'a Content-Length over 1 MB');
    const chunk = 'x'.repeat(64 * 1024);
    let chunked = 'POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n';
    for (let i = 0; i < 18; i++) chunked += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    chunked += '0\r\n\r\n';
    const streamed = await exchange(server.port, chunked);
    assert.equal(parseResponse(streamed.data)?.status, 413, 'a chunked body over 1 MB');
  });

  it('keeps the connection alive for a second request', async () => {
    const c = new Connection(server.port);
    try {
      await c.send('GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const first = await c.next();
      assert.equal(first.status, 200);
      assert.ok(first.body.toString('utf8').trimEnd().endsWith('</html>'), 'the first page in full');
      assert.notEqual(first.headers.connection, 'close');
      await c.send('GET /ar/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const second = await c.next();
      assert.equal(second.status, 200);
      assert.match(second.body.toString('utf8'), /<html lang="ar"/);
    } finally {
      c.close();
    }
  });

  it('POST, PUT and DELETE on a page get 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await get(`${server.url}/en/`, { method, body: method === 'DELETE' ? undefined : 'x=1' });
      assert.equal(res.status, 405, method);
      assert.match(res.headers.get('allow') ?? '', /\bGET\b/, `${method}: Allow names GET`);
    }
  });
});
