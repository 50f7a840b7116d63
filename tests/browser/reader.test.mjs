// Browser tests of the reader site: a real `dateline` server over a fresh demo network, driven by
// Debian's Chromium through playwright-core. They check what a reader sees on a phone and on a
// desktop, in English (ltr) and Arabic (rtl): the article's anatomy, right-to-left layout, no
// sideways scrolling, WCAG 2.2 AA (axe-core), a clean console under the CSP, and pages that work
// without JavaScript. Full-page screenshots go to build/screenshots/ for a human to look at.
// The server and Chromium, the screen sizes, axe-core and the problem watcher: ../support/browser.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  VIEWPORTS, useBrowserSuite, screenshotPath, openWatchedPage, cspViolations, axeFailures, assertNoAxeFailures,
} from '../support/browser.mjs';
import { waitUntil } from '../support/dateline.mjs';

const TEST_TIMEOUT = 120_000;

const SITES = {
  en: { lang: 'en', dir: 'ltr' },
  ar: { lang: 'ar', dir: 'rtl' },
};

/**
 * The demo server and Chromium, set once the suite runs; each site with a breaking-news banner up
 * (as an editor puts one up in the newsroom) and stories read this hour (as readers' requests are
 * counted: the headless browser is not), so that every check below sees pages with both.
 */
const BANNERS = { en: 'Storm warning for the coast tonight', ar: 'تحذير من عاصفة على الساحل الليلة' };
const suite = useBrowserSuite({
  env: { DATELINE_MOST_READ_SECONDS: '1' },
  setUp: async ({ data }) => {
    for (const [site, text] of Object.entries(BANNERS)) {
      data.sql(`INSERT INTO breaking_news (site_id, article_id, text, shown_until)
        SELECT a.site_id, a.id, '${text}', 4102444800 FROM articles a JOIN sites s ON s.id = a.site_id
        WHERE s.slug = '${site}' AND a.status = 'published' ORDER BY a.first_published_at DESC LIMIT 1`);
    }
    const hour = Math.floor(Date.now() / 3_600_000);
    data.sql(`INSERT INTO article_reads (hour, article_id, reads)
      SELECT ${hour}, id, 10 + id FROM articles WHERE status = 'published'`);
    await waitUntil('the server ranks the most read stories',
      () => Number(data.sql('SELECT COUNT(*) FROM most_read').trim()) > 0);
  },
});
/** Article path (e.g. /en/culture/...) of the first story on each site's home page. */
const articlePath = {};

/**
 * Opens a page in a new context and records every problem a reader's browser reports (see
 * watchPage in ../support/browser.mjs): console errors, uncaught exceptions,
 * `securitypolicyviolation` events, failed requests (any, cancelled ones included) and HTTP errors.
 */
function openContext(viewportName, contextOptions = {}) {
  return openWatchedPage(suite.browser, { ...VIEWPORTS[viewportName], ...contextOptions });
}

async function gotoOk(page, path) {
  const response = await page.goto(suite.server.url + path, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `GET ${path}`);
  return response;
}

/** The first story link on a home page (the lead story's headline). */
function firstStoryLink(page) {
  return page.locator('main article.card .card__headline a').first();
}

/** Finds (once) the path of the first story on each home page, so every test reads the same one. */
async function articleFor(lang) {
  if (articlePath[lang]) return articlePath[lang];
  const { context, page } = await openContext('desktop');
  try {
    await gotoOk(page, `/${lang}/`);
    const href = await firstStoryLink(page).getAttribute('href');
    assert.ok(href, `/${lang}/ has a story link`);
    articlePath[lang] = new URL(href, suite.server.url).pathname;
    return articlePath[lang];
  } finally {
    await context.close();
  }
}

/**
 * Scrolls through the page as a reader would, so lazily loaded images load, then back to the top;
 * resolves once every image has finished loading (or failing). Returns the sources of images that
 * failed (complete but with no pixels).
 */
async function scrollThrough(page) {
  await page.evaluate(async () => {
    const pause = () => new Promise((r) => setTimeout(r, 50));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await pause();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await pause();
  });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete), null, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.locator('img').evaluateAll(
    (imgs) => imgs.filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src));
}

/**
 * A full-page screenshot. Chromium's own full-page capture (beyond the viewport) often paints
 * off-screen, asynchronously decoded images blank, so the viewport is stretched to the page's
 * height instead, and restored afterwards.
 */
async function fullPageScreenshot(page, path) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  await page.evaluate(async () => {
    await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
}

function assertNoSideScroll(metrics, where) {
  assert.ok(metrics.scrollWidth <= metrics.innerWidth + 1,
    `${where}: page scrolls sideways (scrollWidth ${metrics.scrollWidth} > innerWidth ${metrics.innerWidth})` +
    (metrics.widest.length ? `; widest elements: ${metrics.widest.join(', ')}` : ''));
}

/** scrollWidth vs innerWidth, and the elements that stick out, to make a failure actionable. */
function sideScrollMetrics(page) {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const widest = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > innerWidth + 1 || r.left < -1)) {
        widest.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} [${Math.round(r.left)}..${Math.round(r.right)}]`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest: widest.slice(0, 8) };
  });
}

// ---- 1. What a reader sees ------------------------------------------------------------------

for (const [lang, site] of Object.entries(SITES)) {
  for (const viewportName of Object.keys(VIEWPORTS)) {
    test(`${lang} home and article on a ${viewportName}: headline, figure, caption, time, direction`,
      { timeout: TEST_TIMEOUT }, async () => {
        const { context, page, problems } = await openContext(viewportName);
        try {
          // Home page.
          await gotoOk(page, `/${lang}/`);
          assert.equal(await page.evaluate(() => document.documentElement.lang), site.lang);
          assert.equal(await page.evaluate(() => document.dir), site.dir);
          assert.deepEqual(await scrollThrough(page), [], 'home page images that failed to load');
          await fullPageScreenshot(page, screenshotPath(`${lang}-home-${viewportName}.png`));
          if (viewportName === 'phone') assertNoSideScroll(await sideScrollMetrics(page), `/${lang}/ (phone)`);

          // Follow the first story, as a reader would.
          const link = firstStoryLink(page);
          const headlineOnHome = (await link.innerText()).trim();
          await Promise.all([page.waitForURL((u) => u.pathname !== `/${lang}/`), link.click()]);
          assert.equal(new URL(page.url()).pathname, await articleFor(lang));
          await page.waitForLoadState('load');

          const h1 = page.locator('main h1');
          assert.equal(await h1.count(), 1, 'exactly one h1');
          assert.ok(await h1.isVisible(), 'headline visible');
          assert.equal((await h1.innerText()).trim(), headlineOnHome, 'headline matches the home page link');

          const img = page.locator('main figure.story__figure img');
          await img.scrollIntoViewIfNeeded();
          assert.ok(await img.isVisible(), 'lead image visible');
          await page.waitForFunction((el) => el.complete, await img.elementHandle());
          const naturalWidth = await img.evaluate((el) => el.naturalWidth);
          assert.ok(naturalWidth > 0, `lead image loaded (naturalWidth ${naturalWidth})`);
          const imgBox = await img.boundingBox();
          assert.ok(imgBox.width > 200 && imgBox.height > 100, `lead image has a sensible size: ${JSON.stringify(imgBox)}`);

          const caption = page.locator('main figure.story__figure figcaption');
          assert.ok(await caption.isVisible(), 'caption visible');
          assert.ok((await caption.innerText()).trim().length > 10, 'caption has text');

          const published = page.locator('main .story__published time[datetime]');
          assert.ok(await published.isVisible(), 'published time visible');
          assert.match(await published.getAttribute('datetime'), /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)$/);
          assert.ok((await published.innerText()).trim().length > 0, 'published time has text');

          const body = page.locator('main .story__body');
          assert.ok(await body.isVisible(), 'body visible');
          assert.ok((await body.locator('p').count()) >= 2, 'body has paragraphs');

          // Direction: the document and the headline; rtl headlines start at the right edge.
          assert.equal(await page.evaluate(() => document.dir), site.dir);
          const layout = await h1.evaluate((el) => {
            const style = getComputedStyle(el);
            const range = document.createRange();
            range.selectNodeContents(el);
            const lines = [...range.getClientRects()];
            const first = lines[0];
            const story = el.closest('article').getBoundingClientRect();
            const box = el.getBoundingClientRect();
            return {
              direction: style.direction,
              textAlign: style.textAlign,
              box: { left: box.left, right: box.right },
              firstLine: { left: first.left, right: first.right },
              content: { left: story.left, right: story.right },
            };
          });
          assert.equal(layout.direction, site.dir, 'headline direction');
          if (site.dir === 'rtl') {
            assert.ok(Math.abs(layout.box.right - layout.content.right) <= 2,
              `rtl headline box ends at the content's right edge: ${JSON.stringify(layout)}`);
            assert.ok(Math.abs(layout.firstLine.right - layout.content.right) <= 4,
              `rtl headline text starts at the right edge: ${JSON.stringify(layout)}`);
            assert.ok(layout.firstLine.left - layout.content.left >= -1,
              `rtl headline text stays inside the column: ${JSON.stringify(layout)}`);
          } else {
            assert.ok(Math.abs(layout.firstLine.left - layout.content.left) <= 4,
              `ltr headline text starts at the left edge: ${JSON.stringify(layout)}`);
          }

          if (viewportName === 'phone') assertNoSideScroll(await sideScrollMetrics(page), `${page.url()} (phone)`);
          assert.deepEqual(await scrollThrough(page), [], 'article page images that failed to load');
          await fullPageScreenshot(page, screenshotPath(`${lang}-article-${viewportName}.png`));

          assert.deepEqual([...problems, ...(await cspViolations(page))], [], 'browser problems');
        } finally {
          await context.close();
        }
      });
  }
}

// ---- 2. Accessibility: axe-core, WCAG 2.2 A and AA ------------------------------------------

for (const lang of Object.keys(SITES)) {
  for (const viewportName of Object.keys(VIEWPORTS)) {
    test(`axe: ${lang} home, article, section, tag, author, search and a missing page on a ${viewportName} have no WCAG 2.2 AA violations`,
      { timeout: TEST_TIMEOUT }, async () => {
        const { context, page } = await openContext(viewportName);
        try {
          const failures = [];
          const article = await articleFor(lang);
          // A section's and a tag's page, as a reader reaches them: a card's kicker, a story's tag.
          const pathOf = async (selector) =>
            new URL(await page.locator(selector).first().getAttribute('href'), suite.server.url).pathname;
          await gotoOk(page, `/${lang}/`);
          const section = await pathOf('main .card__kicker a');
          await gotoOk(page, article);
          const tag = await pathOf('main .story__tags a');
          // The search page with results, its words marked.
          const search = `/${lang}/search?q=${encodeURIComponent(lang === 'ar' ? 'الميناء' : 'port')}`;
          // An author's page, reached from the article's byline.
          const author = `/${lang}/authors/${lang === 'ar' ? 'rania-alsaadi' : 'layla-haddad'}/`;
          const pages = { home: `/${lang}/`, article, section, tag, author, search };
          for (const [kind, path] of Object.entries(pages)) {
            await gotoOk(page, path);
            failures.push(await axeFailures(page, `${path} (${viewportName})`));
            if (viewportName === 'phone') assertNoSideScroll(await sideScrollMetrics(page), `${path} (phone)`);
            // Every page type for a human to look at (the home page and the article are taken above).
            if (kind !== 'home' && kind !== 'article') {
              assert.deepEqual(await scrollThrough(page), [], `${path}: images that failed to load`);
              await fullPageScreenshot(page, screenshotPath(`${lang}-${kind}-${viewportName}.png`));
            }
          }
          assert.ok(await page.locator('main li.search-result mark').count() > 0, `${search}: words marked`);
          // A missing page: its own search form and the latest stories beside the masthead's.
          const missing = `/${lang}/no-such-page`;
          const response = await page.goto(suite.server.url + missing, { waitUntil: 'load' });
          assert.equal(response.status(), 404, `GET ${missing}`);
          failures.push(await axeFailures(page, `${missing} (${viewportName})`));
          if (viewportName === 'phone') assertNoSideScroll(await sideScrollMetrics(page), `${missing} (phone)`);
          await fullPageScreenshot(page, screenshotPath(`${lang}-missing-${viewportName}.png`));
          assertNoAxeFailures(failures);
        } finally {
          await context.close();
        }
      });
  }
}

// ---- 3. No console errors, no CSP violations -------------------------------------------------

test('no console errors, page errors or CSP violations on home and article pages', { timeout: TEST_TIMEOUT }, async () => {
  const report = [];
  for (const lang of Object.keys(SITES)) {
    for (const viewportName of Object.keys(VIEWPORTS)) {
      const { context, page, problems } = await openContext(viewportName);
      try {
        for (const path of [`/${lang}/`, await articleFor(lang)]) {
          problems.length = 0;
          await gotoOk(page, path);
          await scrollThrough(page); // so lazily loaded images are fetched and checked too
          await page.waitForLoadState('networkidle');
          for (const p of [...problems, ...(await cspViolations(page))]) report.push(`${path} (${viewportName}): ${p}`);
        }
      } finally {
        await context.close();
      }
    }
  }
  assert.deepEqual(report, []);
});

// ---- 4. Works without JavaScript -------------------------------------------------------------

test('on a phone every section is in reach, the bar says more are aside, and kicker links are big enough to tap', { timeout: TEST_TIMEOUT }, async () => {
  for (const lang of Object.keys(SITES)) {
    const { context, page, problems } = await openContext('phone');
    try {
      await gotoOk(page, `/${lang}/`);
      const bar = page.locator('.sections-nav ul');
      const fits = await bar.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(fits.scroll > fits.client, `${lang}: the demo's sections are wider than a phone (${JSON.stringify(fits)})`);
      const style = await bar.evaluate((el) => getComputedStyle(el));
      assert.equal(style.overflowX, 'auto', `${lang}: the bar scrolls`);
      assert.match(style.backgroundAttachment, /local/, `${lang}: a shadow on the side with more`);
      const links = page.locator('.sections-nav a');
      const last = links.last();
      await last.scrollIntoViewIfNeeded();
      const box = await last.boundingBox();
      const width = page.viewportSize().width;
      assert.ok(box.x >= 0 && box.x + box.width <= width + 0.5, `${lang}: the last section can be brought into view (${JSON.stringify(box)})`);
      for (const kicker of await page.locator('main .card__kicker a').all()) {
        const k = await kicker.boundingBox();
        if (k) assert.ok(k.height >= 24, `${lang}: a kicker link ${k.height} pixels tall`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('the most read stories are a numbered list on the home page and a section\'s front, easy to tap', { timeout: TEST_TIMEOUT }, async () => {
  for (const [lang, name] of [['en', 'Most read'], ['ar', 'الأكثر قراءة']]) {
    for (const viewportName of ['phone', 'desktop']) {
      const { context, page, problems } = await openContext(viewportName);
      try {
        await gotoOk(page, `/${lang}/`);
        const block = page.locator('.most-read');
        assert.equal(await block.locator('h2').textContent(), name);
        const items = block.locator('ol > li');
        assert.equal(await items.count(), 5, `${lang}: five stories`);
        const first = await items.first().evaluate((li) => ({
          number: getComputedStyle(li, '::before').content,
          direction: getComputedStyle(li).direction,
        }));
        assert.match(first.number, /counter\(rank/, `${lang}: each story under its rank`);
        assert.equal(first.direction, lang === 'ar' ? 'rtl' : 'ltr');
        for (const link of await block.locator('a').all()) {
          const box = await link.boundingBox();
          assert.ok(box.height >= 24, `${lang}: a link ${box.height} pixels tall`);
        }
        // A section's front has its own list, headed with the section's name.
        const section = await page.locator('.sections-nav a').nth(1).getAttribute('href');
        await gotoOk(page, section);
        const heading = await page.locator('.most-read h2').textContent();
        assert.ok(heading.startsWith(name) && heading.length > name.length, heading);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  }
});

test('each picture\'s `sizes` says the width it is shown at, from a phone to a wide screen', { timeout: TEST_TIMEOUT }, async () => {
  const screens = {
    phone: VIEWPORTS.phone,
    tablet: { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    desktop: VIEWPORTS.desktop,
    wide: { viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1, isMobile: false },
  };
  for (const lang of Object.keys(SITES)) {
    const article = await articleFor(lang);
    for (const [screen, options] of Object.entries(screens)) {
      const context = await suite.browser.newContext(options);
      try {
        const page = await context.newPage();
        for (const path of [`/${lang}/`, `/${lang}/business/`, article]) {
          await gotoOk(page, path);
          const pictures = await page.locator('main img[sizes]').evaluateAll((images) => images.map((img) => {
            // The first entry whose media condition holds, or the last; its length in pixels.
            const entries = img.getAttribute('sizes').split(/,\s*(?![^()]*\))/);
            const chosen = entries.find((e, i) => i === entries.length - 1 || matchMedia(e.match(/^\([^)]*\)/)[0]).matches);
            // In `sizes`, as in media queries, an em or rem is the initial font size (16 px), not
            // the page's.
            const length = chosen.replace(/^\([^)]*\)\s*/, '')
              .replace(/(\d*\.?\d+)r?em\b/g, (_, n) => `${Number(n) * 16}px`);
            const probe = document.createElement('div');
            probe.style.width = length;
            document.body.append(probe);
            const said = probe.getBoundingClientRect().width;
            probe.remove();
            return { src: img.getAttribute('src'), shown: img.getBoundingClientRect().width, said, sizes: img.getAttribute('sizes') };
          }));
          assert.ok(pictures.length > 0, `${path} (${screen}) has pictures`);
          for (const p of pictures) {
            if (p.shown === 0) continue;  // not laid out (hidden at this width)
            assert.ok(Math.abs(p.said - p.shown) <= Math.max(8, p.shown * 0.1),
              `${path} (${screen}): ${p.src} is shown ${p.shown} px wide, its sizes "${p.sizes}" say ${p.said}`);
          }
        }
      } finally {
        await context.close();
      }
    }
  }
});

test('a breaking-news banner runs under the masthead of every page, in the site\'s language, and leads to its story', { timeout: TEST_TIMEOUT }, async () => {
  for (const lang of Object.keys(SITES)) {
    const { context, page, problems } = await openContext('phone');
    try {
      for (const path of [`/${lang}/`, await articleFor(lang)]) {
        await gotoOk(page, path);
        const banner = page.locator('.breaking');
        assert.ok(await banner.isVisible(), `${path}: the banner shows`);
        assert.equal(await banner.getAttribute('role'), 'region');
        assert.equal((await banner.locator('.breaking__link').innerText()).trim(), BANNERS[lang]);
        const box = await banner.boundingBox();
        const masthead = await page.locator('.masthead').boundingBox();
        assert.ok(box.y >= masthead.y + masthead.height - 1, `${path}: under the masthead`);
      }
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith(`/${lang}/`)), page.locator('.breaking__link').click()]);
      assert.ok(await page.locator('main h1').isVisible(), `${lang}: the banner leads to a story`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('cards say how long ago each story was published, in the site\'s language, and keep the exact time', { timeout: TEST_TIMEOUT }, async () => {
  const expected = {
    en: /^(now|\d+ minutes? ago|\d+ hours? ago|yesterday|\d+ days ago)$/,
    ar: /^(الآن|قبل .+|أمس|أول أمس)$/,
  };
  for (const lang of Object.keys(SITES)) {
    for (const javaScriptEnabled of [true, false]) {
      const { context, page, problems } = await openContext('phone', { javaScriptEnabled });
      try {
        await gotoOk(page, `/${lang}/`);
        const times = await page.locator('main .card time[data-relative]').evaluateAll((els) => els.map((el) => ({
          text: el.textContent, title: el.title, datetime: el.dateTime,
        })));
        assert.ok(times.length >= 5, `${lang}: cards carry times (${times.length})`);
        for (const t of times) {
          assert.match(t.datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+04:00$/, `${lang}: the exact moment for machines`);
          if (!javaScriptEnabled) {
            assert.match(t.text, /\d{1,2}:\d{2}/, `${lang}: without script, the date and time of day: ${t.text}`);
            assert.equal(t.title, '');
            continue;
          }
          assert.match(t.title, /\d{1,2}:\d{2}/, `${lang}: the exact date and time as its tooltip: ${t.title}`);
          if (Date.now() - Date.parse(t.datetime) < 6.9 * 86_400_000) {
            assert.match(t.text, expected[lang], `${lang}: relative time "${t.text}"`);
          } else {
            assert.equal(t.text, t.title, `${lang}: a story older than a week keeps its date`);
          }
        }
        if (javaScriptEnabled) {
          // The newest story's text is what the reader's browser says of that moment.
          const first = times[0];
          const hours = Math.floor((Date.now() - Date.parse(first.datetime)) / 3_600_000);
          const words = new Intl.RelativeTimeFormat(`${lang}-u-nu-latn`, { numeric: 'auto' });
          if (hours >= 1 && hours < 24) assert.equal(first.text, words.format(-hours, 'hour'), `${lang}: newest story`);
        }
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  }
});

test('home and article pages work with JavaScript disabled', { timeout: TEST_TIMEOUT }, async () => {
  for (const lang of Object.keys(SITES)) {
    const { context, page, problems } = await openContext('phone', { javaScriptEnabled: false });
    try {
      await gotoOk(page, `/${lang}/`);
      const link = firstStoryLink(page);
      assert.ok(await link.isVisible(), `${lang}: story link visible`);
      await Promise.all([page.waitForURL((u) => u.pathname !== `/${lang}/`), link.click()]);
      assert.equal(new URL(page.url()).pathname, await articleFor(lang));

      const h1 = page.locator('main h1');
      assert.ok(await h1.isVisible(), `${lang}: headline visible without JavaScript`);
      assert.ok((await h1.innerText()).trim().length > 10);
      const paragraphs = page.locator('main .story__body p');
      assert.ok((await paragraphs.count()) >= 2, `${lang}: body paragraphs present`);
      assert.ok(await paragraphs.last().isVisible(), `${lang}: body visible without JavaScript`);
      assert.ok((await page.locator('main .story__body').innerText()).trim().length > 200, `${lang}: body has text`);
      const img = page.locator('main figure.story__figure img');
      await img.scrollIntoViewIfNeeded();
      await page.waitForLoadState('load');
      assert.ok(await img.evaluate((el) => el.naturalWidth > 0), `${lang}: lead image loads without JavaScript`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});
