// The wire desk in Debian's Chromium, in English and in Arabic: an agency's NewsML-G2 files land
// in a source folder that the serving node reads by itself; an editor finds the story in the
// wire queue (filtered by language and by words of its headline), reads it as the agency sent
// it, uses it (a draft with every field, its picture and the agency's credit), publishes it and
// reads it on the site with its credit. Every screen on the way is checked by axe-core
// (WCAG 2.2 AA) and runs under the CSP without a violation or a console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { dateline, repoRoot } from '../support/dateline.mjs';
import {
  VIEWPORTS, useBrowserSuite, openWatchedPage, cspViolations, axeFailures, assertNoAxeFailures, screenshotPath,
} from '../support/browser.mjs';

const TEST_TIMEOUT = 120_000;
const PASSWORD = 'a passphrase for the wire desk';
const fixtures = join(repoRoot, 'tests/fixtures/newsml_g2');

const RUNS = {
  en: {
    viewport: 'desktop', locale: 'en-GB', site: 'en', dir: 'ltr', source: 'meridian-en', language: 'en',
    file: 'news-message-package.xml', words: 'night crossings',
    headline: 'Solar ferry begins night crossings', credit: 'MERIDIAN', pictureCredit: 'Meridian Wire / Huda Nasser',
    labels: {
      email: 'E-mail address', signIn: 'Sign in', wires: 'Wire queue', language: 'Language', words: 'Words of the headline',
      show: 'Show', use: 'Use', publish: 'Publish now', onSite: 'See it on the site', headline: 'Headline', storyMade: 'A story was made from this item.',
    },
  },
  ar: {
    viewport: 'phone', locale: 'ar-LB', site: 'ar', dir: 'rtl', source: 'levant-ar', language: 'ar',
    file: 'text-item-arabic-xhtml.xml', words: 'الخضار',
    headline: 'أسعار الخضار تنخفض في السوق المركزي', credit: 'وكالة المشرق للأنباء', pictureCredit: null,
    labels: {
      email: 'عنوان البريد الإلكتروني', signIn: 'دخول', wires: 'وارد الوكالات', language: 'اللغة', words: 'كلمات من العنوان',
      show: 'اعرض', use: 'استخدم', publish: 'النشر الآن', onSite: 'عرضها على الموقع', headline: 'العنوان', storyMade: 'صُنع من هذا الخبر خبرٌ في الموقع.',
    },
  },
};

const suite = useBrowserSuite({
  setUp: ({ data }) => {
    const r = dateline(['user', 'add', '--data', data.dir, '--email', 'wires@news.example', '--role', 'editor', '--site', 'en', '--site', 'ar',
      '--name', 'Huda Nasser', '--password-file', '-'], { input: `${PASSWORD}\n` });
    assert.equal(r.status, 0, r.stderr);
    // Each language's agency drops into a folder of its own; the serving node reads them.
    const past = new Date(Date.now() - 60_000);
    for (const run of Object.values(RUNS)) {
      const folder = join(data.dir, 'drops', run.source);
      mkdirSync(join(folder, 'pictures'), { recursive: true });
      copyFileSync(join(fixtures, 'pictures/harbour-dawn.jpg'), join(folder, 'pictures/harbour-dawn.jpg'));
      copyFileSync(join(fixtures, run.file), join(folder, run.file));
      utimesSync(join(folder, run.file), past, past);
      const added = dateline(['wires', 'add', '--data', data.dir, '--name', run.source, '--folder', folder, '--site', run.site]);
      assert.equal(added.status, 0, added.stderr);
    }
  },
});

for (const [lang, run] of Object.entries(RUNS)) {
  test(`${lang}, ${run.viewport}: from the wire queue to a published story with its credit; axe finds nothing`,
    { timeout: TEST_TIMEOUT }, async () => {
      const { context, page, problems } = await openWatchedPage(
        suite.browser, { ...VIEWPORTS[run.viewport], locale: run.locale }, { ignoreAborted: true });
      const { labels } = run;
      const base = suite.server.url;
      const failures = [];
      const check = async (where) => {
        failures.push(await axeFailures(page, `${lang} ${where} (${run.viewport})`));
        assert.deepEqual(await cspViolations(page), [], where);
      };
      try {
        await page.goto(`${base}/newsroom/login`);
        await page.getByLabel(labels.email).fill('wires@news.example');
        await page.locator('#password').fill(PASSWORD);
        await page.getByRole('button', { name: labels.signIn }).click();
        await page.waitForURL(`${base}/newsroom/`);
        await page.getByRole('link', { name: labels.wires }).click();
        await page.waitForURL(`${base}/newsroom/wires`);
        assert.equal(await page.getAttribute('html', 'dir'), run.dir);

        // The serving node reads the folders every two seconds.
        const item = page.getByRole('link', { name: run.headline });
        for (let i = 0; i < 40 && (await item.count()) === 0; i++) {
          await page.waitForTimeout(250);
          await page.reload();
        }
        assert.equal(await item.count(), 1, 'the agency\'s story is in the queue');
        await check('wire queue');

        await page.getByLabel(labels.language).selectOption(run.language);
        await page.getByLabel(labels.words).fill(run.words);
        await page.getByRole('button', { name: labels.show }).click();
        await page.waitForURL(/\/newsroom\/wires\?/);
        assert.equal(await page.locator('tbody tr').count(), 1, 'only the story asked for');
        await page.getByRole('link', { name: run.headline }).click();
        await page.waitForURL(/\/newsroom\/wires\/\d+$/);
        assert.equal(await page.locator('.wire-item h1').innerText(), run.headline);
        assert.equal(await page.locator('.wire-item').getAttribute('dir'), run.dir);
        assert.ok((await page.locator('.preview__body p').count()) >= 2, 'the body, paragraph by paragraph');
        assert.match(await page.locator('.facts').innerText(), new RegExp(run.credit));
        await check('wire item');
        await page.screenshot({ path: screenshotPath(`newsroom-${lang}-wire-item-${run.viewport}.png`), fullPage: true });

        await page.getByRole('button', { name: labels.use }).click();
        await page.waitForURL(/\/newsroom\/articles\/\d+$/);
        assert.equal(await page.getByLabel(labels.headline, { exact: true }).inputValue(), run.headline);
        assert.equal(await page.locator('#source_credit').inputValue(), run.credit);
        if (run.pictureCredit) assert.equal(await page.locator('.picture__current').count(), 1, 'the agency\'s picture');
        await check('draft from the wire');
        const draft = page.url();

        await page.getByRole('button', { name: labels.publish }).click();
        await page.waitForURL(/\?done=publish$/);
        const publicUrl = await page.getByRole('link', { name: labels.onSite }).getAttribute('href');
        await page.goto(base + new URL(publicUrl).pathname);
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), run.headline);
        assert.equal(await page.locator('.story__agency').innerText(), run.credit);
        if (run.pictureCredit) {
          assert.equal(await page.locator('.story__figure img').evaluate((img) => img.complete && img.naturalWidth > 0), true);
          assert.match(await page.locator('.story__figure').textContent(), new RegExp(run.pictureCredit));
        }

        // Back in the queue, the item says what became of it, and "Use" again opens that story.
        await page.goBack();
        await page.goto(`${base}/newsroom/wires`);
        await page.getByRole('link', { name: run.headline }).click();
        assert.match(await page.getByRole('status').innerText(), new RegExp(labels.storyMade));
        assert.equal(await page.getByRole('button', { name: labels.use }).count(), 0);
        await check('used wire item');
        assert.ok(draft.startsWith(base));
        assertNoAxeFailures(failures);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
}
