// Hostile wire copy rendered inert: an item whose every text field carries script, attribute
// break-outs, quotes, javascript: and a bidi override, and whose body carries every kind of active
// markup, is imported and published. Readers must see the text, escaped once, and nothing that runs.
//
// Escaped text legitimately contains strings such as "onerror=" or "javascript:" as visible
// characters, so the checks look at the markup a browser builds (elements and attributes, via
// parse5, an HTML parser that follows the standard) rather than banning those words from the page.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changesShowAtOnce, makeDataDir, startServer, dateline, get, repoRoot } from '../support/dateline.mjs';
import { select, one, attr, activeContent, elements } from '../support/html.mjs';

const fixtureFile = join(repoRoot, 'tests/fixtures/ninjs/hostile-every-field.json');
const item = JSON.parse(readFileSync(fixtureFile, 'utf8'));
const image = item.associations.featureimage;
const SITE_NAME = 'Manara Today';

let data;
let server;
let printed;
let articlePath;
let articleHtml;
let work;
let companionFile;
let companionUrl;

before(async () => {
  data = makeDataDir();
  work = mkdtempSync(join(tmpdir(), 'dateline-hostile-'));
  // A plain story sharing one hostile tag, so that the hostile story shows among its related news.
  companionFile = join(work, 'companion.json');
  writeFileSync(companionFile, JSON.stringify({
    uri: 'urn:newsml:example.test:hostile-companion', type: 'text', firstcreated: '2025-01-10T08:00:00Z',
    headline: 'Browser makers agree on a shared list of blocked script addresses',
    body_html: '<p>A plain story that shares a tag with the hostile one.</p>', subject: [{ name: 'javascript:alert(2)' }],
  }));
  const r = dateline(['import', '--data', data.dir, '--site', 'en', '--section', 'world', '--publish', fixtureFile, companionFile]);
  assert.equal(r.status, 0, `the items import: ${r.stderr}`);
  [printed, companionUrl] = r.stdout.trim().split('\n');
  server = await startServer(data.dir, [], { env: changesShowAtOnce });
  const url = new URL(printed);
  articlePath = url.pathname;
  const res = await get(server.url + articlePath);
  assert.equal(res.status, 200, `${articlePath} is served`);
  articleHtml = await res.text();
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, 'the server stops cleanly');
  data?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Everything a page must not contain, whatever its text says. */
function assertInert(html, what) {
  assert.deepEqual(activeContent(html), [], `${what}: no active content`);
  // The theme's own forms (the header's search box, the comment form) and script files (the
  // cards' relative times on every page, the comment form's) are the only forms and scripts,
  // once each, beside the structured data blocks (JSON, which browsers do not run).
  assert.ok((html.match(/<script(?! type="application\/ld\+json">)[\s>]/gi) ?? []).length <= 2, `${what}: two scripts at most`);
  assert.equal((html.match(/<script type="module" src="\/assets\/js\/relative-time\.js"><\/script>/g) ?? []).length, 1,
    `${what}: the relative-time script once`);
  assert.ok((html.match(/<form[\s>]/gi) ?? []).length <= 2, `${what}: two forms at most`);
  assert.equal((html.match(/<form class="site-search" role="search" action="\/en\/search" method="get">/g) ?? []).length, 1,
    `${what}: the search box once`);
  for (const raw of [/<script(?! type="module" src="\/assets\/js\/(comment-form|relative-time)\.js"><\/script>| type="application\/ld\+json">)[\s>]/i,
    /<iframe/i, /<svg/i, /<style/i, /<object/i, /<img src=x/i,
    /<form(?! class="comment-form__form" method="post" action="\/| class="site-search" role="search" action="\/en\/search" method="get">)/i,
    /(href|src|action)\s*=\s*["']?\s*(javascript|vbscript):/i]) {
    assert.ok(!raw.test(html), `${what}: no raw ${raw}`);
  }
}

describe('an article whose every field is hostile', () => {
  it('gets a clean URL: no markup, quotes or bidi controls in it', () => {
    assert.match(printed, /^http:\/\/localhost:8080\/en\/world\/[a-z0-9-]+$/, `a plain slug: ${printed}`);
    assert.ok(!decodeURIComponent(printed).includes('\u202e'), 'no bidi override in the URL');
  });

  it('renders no active content', () => {
    assertInert(articleHtml, 'article');
  });

  it('shows every text field as the agency wrote it, escaped once', () => {
    const h1 = one(articleHtml, { tag: 'h1' });
    assert.equal(h1.text, item.headline, 'headline');
    assert.ok(h1.inner.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `the script tag is shown as text: ${h1.inner}`);
    assert.ok(!h1.inner.includes('&amp;lt;'), 'not escaped twice');
    assert.equal(one(articleHtml, { cls: 'story__standfirst' }).text, item.description_text, 'standfirst');
    assert.equal(one(articleHtml, { cls: 'story__author' }).text, item.byline, 'byline');
    assert.equal(one(articleHtml, { cls: 'story__dateline' }).text, item.located, 'dateline');
    assert.equal(one(articleHtml, { cls: 'story__agency' }).text, item.infosource[0].name, 'source');
    assert.equal(one(articleHtml, { cls: 'story__caption' }).text, image.description_text, 'caption');
    assert.equal(one(articleHtml, { cls: 'story__credit' }).text, image.byline, 'credit');
    assert.equal(one(articleHtml, { tag: 'title' }).text, `${item.headline} | ${SITE_NAME}`, 'title');
  });

  it('keeps quotes inside attribute values: each attribute reads back whole', () => {
    const meta = (key, value) => one(articleHtml, { tag: 'meta', where: (t) => attr(t, key) === value });
    assert.equal(attr(meta('property', 'og:title').token, 'content'), item.headline, 'og:title');
    assert.equal(attr(meta('name', 'description').token, 'content'), item.description_text, 'description');
    assert.equal(attr(meta('property', 'og:description').token, 'content'), item.description_text, 'og:description');
    const img = one(one(articleHtml, { tag: 'figure' }).outer, { tag: 'img' });
    assert.equal(attr(img.token, 'alt'), image.description_text, 'image alt');
    // A quote that broke out of an attribute would leave stray attributes behind.
    for (const t of elements(articleHtml)) {
      for (const [name] of t.attrs) {
        assert.match(name, /^[a-z][a-z0-9:-]*$/, `a well-formed attribute name on <${t.name}>: ${name}`);
      }
    }
  });

  it('gives search engines the story as it was written, in JSON that cannot leave its script', () => {
    const blocks = [...articleHtml.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(blocks.length, 2, 'the story and its breadcrumb');
    for (const block of blocks) assert.ok(!/[<>&]/.test(block), `no markup character in the JSON: ${block.slice(0, 200)}`);
    const story = JSON.parse(blocks[0]);
    assert.equal(story['@type'], 'NewsArticle');
    assert.equal(story.headline, item.headline);
    assert.equal(story.description, item.description_text);
    assert.equal(story.dateline, item.located);
    assert.deepEqual(story.author.map((a) => a.name), [item.byline]);
    const trail = JSON.parse(blocks[1]);
    assert.equal(trail.itemListElement.at(-1).name, item.headline);
  });

  it('sanitizes the body: active markup gone, text and the safe link kept', () => {
    const body = one(articleHtml, { cls: 'story__body' });
    const links = select(body.inner, { tag: 'a' });
    const safe = links.filter((a) => /^https:\/\/example\.com\/?$/.test(attr(a.token, 'href') ?? ''));
    assert.equal(safe.length, 1, 'the https link survives');
    assert.equal(safe[0].text, 'a normal link');
    for (const a of links) {
      assert.match(attr(a.token, 'href') ?? 'https://', /^(https?:|mailto:|\/|#)/, `only safe links: ${a.outer}`);
    }
    for (const text of ['Opening paragraph', 'Paragraph that had a click handler.', 'A script link',
      'Emphasis with a handler', 'a styled span', 'Closing paragraph.']) {
      assert.ok(body.text.includes(text), `the text "${text}" is kept`);
    }
    // The dateline (escaped hostile text) opens the body; the sanitized paragraphs follow it.
    const paragraphs = select(body.inner, { tag: 'p', where: (t) => !attr(t, 'class') }).map((p) => p.text).join('\n');
    assert.ok(!paragraphs.includes('alert(1)'), `script and handler code are not shown as text: ${paragraphs}`);
    assert.ok(!paragraphs.includes('display: none'), 'style sheet text is not shown');
    assert.equal(select(body.inner, { tag: 'img' }).length, 0, 'no body image with a handler');
    assert.equal(select(body.inner, { tag: 'input' }).length + select(body.inner, { tag: 'button' }).length, 0, 'no form controls');
  });

  it('links hostile tag names to tag pages that work and are inert', async () => {
    const links = select(one(articleHtml, { cls: 'story__tags' }).inner, { tag: 'a' });
    const names = item.subject.map((s) => s.name);
    assert.deepEqual(links.map((a) => a.text), names, 'each tag shown as written');
    for (const link of links) {
      const href = attr(link.token, 'href');
      assert.match(href, /^\/en\/tags\/[a-z0-9-]+\/$/, `a plain tag URL: ${href}`);
      const res = await get(server.url + href);
      assert.equal(res.status, 200, `${href} exists`);
      const html = await res.text();
      assertInert(html, `tag page ${href}`);
      assert.equal(one(html, { tag: 'h1' }).text, link.text, `${href}: the tag name as its heading`);
      assert.ok(select(html, { cls: 'card__headline' }).some((h) => h.text === item.headline), `${href} lists the story`);
    }
  });

  it('keeps the home page and the section page inert, with the headline as text', async () => {
    for (const path of ['/en/', '/en/world/']) {
      const res = await get(server.url + path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assertInert(html, path);
      assert.ok(select(html, { cls: 'card__headline' }).some((h) => h.text === item.headline), `${path} lists the story`);
    }
  });

  it('keeps the related list of another story inert', async () => {
    const href = new URL(companionUrl).pathname;
    const page = await get(server.url + href);
    assert.equal(page.status, 200);
    const otherHtml = await page.text();
    assertInert(otherHtml, href);
    const related = one(otherHtml, { cls: 'related' });
    assert.ok(select(related.inner, { cls: 'card__headline' }).some((h) => h.text === item.headline),
      'the hostile story is listed as related (they share a tag), as text');
  });
});
