// Writing in the newsroom with Debian's Chromium, in English and in Arabic: an admin signs in,
// writes a story in Markdown, previews it, saves it, gives it a picture, publishes it, reads it
// on the site, edits it and sees "updated" there, adds a correction readers see under it, opens
// its revisions, and finds what it did in the audit log. Every screen on the way is checked by
// axe-core (WCAG 2.2 AA) and runs under the CSP without a violation or a console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dateline, repoRoot } from '../support/dateline.mjs';
import {
  VIEWPORTS, useBrowserSuite, screenshotPath, openWatchedPage, cspViolations, axeFailures, assertNoAxeFailures,
} from '../support/browser.mjs';

const TEST_TIMEOUT = 120_000;
const PASSWORD = 'a passphrase for the desk';

// What each language's run types and expects; the site is the one in that language.
const RUNS = {
  en: {
    viewport: 'desktop', locale: 'en-GB', site: 'en', dir: 'ltr',
    labels: { email: 'E-mail address', signIn: 'Sign in', stories: 'Stories', newStory: 'New story', headline: 'Headline', body: 'Body', section: 'Section', preview: 'Preview', save: 'Save', publish: 'Publish now', onSite: 'See it on the site', revisions: 'Revisions', note: 'What readers should know', addNote: 'Add the note', picture: 'A new picture', upload: 'Upload the picture', noted: 'added a correction or update', compare: 'Compare', putAtTop: 'Put at the top', arranged: "changed a site's top stories" },
    story: { headline: 'Night ferry resumes its crossing', body: 'The ferry left at nine.\nPassengers cheered **loudly**.', section: 'region', edit: 'The ferry left at nine, on time.', note: 'An earlier version said the ferry left at ten.' },
    saved: /Saved: revision 1\./, updated: 'Updated',
  },
  ar: {
    viewport: 'phone', locale: 'ar-LB', site: 'ar', dir: 'rtl',
    labels: { email: 'عنوان البريد الإلكتروني', signIn: 'دخول', stories: 'القصص', newStory: 'قصة جديدة', headline: 'العنوان', body: 'النص', section: 'القسم', preview: 'معاينة', save: 'حفظ', publish: 'النشر الآن', onSite: 'عرضها على الموقع', revisions: 'النسخ', note: 'ما ينبغي أن يعرفه القراء', addNote: 'إضافة الملاحظة', picture: 'صورة جديدة', upload: 'رفع الصورة', noted: 'أضاف تصويبًا أو تحديثًا', compare: 'قارن', putAtTop: 'ضعه في الأعلى', arranged: 'غيّر أهم أخبار موقع' },
    story: { headline: 'عودة العبّارة الليلية إلى رحلاتها', body: 'أبحرت العبّارة في التاسعة.\nوصفّق الركاب **طويلًا**.', section: 'region', edit: 'أبحرت العبّارة في التاسعة تمامًا.', note: 'ذكرت نسخة سابقة أن العبّارة أبحرت في العاشرة.' },
    saved: /حُفظت: النسخة 1\./, updated: 'حُدّث',
  },
};

const suite = useBrowserSuite({
  setUp: ({ data }) => {
    // An admin, so that the run ends on the audit log of what it did.
    const r = dateline(['user', 'add', '--data', data.dir, '--email', 'desk@news.example', '--role', 'admin',
      '--name', 'Rana Haddad', '--password-file', '-'], { input: `${PASSWORD}\n` });
    assert.equal(r.status, 0, r.stderr);
  },
});

for (const [lang, run] of Object.entries(RUNS)) {
  test(`${lang}, ${run.viewport}: write, preview, publish, read, edit and see it updated; axe finds nothing`,
    { timeout: TEST_TIMEOUT }, async () => {
      const { context, page, problems } = await openWatchedPage(
        suite.browser, { ...VIEWPORTS[run.viewport], locale: run.locale }, { ignoreAborted: true });
      const { labels, story } = run;
      const base = suite.server.url;
      const failures = [];
      const check = async (where) => {
        failures.push(await axeFailures(page, `${lang} ${where} (${run.viewport})`));
        assert.deepEqual(await cspViolations(page), [], where);
      };
      try {
        await page.goto(`${base}/newsroom/login`);
        await page.getByLabel(labels.email).fill('desk@news.example');
        await page.locator('#password').fill(PASSWORD);
        await page.getByRole('button', { name: labels.signIn }).click();
        await page.waitForURL(`${base}/newsroom/`);

        await page.getByRole('link', { name: labels.stories, exact: true }).click();
        await page.waitForURL(`${base}/newsroom/articles`);
        assert.equal(await page.getAttribute('html', 'dir'), run.dir);
        await check('stories');

        await page.goto(`${base}/newsroom/articles/new?site=${run.site}`);
        await check('new story');
        await page.getByLabel(labels.headline, { exact: true }).fill(story.headline);
        await page.getByLabel(labels.body, { exact: true }).fill(story.body);
        await page.getByLabel(labels.section, { exact: true }).selectOption(story.section);
        // The story's fields follow its site's direction, whatever the newsroom's language.
        assert.equal(await page.locator('#body').getAttribute('dir'), run.site === 'ar' ? 'rtl' : 'ltr');

        await page.getByRole('button', { name: labels.preview }).click();
        await page.waitForLoadState('load');
        assert.equal(await page.locator('.preview__body p').count(), 2);
        assert.equal(await page.locator('.preview__body strong').count(), 1);
        assert.equal(await page.locator('#body').inputValue(), story.body, 'the source stays as typed');
        await check('preview');
        await page.screenshot({ path: screenshotPath(`newsroom-${lang}-editor-${run.viewport}.png`), fullPage: true });

        await page.getByRole('button', { name: labels.save }).click();
        await page.waitForURL(/\/newsroom\/articles\/\d+\?saved=1$/);
        assert.match(await page.getByRole('status').innerText(), run.saved);
        await check('saved story');
        const id = page.url().match(/articles\/(\d+)/)[1];

        // Its lead picture, uploaded through the form.
        await page.getByLabel(labels.picture, { exact: true }).setInputFiles(join(repoRoot, 'demo/images/city-skyline-dusk.jpg'));
        await page.getByRole('button', { name: labels.upload }).click();
        await page.waitForURL(/\?done=picture$/);
        assert.equal(await page.locator('.picture__current').count(), 1);
        await check('story with a picture');

        await page.getByRole('button', { name: labels.publish }).click();
        await page.waitForURL(/\?done=publish$/);
        const publicUrl = await page.getByRole('link', { name: labels.onSite }).getAttribute('href');
        const path = new URL(publicUrl).pathname;
        await page.goto(base + path);
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), story.headline);
        assert.equal(await page.locator('.story__figure img').evaluate((img) => img.complete && img.naturalWidth > 0), true);
        assert.equal(await page.locator('.story__updated').count(), 0);

        // An hour later, as far as readers know, the story is edited.
        suite.data.sql(`UPDATE articles SET first_published_at = first_published_at - 3600,
                        updated_at = updated_at - 3600 WHERE id = ${id}`);
        await page.goto(`${base}/newsroom/articles/${id}`);
        await page.getByLabel(labels.body, { exact: true }).fill(story.edit);
        await page.getByRole('button', { name: labels.save }).click();
        await page.waitForURL(/\?saved=3$/);
        // The reader's page shows the change and when it was made. A reload asks the server again
        // (the browser keeps the page for its max-age); the server drops its copy through a
        // watch over the database, so the first look may come a moment early.
        await page.goto(base + path);
        let shown = false;
        for (let i = 0; i < 40 && !shown; i++) {
          shown = (await page.locator('.story__updated').count()) === 1;
          if (!shown) {
            await page.waitForTimeout(250);
            await page.reload();
          }
        }
        assert.ok(shown, 'the reader page says the story was updated');
        // A correction, shown to readers under the story with its time.
        await page.goto(`${base}/newsroom/articles/${id}`);
        await page.getByLabel(labels.note, { exact: true }).fill(story.note);
        await page.getByRole('button', { name: labels.addNote }).click();
        await page.waitForURL(/\?done=note$/);
        await check('story with a note');
        await page.goto(base + path);
        for (let i = 0; i < 40 && (await page.locator('.story__note').count()) === 0; i++) {
          await page.waitForTimeout(250);
          await page.reload();
        }
        assert.equal(await page.locator('.story__note-text').innerText(), story.note);
        await check('reader page with a note');
        assert.match(await page.locator('.story__updated').innerText(), new RegExp(run.updated));
        assert.match(await page.locator('main').innerText(), new RegExp(story.edit.slice(0, 12)));

        await page.goto(`${base}/newsroom/articles/${id}`);
        await page.getByRole('link', { name: labels.revisions }).click();
        await page.waitForURL(`${base}/newsroom/articles/${id}/revisions`);
        assert.equal(await page.locator('.revisions li').count(), 3);
        await check('revisions');
        await page.getByRole('button', { name: labels.compare }).click();
        await page.waitForURL(/\/compare\?from=2&to=3$/);
        assert.equal(await page.locator('.diff__line--added').count(), 1);
        await check('comparison');
        await page.goBack();
        await page.locator('.revisions a').last().click();
        await page.waitForURL(`${base}/newsroom/articles/${id}/revisions/1`);
        await check('revision 1');

        // The story at the top of its site's home page, from the top stories screen.
        await page.goto(`${base}/newsroom/front?site=${run.site}`);
        await check('top stories');
        await page.getByRole('button', { name: `${labels.putAtTop}: ${story.headline}` }).click();
        await page.waitForURL(/done=saved$/);
        assert.equal(await page.locator('.front-list').first().locator('li').count(), 1);
        await check('top stories, one chosen');
        await page.goto(`${base}/${run.site}/`);
        for (let i = 0; i < 40 && (await page.locator('.home__lead .card__headline').innerText()) !== story.headline; i++) {
          await page.waitForTimeout(250);
          await page.reload();
        }
        assert.equal(await page.locator('.home__lead .card__headline').innerText(), story.headline, 'the story leads the home page');

        await page.goto(`${base}/newsroom/audit`);
        assert.match(await page.locator('tbody tr').first().innerText(), new RegExp(labels.arranged));
        assert.match(await page.locator('tbody tr').nth(1).innerText(), new RegExp(labels.noted));
        await check('audit log');
        await page.goto(`${base}/newsroom/sites`);
        assert.equal(await page.locator('section.site-settings').count(), 2, 'a form for each site');
        await check('sites');
        assertNoAxeFailures(failures);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
}
