// The newsroom in Debian's Chromium: an editor signs in through the form, reaches the desk and
// signs out, in English and in Arabic (right to left), on a phone and a desktop; every screen is
// checked by axe-core (WCAG 2.2 AA) and runs under the CSP without a violation or a console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateline } from '../support/dateline.mjs';
import {
  VIEWPORTS, useBrowserSuite, screenshotPath, openWatchedPage, cspViolations, axeFailures, assertNoAxeFailures,
} from '../support/browser.mjs';
import { awayFromStepEdge, codeOf, fromBase32 } from '../support/totp.mjs';

const TEST_TIMEOUT = 120_000;
const PASSWORD = 'a passphrase for the desk';
const LANGUAGES = {
  en: { dir: 'ltr', signIn: 'Sign in', desk: 'The desk', greeting: /Signed in as \u2068رنا حداد\u2069 \(editor\)\./, wrong: /not right/ },
  ar: { dir: 'rtl', signIn: 'دخول', desk: 'مكتب التحرير', greeting: /دخلت باسم \u2068رنا حداد\u2069 \(محرر\)\./, wrong: /غير صحيحين/ },
};
const TWO_STEP = {
  en: { account: 'Your account and two-step sign-in', start: 'Set up two-step sign-in', code: 'The six digits your app now shows',
    turnOn: 'Turn on two-step sign-in', on: /Two-step sign-in is on\./, signInCode: 'Six-digit code' },
  ar: { account: 'حسابك والتحقق بخطوتين', start: 'إعداد التحقق بخطوتين', code: 'الأرقام الستة التي يعرضها تطبيقك الآن',
    turnOn: 'تفعيل التحقق بخطوتين', on: /فُعّل التحقق بخطوتين/, signInCode: 'رمز من ستة أرقام' },
};

const suite = useBrowserSuite({
  setUp: ({ data }) => {
    const r = dateline(['user', 'add', '--data', data.dir, '--email', 'rana@news.example', '--role', 'editor',
      '--name', 'رنا حداد', '--site', 'en', '--site', 'ar', '--password-file', '-'], { input: `${PASSWORD}\n` });
    assert.equal(r.status, 0, r.stderr);
    // One account per run of the two-step test: a code is good once per account.
    for (const lang of Object.keys(LANGUAGES))
      for (const viewport of ['phone', 'desktop']) {
        const made = dateline(['user', 'add', '--data', data.dir, '--email', `two-${lang}-${viewport}@news.example`,
          '--role', 'author', '--site', lang, '--password-file', '-'], { input: `${PASSWORD}\n` });
        assert.equal(made.status, 0, made.stderr);
      }
    // A comment waiting on each site, for the moderation queue.
    for (const [site, title] of [['en', 'A fair question about the berths'], ['ar', 'سؤال عن الأرصفة']]) {
      data.sql(`INSERT INTO comments (site_id, article_id, status, author_name, email, title, body, held_reason,
                content_digest, created_at)
                SELECT a.site_id, a.id, 'pending', 'Salma', 'salma@example.com', '${title}', 'Text.\n\nMore text.',
                       'links', '${site}-browser', a.first_published_at + 60
                FROM articles a JOIN sites s ON s.id = a.site_id WHERE s.slug = '${site}' LIMIT 1`);
    }
  },
});

for (const [lang, words] of Object.entries(LANGUAGES)) {
  for (const viewportName of ['phone', 'desktop']) {
    test(`${lang}, ${viewportName}: sign in through the form, reach the desk, sign out; axe finds nothing`,
      { timeout: TEST_TIMEOUT }, async () => {
        // Submitting a form leaves the page while its icon may still load: that abort is no fault.
        const { context, page, problems, expectHttpError } = await openWatchedPage(
          suite.browser, { ...VIEWPORTS[viewportName], locale: lang === 'ar' ? 'ar-LB' : 'en-GB' },
          { ignoreAborted: true });
        try {
          const failures = [];
          const login = `${suite.server.url}/newsroom/login`;
          await page.goto(login);
          assert.equal(await page.getAttribute('html', 'dir'), words.dir);
          failures.push(await axeFailures(page, `${lang} sign-in (${viewportName})`));

          // A wrong password first: the message is announced and tied to the fields.
          expectHttpError('POST', login, 422);
          await page.getByLabel(lang === 'ar' ? 'عنوان البريد الإلكتروني' : 'E-mail address').fill('rana@news.example');
          await page.locator('#password').fill('not the passphrase');
          await page.getByRole('button', { name: words.signIn }).click();
          await page.waitForLoadState('load');
          assert.match(await page.getByRole('alert').innerText(), words.wrong);
          assert.equal(await page.locator('#password').getAttribute('aria-describedby'), 'sign-in-error');
          failures.push(await axeFailures(page, `${lang} sign-in refused (${viewportName})`));
          assert.deepEqual(await cspViolations(page), []);

          await page.locator('#password').fill(PASSWORD);
          await page.getByRole('button', { name: words.signIn }).click();
          await page.waitForURL(`${suite.server.url}/newsroom/`);
          assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), words.desk);
          assert.match(await page.locator('.who').innerText(), words.greeting);
          failures.push(await axeFailures(page, `${lang} desk (${viewportName})`));
          assert.deepEqual(await cspViolations(page), []);
          await page.screenshot({ path: screenshotPath(`newsroom-${lang}-desk-${viewportName}.png`), fullPage: true });

          await page.getByRole('link', { name: lang === 'ar' ? 'تعليقات القراء' : "Readers' comments" }).click();
          await page.waitForURL(`${suite.server.url}/newsroom/comments`);
          assert.equal(await page.locator('input[name="comment"]').count(), 2);
          failures.push(await axeFailures(page, `${lang} moderation queue (${viewportName})`));
          assert.deepEqual(await cspViolations(page), []);
          await page.screenshot({ path: screenshotPath(`newsroom-${lang}-comments-${viewportName}.png`), fullPage: true });
          await page.goto(`${suite.server.url}/newsroom/`);

          await page.getByRole('button', { name: lang === 'ar' ? 'تسجيل الخروج' : 'Sign out', exact: true }).click();
          await page.waitForURL(login);
          await page.goto(`${suite.server.url}/newsroom/`);
          assert.equal(page.url(), login, 'signed out: the desk sends back to sign-in');
          assertNoAxeFailures(failures);
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
        }
      });
  }
}

for (const [lang, words] of Object.entries(TWO_STEP)) {
  for (const viewportName of ['phone', 'desktop']) {
    test(`${lang}, ${viewportName}: set up two-step sign-in from the QR screen, then sign in with a code; axe finds nothing`,
      { timeout: TEST_TIMEOUT }, async () => {
        const { context, page, problems } = await openWatchedPage(
          suite.browser, { ...VIEWPORTS[viewportName], locale: lang === 'ar' ? 'ar-LB' : 'en-GB' },
          { ignoreAborted: true });
        try {
          const failures = [];
          const email = `two-${lang}-${viewportName}@news.example`;
          const login = `${suite.server.url}/newsroom/login`;
          const signIn = async () => {
            await page.goto(login);
            await page.locator('#email').fill(email);
            await page.locator('#password').fill(PASSWORD);
            await page.getByRole('button', { name: LANGUAGES[lang].signIn }).click();
          };
          await signIn();
          await page.waitForURL(`${suite.server.url}/newsroom/`);
          await page.getByRole('link', { name: words.account }).click();
          await page.getByRole('button', { name: words.start }).click();
          await page.waitForURL(`${suite.server.url}/newsroom/account`);
          const qr = page.locator('img.qr');
          await qr.waitFor();
          assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn');
          failures.push(await axeFailures(page, `${lang} two-step setup (${viewportName})`));
          assert.deepEqual(await cspViolations(page), []);
          await page.screenshot({ path: screenshotPath(`newsroom-${lang}-two-step-${viewportName}.png`), fullPage: true });
          const key = fromBase32(await page.locator('.key code').innerText());
          await awayFromStepEdge();
          await page.getByLabel(words.code).fill(codeOf(key, -1));
          await page.getByRole('button', { name: words.turnOn }).click();
          await page.waitForURL(/\/newsroom\/account\?done=on$/);
          assert.match(await page.getByRole('status').innerText(), words.on);
          failures.push(await axeFailures(page, `${lang} two-step on (${viewportName})`));

          await page.goto(`${suite.server.url}/newsroom/`);
          await page.getByRole('button', { name: lang === 'ar' ? 'تسجيل الخروج' : 'Sign out', exact: true }).click();
          await page.waitForURL(login);
          await signIn();
          await page.waitForURL(`${suite.server.url}/newsroom/login/code`);
          assert.equal(await page.getAttribute('html', 'dir'), LANGUAGES[lang].dir);
          failures.push(await axeFailures(page, `${lang} sign-in code (${viewportName})`));
          await page.getByLabel(words.signInCode).fill(codeOf(key));
          await page.getByRole('button', { name: LANGUAGES[lang].signIn }).click();
          await page.waitForURL(`${suite.server.url}/newsroom/`);
          assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), LANGUAGES[lang].desk);
          assertNoAxeFailures(failures);
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
        }
      });
  }
}
