// `dateline import` and `dateline sites`: IPTC ninjs items of every version (1.x single fields,
// 2.x arrays, 3.x camelCase) become articles that readers see with their full anatomy; drafts stay
// hidden; malformed files are refused with one clear line and leave nothing behind; re-importing
// an item updates it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, copyFileSync, readFileSync, readdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { changesShowAtOnce, makeDataDir, startServer, dateline, get, repoRoot } from '../support/dateline.mjs';
import { select, one, attr, count } from '../support/html.mjs';
import { solidPng, claimMoreRows } from '../support/images.mjs';

const PUBLIC_URL = 'http://news.example.test';
const fixtures = join(repoRoot, 'tests/fixtures/ninjs');
const fixture = (name) => join(fixtures, name);

let data;
let server;
let work;

before(async () => {
  data = makeDataDir({ publicUrl: PUBLIC_URL, arabicIndicDigits: true });
  server = await startServer(data.dir, [], { env: changesShowAtOnce });
  work = mkdtempSync(join(tmpdir(), 'dateline-import-'));
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, 'the server stops cleanly');
  data?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

function importFiles(files, { site = 'en', publish = true, section } = {}) {
  const args = ['import', '--data', data.dir, '--site', site];
  if (section) args.push('--section', section);
  if (publish) args.push('--publish');
  return dateline([...args, ...files]);
}

function lines(text) {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** Imports one file that must succeed with --publish; returns the served path of its article. */
function publishOne(file, options) {
  const r = importFiles([file], options);
  assert.equal(r.status, 0, `import ${file}: ${r.stderr}`);
  assert.equal(r.stderr, '', 'nothing on stderr');
  const out = lines(r.stdout);
  assert.equal(out.length, 1, `one line per item: ${r.stdout}`);
  assert.ok(out[0].startsWith(`${PUBLIC_URL}/${options?.site ?? 'en'}/`), `the public URL of the article: ${out[0]}`);
  const url = new URL(out[0]);
  return { printed: out[0], path: url.pathname + url.search };
}

async function page(path) {
  const res = await get(server.url + path);
  return { status: res.status, html: await res.text() };
}

async function article(path) {
  const p = await page(path);
  assert.equal(p.status, 200, `${path} is served`);
  return p.html;
}

function cardHeadlines(html) {
  return select(html, { cls: 'card__headline' }).map((h) => h.text);
}

/** The reader-visible state of a site: the stories its home page and a section list. */
async function snapshot(site = 'en', section = 'region') {
  return {
    home: cardHeadlines((await page(`/${site}/`)).html),
    section: cardHeadlines((await page(`/${site}/${section}/`)).html),
  };
}

async function checkTags(html, names, headline) {
  const links = select(one(html, { cls: 'story__tags' }).inner, { tag: 'a' });
  assert.deepEqual(links.map((a) => a.text), names, 'the tags, as links');
  for (const link of links) {
    const tagPage = await page(attr(link.token, 'href'));
    assert.equal(tagPage.status, 200, `${attr(link.token, 'href')} exists`);
    assert.equal(count(cardHeadlines(tagPage.html).join('\n'), headline), 1, `the tag page lists "${headline}" once`);
  }
}

async function checkImage(html, { caption, credit, width, height }) {
  const figure = one(html, { tag: 'figure' });
  const img = one(figure.outer, { tag: 'img' });
  assert.equal(one(figure.outer, { cls: 'story__caption' }).text, caption);
  assert.equal(one(figure.outer, { cls: 'story__credit' }).text, credit);
  if (width) assert.equal(attr(img.token, 'width'), String(width));
  if (height) assert.equal(attr(img.token, 'height'), String(height));
  const res = await get(new URL(attr(img.token, 'src'), server.url + '/').href);
  assert.equal(res.status, 200, 'the image is served');
  assert.match(res.headers.get('content-type'), /^image\/(jpeg|png|webp)$/);
  assert.ok((await res.arrayBuffer()).byteLength > 100);
}

function timeOf(html, cls) {
  const holder = select(html, { cls });
  return holder.length ? attr(one(holder[0].outer, { tag: 'time' }).token, 'datetime') : undefined;
}

describe('dateline sites', () => {
  it('prints one tab-separated line per site: slug, language, base URL', () => {
    const r = dateline(['sites', '--data', data.dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
      `en\ten\t${PUBLIC_URL}/en/`,
      `ar\tar\t${PUBLIC_URL}/ar/`,
    ]);
  });

  it('lists the single site of a network made without --demo', () => {
    const plain = makeDataDir({ demo: false, publicUrl: 'https://news.example.org' });
    try {
      const r = dateline(['sites', '--data', plain.dir]);
      assert.equal(r.status, 0, r.stderr);
      const out = lines(r.stdout);
      assert.equal(out.length, 1, r.stdout);
      const fields = out[0].split('\t');
      assert.equal(fields.length, 3, `three fields: ${JSON.stringify(out[0])}`);
      assert.ok(fields[0] && fields[1], 'a slug and a language');
      assert.ok(fields[2].startsWith('https://news.example.org/'), `base URL: ${fields[2]}`);
    } finally {
      plain.remove();
    }
  });

  it('refuses a data directory that holds no network', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dateline-empty-'));
    try {
      const r = dateline(['sites', '--data', empty]);
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /init/, `says how to create one: ${r.stderr}`);
      assert.equal(r.stdout, '');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('importing valid items', () => {
  const harbour = JSON.parse(readFileSync(fixture('ninjs-classic-harbour.json'), 'utf8'));
  let harbourPath;

  it('a classic ninjs item (headline, body_html, associations object) is published with its full anatomy', async () => {
    harbourPath = publishOne(fixture('ninjs-classic-harbour.json')).path;
    const html = await article(harbourPath);
    assert.equal(one(html, { tag: 'h1' }).text, harbour.headline);
    assert.equal(one(html, { cls: 'story__standfirst' }).text, harbour.description_text);
    assert.equal(one(html, { cls: 'story__byline' }).text, 'By Nadia Farouk', 'the byline, its "By" not doubled');
    assert.equal(one(html, { cls: 'story__dateline' }).text, 'KHOR QALAM');
    assert.equal(one(html, { cls: 'story__source' }).text, 'Source: Gulf Wire Service');
    assert.equal(timeOf(html, 'story__published'), '2025-06-14T11:30:00+04:00', 'firstcreated, in the site time zone');
    assert.equal(timeOf(html, 'story__updated'), '2025-06-14T13:05:00+04:00', 'versioncreated, in the site time zone');
    const body = one(html, { cls: 'story__body' });
    assert.ok(body.text.includes('300,000 cubic metres of silt'), 'the body');
    assert.equal(one(body.inner, { tag: 'h2' }).text, 'A market by the water', 'body subheadings survive');
    assert.equal(select(body.inner, { tag: 'p' }).length, 5, 'the dateline and four paragraphs');
    await checkImage(html, { caption: harbour.associations.featureimage.description_text,
      credit: 'Karim Haddad / Gulf Wire Service', width: 96, height: 64 });
    await checkTags(html, ['Fisheries', 'Harbours', 'Dredging'], harbour.headline);
  });

  it('a story imported without a section lives in the site\'s news folder, which lists it', async () => {
    assert.ok(harbourPath.startsWith('/en/news/'), harbourPath);
    const html = await article(harbourPath);
    const kicker = select(html, { tag: 'a', where: (t) => attr(t, 'href') === '/en/news/' });
    assert.equal(kicker.length, 1, 'its kicker leads to the folder');
    assert.equal(kicker[0].text, 'News');
    assert.equal(select(html, { tag: 'a', where: (t) => attr(t, 'aria-current') }).length, 0,
      'no entry of the navigation is its place, Home least of all');
    const folder = await page('/en/news/');
    assert.equal(folder.status, 200);
    assert.equal(one(folder.html, { tag: 'h1' }).text, 'News');
    assert.ok(cardHeadlines(folder.html).includes(harbour.headline), 'the folder lists it');
    assert.match((await page('/en/news/rss.xml')).html, /<title>News \| /, 'and has its feeds');
    const sitemap = (await page('/en/sitemap-pages.xml')).html;
    assert.ok(sitemap.includes(`${PUBLIC_URL}/en/news/</loc>`), 'and is in the sitemap');
    assert.equal((await page('/ar/news/')).status, 404, 'a site with no such story has no such page');
  });

  it('a ninjs 3.x item (arrays, main headline, file: URL rendition) is published into a section', async () => {
    // file: URLs are absolute: place the picture in a folder whose name needs percent-encoding.
    const dir = join(work, 'photo desk');
    mkdirSync(dir, { recursive: true });
    copyFileSync(fixture('images/solar-ferry.png'), join(dir, 'solar ferry.png'));
    const text = readFileSync(fixture('ninjs3-solar-ferry.json'), 'utf8')
      .replace('file:///__IMAGE_DIR__/solar-ferry.png', pathToFileURL(join(dir, 'solar ferry.png')).href);
    const file = join(work, 'solar-ferry.json');
    writeFileSync(file, text);
    const item = JSON.parse(text);

    const { path } = publishOne(file, { section: 'world' });
    assert.ok(path.startsWith('/en/world/'), `in the World section: ${path}`);
    const html = await article(path);
    const main = item.headlines.find((h) => h.role === 'main').value;
    assert.equal(one(html, { tag: 'h1' }).text, main, 'the main headline, not the short one');
    assert.equal(one(html, { cls: 'story__standfirst' }).text, item.descriptions[0].value);
    assert.equal(one(html, { cls: 'story__byline' }).text, 'By Rami Aziz');
    assert.equal(one(html, { cls: 'story__dateline' }).text, 'TYREBRIDGE');
    assert.equal(one(html, { cls: 'story__source' }).text, 'Source: Levant Press Agency');
    assert.equal(timeOf(html, 'story__published'), '2025-06-20T09:00:00+04:00');
    assert.equal(timeOf(html, 'story__updated'), '2025-06-20T10:45:00+04:00', 'a +02:00 versioncreated shown in +04:00');
    const body = one(html, { cls: 'story__body' });
    assert.equal(one(body.inner, { tag: 'blockquote' }).text, 'Passengers noticed the silence before anything else.');
    await checkImage(html, { caption: item.associations[0].descriptions[0].value,
      credit: 'Lina Sabbagh / Levant Press Agency', width: 80, height: 60 });
    await checkTags(html, ['Maritime transport', 'Solar energy'], main);
    const section = await page('/en/world/');
    assert.equal(cardHeadlines(section.html).filter((h) => h === main).length, 1, 'listed once in World');
  });

  it('a plain-text body becomes escaped paragraphs', async () => {
    const { path } = publishOne(fixture('ninjs-plain-text-body.json'), { section: 'culture' });
    const html = await article(path);
    assert.equal(one(html, { tag: 'h1' }).text, 'Mobile library bus brings 4,000 books to desert villages');
    const body = one(html, { cls: 'story__body' });
    const paragraphs = select(body.inner, { tag: 'p', where: (t) => !attr(t, 'class') }).map((p) => p.text);
    assert.equal(paragraphs.length, 3, `three paragraphs: ${JSON.stringify(paragraphs)}`);
    assert.ok(paragraphs[1].includes('free & adults pay less than 1 dinar'), 'the ampersand is text');
    assert.ok(paragraphs[1].includes('with <b>offline</b> encyclopaedias'), 'markup in a text body is shown as text');
    assert.equal(select(body.inner, { tag: 'b' }).length + select(body.inner, { tag: 'strong' }).length, 0,
      'no element made from plain text');
    assert.equal(one(html, { cls: 'story__source' }).text, 'Source: Meridian World News', 'the provider credited');
    assert.equal(one(html, { cls: 'story__dateline' }).text, 'WADI SAFRA');
    await checkTags(html, ['Libraries', 'Education'], 'Mobile library bus brings 4,000 books to desert villages');
  });

  it('an Arabic item gets an Arabic slug and an Arabic page', async () => {
    const { path } = publishOne(fixture('ninjs3-arabic-market.json'), { site: 'ar', section: 'culture' });
    assert.ok(path.startsWith('/ar/culture/'), path);
    assert.ok(decodeURIComponent(path).includes('سوق-الفوانيس'), `the slug is made from the headline: ${decodeURIComponent(path)}`);
    const html = await article(path);
    assert.equal(attr(one(html, { tag: 'html' }).token, 'dir'), 'rtl');
    assert.equal(one(html, { tag: 'h1' }).text, 'سوق الفوانيس القديم يفتح أبوابه بعد ترميم استمر عامين');
    assert.equal(one(html, { cls: 'story__dateline' }).text, 'المدينة القديمة');
    assert.equal(one(html, { cls: 'story__source' }).text, 'المصدر: وكالة المشرق للأنباء');
    const published = one(one(html, { cls: 'story__published' }).outer, { tag: 'time' });
    assert.equal(attr(published.token, 'datetime'), '2025-06-18T20:00:00+04:00');
    assert.ok(published.text.includes('٢٠٢٥'), `Arabic-Indic year: ${published.text}`);
    await checkTags(html, ['تراث', 'أسواق'], 'سوق الفوانيس القديم يفتح أبوابه بعد ترميم استمر عامين');
  });

  it('without --publish an item is kept as a draft: its id is printed and readers do not see it', async () => {
    const before = await snapshot('en', 'region');
    const r = importFiles([fixture('ninjs-draft-timetable.json')], { publish: false, section: 'region' });
    assert.equal(r.status, 0, r.stderr);
    const out = lines(r.stdout);
    assert.equal(out.length, 1);
    assert.match(out[0], /^\d+$/, `an id: ${out[0]}`);
    const headline = 'Winter ferry timetable awaits ministry approval';
    assert.deepEqual(await snapshot('en', 'region'), before, 'the home page and section are unchanged');
    assert.equal((await page('/en/region/winter-ferry-timetable-awaits-ministry-approval')).status, 404, 'no public page');
    const tag = await page('/en/tags/ferries/');
    assert.ok(!tag.html.includes(headline), 'not on the tag page either');

    const published = publishOne(fixture('ninjs-draft-timetable.json'), { section: 'region' });
    assert.equal(one(await article(published.path), { tag: 'h1' }).text, headline, 'publishing it later shows it');
    assert.equal(cardHeadlines((await page('/en/region/')).html).filter((h) => h === headline).length, 1);
  });

  it('re-importing an item (same uri) with a new headline updates it in place', async () => {
    assert.ok(harbourPath, 'the first version was imported');
    const changed = structuredClone(harbour);
    changed.headline = 'Khor Qalam harbour reopens and its new fish market draws crowds';
    changed.versioncreated = '2025-06-15T06:00:00Z';
    // A relative image path is resolved from the folder of the file that names it.
    copyFileSync(fixture('images/harbour-dawn.jpg'), join(work, 'harbour-dawn.jpg'));
    changed.associations.featureimage.renditions.original.href = 'harbour-dawn.jpg';
    const file = join(work, 'harbour-v2.json');
    writeFileSync(file, JSON.stringify(changed));

    const again = publishOne(file);
    assert.equal(again.path, harbourPath, 'the same URL');
    const html = await article(harbourPath);
    assert.equal(one(html, { tag: 'h1' }).text, changed.headline);
    assert.ok(!html.includes(harbour.headline), 'the old headline is gone');
    assert.equal(timeOf(html, 'story__updated'), '2025-06-15T10:00:00+04:00', 'the new version time');
    assert.equal(timeOf(html, 'story__published'), '2025-06-14T11:30:00+04:00', 'first published unchanged');
    const tag = await page('/en/tags/fisheries/');
    const listed = cardHeadlines(tag.html);
    assert.equal(listed.filter((h) => h === changed.headline).length, 1, 'listed once');
    assert.ok(!listed.includes(harbour.headline), 'the old version is not listed');
  });
});

describe('every ninjs version, as agencies spell it (tests/fixtures/ninjs/versions/)', () => {
  const version = (name) => fixture(`versions/${name}`);

  it('ninjs 1.6: the XHTML body wins over the plain one, with the picture, credit and times', async () => {
    const { path } = publishOne(version('v1-xhtml-and-text.json'), { section: 'world' });
    const html = await article(path);
    assert.equal(one(html, { tag: 'h1' }).text, 'Muscat port opens deep-water berth for the largest container ships');
    const body = one(html, { cls: 'story__body' });
    assert.ok(body.text.includes('Duqmar'), 'the paragraph only the XHTML body has');
    assert.equal(one(body.inner, { tag: 'em' }).text, 'every year');
    assert.equal(one(html, { cls: 'story__source' }).text, 'Source: Gulf Coast Wire');
    assert.equal(timeOf(html, 'story__published'), '2025-03-04T10:10:00+04:00', 'firstcreated');
    await checkImage(html, { caption: 'The empty deep-water quay at Ras Khaleef at sunrise, a day before the first ship was due.',
      credit: 'Yousef Al Balushi / Gulf Coast Wire', width: 96, height: 64 });
  });

  it('ninjs 2.1: a flash with a description and no body is published with the description as its text', async () => {
    const { path } = publishOne(version('v2-description-only.json'), { section: 'world' });
    const html = await article(path);
    assert.ok(one(html, { cls: 'story__body' }).text.includes('The town council of Qasr Nadeem voted 19 to 4'));
    assert.equal(select(html, { cls: 'story__standfirst' }).length, 0, 'not shown twice');
  });

  it('ninjs 3.0: an NITF body gives its paragraphs alone, and a future embargo schedules the story', async () => {
    const r = importFiles([version('v3-nitf-body.json')], { section: 'world' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(lines(r.stdout)[0], /^\d+$/, 'an id: readers do not see it yet');
    assert.equal((await page('/en/world/amman-to-plant-12-000-shade-trees-along-its-hottest-ring-road')).status, 404,
      'embargoed until 2031');
    assert.ok(!(await page('/en/world/')).html.includes('Amman to plant 12,000 shade trees'), 'not listed');
  });

  it('ninjs 3.1: plain text on single lines is a paragraph a line, its markup kept as text', async () => {
    const { path } = publishOne(version('v3-plain-single-lines.json'), { section: 'world' });
    const body = one(await article(path), { cls: 'story__body' });
    const paragraphs = select(body.inner, { tag: 'p', where: (t) => !attr(t, 'class') });
    assert.equal(paragraphs.length, 4, body.inner);
    assert.ok(body.inner.includes('AT&amp;T') && body.inner.includes('&lt;b&gt;'), body.inner);
  });

  it('a canceled version takes the story down; a withheld item with no story is refused', async () => {
    const { path } = publishOne(version('v3-camel-no-first-created.json'), { section: 'world' });
    assert.equal((await page(path)).status, 200);
    const canceled = importFiles([version('v3-camel-canceled.json')], { section: 'world' });
    assert.equal(canceled.status, 0, canceled.stderr);
    assert.equal((await page(path)).status, 404, 'the story is no longer served');
    assert.ok(!(await page('/en/world/')).html.includes('Ras Hadeer desalination plant'), 'nor listed');

    const withheld = importFiles([version('v2-withheld.json')], { section: 'world' });
    assert.equal(withheld.status, 1);
    assert.match(withheld.stderr, /v2-withheld\.json: the agency has withheld this item/);
  });

  it('items that break their version\'s schema, pictures and events are refused with the reason', () => {
    for (const [name, reason] of [
      ['invalid-v3-urgency-text.json', /not valid ninjs 3\.1 .*\/urgency/],
      ['invalid-v2-unknown-field.json', /not valid ninjs 2\.2 .*'kicker'/],
      ['v3-picture-item.json', /type 'picture' is not a story/],
    ]) {
      const r = importFiles([version(name)], { section: 'world' });
      assert.equal(r.status, 1, name);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, reason, r.stderr);
    }
  });
});

describe('refusing malformed items', () => {
  const cases = [
    ['invalid-json.json', /JSON/, 'Truncated item that never closes', 'broken'],
    ['missing-headline.json', /headline/i, null, 'headless'],
    ['missing-uri.json', /\buri\b/i, 'Item without a uri cannot be updated later', 'uriless'],
    ['wrong-type.json', /type|picture|not a (text|story)/i, 'A picture item is not a story', 'pictureonly'],
    ['bad-date.json', /firstcreated|date/i, 'Item whose first-created date is not a date', 'baddate'],
    ['not-an-image.json', /image|picture|photo/i, 'Item whose photo is a text file in disguise', 'phantomphoto'],
    ['not-utf8.json', /UTF-?8/i, null, 'latinone'],
  ];

  for (const [name, problem, headline, tagSlug] of cases) {
    it(`${name}: one line naming the file and the problem, exit 1, nothing published`, async () => {
      const before = await snapshot('en', 'region');
      const file = fixture(`malformed/${name}`);
      const r = importFiles([file], { section: 'region' });
      assert.equal(r.status, 1, `exit code 1 (stderr: ${r.stderr})`);
      assert.equal(r.stdout, '', 'nothing on stdout');
      const err = lines(r.stderr);
      assert.equal(err.length, 1, `one line on stderr: ${r.stderr}`);
      assert.ok(err[0].includes(name), `names the file: ${err[0]}`);
      assert.match(err[0], problem, `says what is wrong: ${err[0]}`);
      assert.ok(err[0].length < 300, 'a short line');
      assert.deepEqual(await snapshot('en', 'region'), before, 'the home page and section are unchanged');
      if (headline) {
        assert.ok(!(await page('/en/')).html.includes(headline), 'the headline is nowhere on the home page');
      }
      assert.equal((await page(`/en/tags/${tagSlug}/`)).status, 404, 'its tag was not created');
    });
  }

  it('several files in one run: the good ones import, the bad one is named, exit 1', async () => {
    const good = (n) => {
      const file = join(work, `batch-${n}.json`);
      writeFileSync(file, JSON.stringify({
        uri: `urn:newsml:example.test:batch:${n}`, type: 'text', firstcreated: `2025-05-0${n}T08:00:00Z`,
        headline: `Batch story number ${n} about the coastal tram extension`,
        body_html: `<p>Paragraph of batch story ${n}.</p>`, located: 'SEAFRONT', copyrightholder: 'Gulf Wire Service',
      }));
      return file;
    };
    const bad = fixture('malformed/bad-date.json');
    const r = importFiles([good(1), bad, good(2)], { section: 'business' });
    assert.equal(r.status, 1, 'a failure makes the run fail');
    const out = lines(r.stdout);
    assert.equal(out.length, 2, `two URLs: ${r.stdout}`);
    const err = lines(r.stderr);
    assert.equal(err.length, 1, r.stderr);
    assert.ok(err[0].includes('bad-date.json'), err[0]);
    for (const [i, printed] of out.entries()) {
      const html = await article(new URL(printed).pathname);
      assert.equal(one(html, { tag: 'h1' }).text, `Batch story number ${i + 1} about the coastal tram extension`,
        'in the order given');
    }
  });

  it('an unknown site is refused with a clear message', () => {
    const r = importFiles([fixture('ninjs-classic-harbour.json')], { site: 'fr' });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /\bfr\b/, `names the site: ${r.stderr}`);
  });

  it('an unknown section is refused and nothing is published', async () => {
    const file = join(work, 'no-section.json');
    writeFileSync(file, JSON.stringify({ uri: 'urn:newsml:example.test:no-section', type: 'text',
      headline: 'Story for a section that does not exist', body_html: '<p>Text.</p>' }));
    const r = importFiles([file], { section: 'weather' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /weather/, r.stderr);
    assert.ok(!(await page('/en/')).html.includes('Story for a section that does not exist'));
  });

  it('a file that does not exist is a usage error', () => {
    const r = importFiles([join(work, 'no-such-file.json')]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /no-such-file\.json/);
  });
});

describe('pagination of imported stories', () => {
  it('a section with more than 20 stories continues on page 2, and page 3 does not exist', async () => {
    const before = cardHeadlines((await page('/en/sport/')).html);
    const files = [];
    for (let n = 1; n <= 21; n++) {
      const file = join(work, `series-${n}.json`);
      const day = String(1 + (n % 28)).padStart(2, '0');
      writeFileSync(file, JSON.stringify({
        uri: `urn:newsml:example.test:series:${n}`, type: 'text',
        firstcreated: `2025-04-${day}T${String(n % 24).padStart(2, '0')}:15:00Z`,
        headline: `Desert rally stage ${n} ends in a sprint along the dunes`,
        body_html: `<p>Report from stage ${n}.</p>`, located: 'LIWA', subject: [{ name: 'Rally series' }],
      }));
      files.push(file);
    }
    const r = importFiles(files, { section: 'sport' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(lines(r.stdout).length, 21);

    const total = before.length + 21;
    const first = await page('/en/sport/');
    const link = (html, rel) => attr(one(html, { tag: 'a', where: (t) => attr(t, 'rel') === rel }).token, 'href');
    const older = link(first.html, 'next');
    assert.match(older, /^\/en\/sport\/older\/\d+\/$/, 'older stories start after the last one shown, at a path');
    const second = await page(older);
    assert.equal(second.status, 200);
    const one1 = cardHeadlines(first.html);
    const two = cardHeadlines(second.html);
    assert.equal(one1.length, 20, 'twenty stories on the first page');
    assert.equal(two.length, total - 20, 'the rest on the next');
    assert.equal(new Set([...one1, ...two]).size, total, 'every story once across the pages');
    assert.equal(select(second.html, { tag: 'a', where: (t) => attr(t, 'rel') === 'next' }).length, 0, 'the last page');
    const newer = link(second.html, 'prev');
    assert.match(newer, /^\/en\/sport\/newer\/\d+\/$/);
    assert.deepEqual(cardHeadlines((await page(newer)).html), one1, 'newer stories lead back to the first page');
    const story = older.match(/(\d+)\/$/)[1];
    assert.equal((await page(`${older}?after=1`)).status, 404, 'one direction at a time');
    assert.equal((await page(`/en/sport/?before=${story}&after=1`)).status, 404, 'in the query too');
    // Pages were first addressed by query: such a link still reaches its page.
    for (const [query, path] of [[`?before=${story}`, older], [`?after=${story}`, `/en/sport/newer/${story}/`]]) {
      const moved = await get(`${server.url}/en/sport/${query}`);
      assert.equal(moved.status, 301, query);
      assert.equal(moved.headers.get('location'), path, query);
    }

    const tagFirst = await page('/en/tags/rally-series/');
    const tagSecond = await page(link(tagFirst.html, 'next'));
    assert.equal(cardHeadlines(tagFirst.html).length, 20);
    assert.equal(tagSecond.status, 200);
    assert.equal(cardHeadlines(tagSecond.html).length, 1, 'the 21st tagged story on the next page');
  });
});

describe('pictures that must not be published', () => {
  /** What a refused import must leave as it was: the files in media/, the media rows, the article. */
  function stateOf(uri) {
    const count = (sql) => Number(data.sql(sql).trim());
    return {
      files: readdirSync(join(data.dir, 'media')).sort(),
      mediaRows: count('SELECT COUNT(*) FROM media'),
      articles: count(`SELECT COUNT(*) FROM articles WHERE external_id = '${uri}'`),
    };
  }

  /** Writes an item into `dir` whose picture's only rendition is `href`; returns { file, uri }. */
  function itemWithPicture(dir, name, href) {
    mkdirSync(dir, { recursive: true });
    const uri = `urn:newsml:example.test:picture:${name}`;
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({
      uri, type: 'text', headline: `Story ${name} with a picture`, body_html: '<p>Text.</p>',
      associations: { featureimage: { uri: `${uri}:picture`, type: 'picture', description_text: 'A caption.', byline: 'Photo desk',
        renditions: { original: { href, mimetype: 'image/jpeg' } } } },
    }));
    return { file, uri };
  }

  it('an item refused for its section leaves no picture file and no media row behind', () => {
    const dir = join(work, 'refused-section');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'teal.png'), solidPng([0, 128, 128]));
    const { file, uri } = itemWithPicture(dir, 'refused-section', 'teal.png');
    const before = stateOf(uri);
    const r = importFiles([file], { section: 'nosuch' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /nosuch/, `names the section: ${r.stderr}`);
    assert.deepEqual(stateOf(uri), { ...before, articles: 0 }, 'no file in media/, no media row, no article');
  });

  it('a refused item leaves a picture that another article already uses', async () => {
    const dir = join(work, 'shared-picture');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ochre.png'), solidPng([204, 119, 34]));
    const first = itemWithPicture(dir, 'shared-first', 'ochre.png');
    const { path } = publishOne(first.file, { section: 'region' });
    const kept = stateOf(first.uri);
    const second = itemWithPicture(dir, 'shared-second', 'ochre.png');
    const r = importFiles([second.file], { section: 'nosuch' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(stateOf(first.uri), kept, 'the shared files and row stay');
    const html = await article(path);
    const img = one(one(html, { tag: 'figure' }).outer, { tag: 'img' });
    assert.equal((await get(new URL(attr(img.token, 'src'), server.url + '/').href)).status, 200,
      'the first article still shows its picture');
  });

  /** Imports an item whose picture must be refused: published without it, one warning naming it. */
  async function importWithoutPicture(file, uri, href, reason, extraArgs = []) {
    const before = stateOf(uri);
    const r = dateline(['import', '--data', data.dir, '--site', 'en', '--section', 'region', '--publish',
      ...extraArgs, file], { timeout: 20_000 });
    assert.equal(r.status, 0, `the story itself imports (stderr: ${r.stderr})`);
    const err = lines(r.stderr);
    assert.equal(err.length, 1, `one warning: ${r.stderr}`);
    assert.ok(err[0].includes(file) && err[0].includes(href), `names the item and the rendition: ${err[0]}`);
    assert.match(err[0], /warning/);
    assert.match(err[0], reason, `says why: ${err[0]}`);
    assert.deepEqual(stateOf(uri), { ...before, articles: 1 }, 'no file in media/, no media row');
    const html = await article(new URL(lines(r.stdout)[0]).pathname);
    assert.equal(select(html, { tag: 'figure' }).length, 0, 'published without a picture');
  }

  it('a rendition outside the item\'s folder (a relative href, a symlink) is not published', async () => {
    const root = join(work, 'escape');
    writeFileSync((mkdirSync(join(root, 'private'), { recursive: true }), join(root, 'private', 'photo.png')),
      solidPng([90, 10, 160]));
    const wire = join(root, 'wire');
    mkdirSync(wire, { recursive: true });
    const dotdot = itemWithPicture(wire, 'escape-dotdot', '../private/photo.png');
    await importWithoutPicture(dotdot.file, dotdot.uri, '../private/photo.png', /outside the item's folder/);
    symlinkSync(join(root, 'private', 'photo.png'), join(wire, 'link.png'));
    const linked = itemWithPicture(wire, 'escape-link', 'link.png');
    await importWithoutPicture(linked.file, linked.uri, 'link.png', /outside the item's folder/);
  });

  it('a file: URL outside the item\'s folder is read only below an --import-root', async () => {
    const photos = join(work, 'agency photos');
    mkdirSync(photos, { recursive: true });
    writeFileSync(join(photos, 'gold.png'), solidPng([212, 175, 55]));
    const href = pathToFileURL(join(photos, 'gold.png')).href;
    const { file, uri } = itemWithPicture(join(work, 'url-wire'), 'file-url', href);
    await importWithoutPicture(file, uri, href, /outside the item's folder and the import roots/);

    const allowed = dateline(['import', '--data', data.dir, '--site', 'en', '--section', 'region', '--publish',
      '--import-root', photos, file]);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.equal(allowed.stderr, '', 'no warning');
    const html = await article(new URL(lines(allowed.stdout)[0]).pathname);
    await checkImage(html, { caption: 'A caption.', credit: 'Photo desk', width: 1000, height: 40 });
  });

  it('a FIFO or a folder named as a rendition is refused at once', async () => {
    const wire = join(work, 'special');
    mkdirSync(join(wire, 'folder.png'), { recursive: true });
    execFileSync('mkfifo', [join(wire, 'pipe.png')]);
    for (const href of ['pipe.png', 'folder.png']) {
      const { file, uri } = itemWithPicture(wire, `special-${href.replace('.', '-')}`, href);
      await importWithoutPicture(file, uri, href, /not a regular file/);
    }
  });

  it('a damaged picture (truncated PNG, JPEG with fewer rows than its header claims) is refused and nothing is kept', () => {
    const dir = join(work, 'damaged');
    mkdirSync(dir, { recursive: true });
    const png = readFileSync(fixture('images/solar-ferry.png'));
    writeFileSync(join(dir, 'cut-short.png'), png.subarray(0, Math.floor(png.length * 2 / 3)));
    writeFileSync(join(dir, 'tall-claim.jpg'), claimMoreRows(readFileSync(fixture('images/harbour-dawn.jpg')), 8));
    for (const picture of ['cut-short.png', 'tall-claim.jpg']) {
      const { file, uri } = itemWithPicture(dir, picture.replace('.', '-'), picture);
      const before = stateOf(uri);
      const r = importFiles([file], { section: 'region' });
      assert.equal(r.status, 1, `${picture}: exit code 1 (stderr: ${r.stderr})`);
      assert.equal(r.stdout, '', 'nothing on stdout');
      const err = lines(r.stderr);
      assert.equal(err.length, 1, `one line on stderr: ${r.stderr}`);
      assert.ok(err[0].includes(picture), `names the picture: ${err[0]}`);
      assert.match(err[0], /damaged/, `says what is wrong: ${err[0]}`);
      assert.deepEqual(stateOf(uri), { ...before, articles: 0 }, 'no file, no media row, no article');
    }
  });
});
