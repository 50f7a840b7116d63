// Browser tests of the reader comment form: a real `dateline` server over a fresh demo network,
// driven by Debian's Chromium through playwright-core on a phone-sized screen, in English (ltr)
// and Arabic (rtl). They do what a reader does and check what a reader notices: the
// characters-left counter as they type (and what a screen reader hears once typing pauses), a
// refused submission that points at the missing field and keeps what was typed, the security
// check solving itself, the "received" notice, and the comment on the page once a moderator
// approves it from the command line. Along the way: WCAG 2.2 AA (axe-core) on the form and on
// the page with errors, and a clean console under the CSP. Screenshots of the form go to
// build/screenshots/ for a human to look at. The server and Chromium, the phone screen, axe-core
// and the problem watcher: ../support/browser.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateline, get } from '../support/dateline.mjs';
import {
  VIEWPORTS, useBrowserSuite, screenshotPath, openWatchedPage, cspViolations, axeFailures, assertNoAxeFailures,
} from '../support/browser.mjs';

const TEST_TIMEOUT = 60_000;
/** How long the security check may take to solve itself (it takes milliseconds at this difficulty). */
const CHECK_TIMEOUT = 15_000;
const COMMENT_LIMIT = 1500;
/** The script announces the count to screen readers 0.7 s after typing pauses. */
const LIVE_PAUSE_MS = 700;

// ---- What each site says: the reader's own words, and the product's -------------------------

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const arabicDigits = (n) => String(n).replace(/[0-9]/g, (d) => ARABIC_DIGITS[d]);

/** CLDR plural category of a whole number in Arabic (zero, one, two, few, many, other). */
function arabicPlural(n) {
  const mod100 = n % 100;
  if (n === 0) return 'zero';
  if (n === 1) return 'one';
  if (n === 2) return 'two';
  if (mod100 >= 3 && mod100 <= 10) return 'few';
  if (mod100 >= 11 && mod100 <= 99) return 'many';
  return 'other';
}

/** Code points, as the server counts, with a line break (CRLF or LF) as one character. */
const codePoints = (text) => [...text.replace(/\r\n/g, '\n')].length;

const SITES = {
  en: {
    checkFinishing: 'Finishing the security check, then your comment will be sent…',
    dir: 'ltr',
    counter(left) {
      const n = Math.abs(left);
      if (left >= 0) return `${n} character${n === 1 ? '' : 's'} left`;
      return `${n} character${n === 1 ? '' : 's'} too many`;
    },
    checkVerified: 'Verified',
    submit: 'Send comment',
    summaryHeading: 'Your comment was not sent yet. Please check:',
    emailRequired: 'Enter your e-mail address.',
    received: /^Thank you\. Your comment was received/,
    commentsHeading: 'Comments (1)',
    reader: {
      // Exactly 20 characters, typed key by key to watch the counter.
      typed: 'Can not wait for it!',
      emoji: '🎷',
      name: 'Maya Haddad',
      email: 'maya.haddad@example.com',
      title: 'Worth the trip to the waterfront',
      paragraphs: [
        'I went two years ago and the open-air stage by the sea was the best night of my summer.',
        'Glad to see it back with even more acts 🎷 see you there!',
      ],
    },
  },
  ar: {
    dir: 'rtl',
    counter(left) {
      const n = Math.abs(left);
      const forms = left >= 0
        ? { zero: 'لم يتبقَّ أي حرف', one: 'تبقّى حرف واحد', two: 'تبقّى حرفان', few: 'تبقّت {n} أحرف', many: 'تبقّى {n} حرفاً', other: 'تبقّى {n} حرف' }
        : { zero: 'لا زيادة في الأحرف', one: 'زاد حرف واحد عن الحد', two: 'زاد حرفان عن الحد', few: 'زادت {n} أحرف عن الحد', many: 'زاد {n} حرفاً عن الحد', other: 'زاد {n} حرف عن الحد' };
      return forms[arabicPlural(n)].replace('{n}', arabicDigits(n));
    },
    checkVerified: 'تم التحقق',
    submit: 'أرسل التعليق',
    summaryHeading: 'لم يُرسل تعليقك بعد. يُرجى مراجعة ما يلي:',
    emailRequired: 'اكتب عنوان بريدك الإلكتروني.',
    received: /^شكراً لك\. وصلنا تعليقك/,
    commentsHeading: 'التعليقات (١)',
    reader: {
      typed: 'خبر جميل حقاً للقراء',
      emoji: '🌙',
      name: 'سلمى الخطيب',
      email: 'salma.k@example.com',
      title: 'معرض يستحق التوقف',
      paragraphs: [
        'مررت بالمعرض في طريقي إلى عمّان، وأعجبتني الأعمال كثيراً وخاصة الخط الكوفي.',
        'أتمنى أن يبقى المعرض مفتوحاً حتى نهاية العام 🌙 شكراً للمنظمين.',
      ],
    },
  },
};

/** Article path of the first story on each site's home page. */
const articlePath = {};

/** The demo server and Chromium, set once the suite runs. */
const suite = useBrowserSuite({
  dataOptions: { arabicIndicDigits: true },  // the counter counts in the site's digits
  env: {
    DATELINE_PAGE_CACHE_MB: '0',
    DATELINE_COMMENT_CHECK_DIFFICULTY: '50',
    DATELINE_COMMENT_MIN_FILL_SECONDS: '0',
  },
  async setUp({ server }) {
    for (const lang of Object.keys(SITES)) {
      const response = await get(`${server.url}/${lang}/`);
      assert.equal(response.status, 200, `GET /${lang}/`);
      const html = await response.text();
      const href = html.match(/class="card__headline"><a href="([^"]+)"/)?.[1];
      assert.ok(href, `/${lang}/ has a story link`);
      articlePath[lang] = new URL(href, server.url).pathname;
    }
  },
});

// ---- Helpers ---------------------------------------------------------------------------------

/**
 * A phone-sized page that records every problem a reader's browser reports (see watchPage in
 * ../support/browser.mjs): console errors (CSP violations are reported there too), uncaught
 * exceptions, `securitypolicyviolation` events, failed (not merely cancelled) requests, HTTP
 * errors, and any request that leaves the site: everything the form needs (widget, worker,
 * challenge) comes from the site itself. Cancelled requests are no problem here: a lazy image
 * still loading when the reader sends the form and leaves the page, or a worker script the widget
 * stops loading once another worker has solved the check. The one expected HTTP error is the 422
 * answer to a refused submission (Chromium also logs it to the console as a failed resource):
 * `expectRefusal(url)` tells the page which POST that is.
 */
async function openPhone() {
  const { expectHttpError, ...watched } = await openWatchedPage(suite.browser, VIEWPORTS.phone,
    { origin: suite.server.url, ignoreAborted: true });
  return { ...watched, expectRefusal: (url) => expectHttpError('POST', url, 422) };
}

/** Trimmed, whitespace-collapsed visible text of a locator. */
async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Whether the element's box lies within the viewport (at least partly, vertically). */
async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
  });
}

/**
 * Waits until the security check has solved its challenge: the widget says it is verified and
 * the form carries its payload in the hidden `altcha` input. Returns the payload.
 */
async function waitForCheck(page, site) {
  const widget = page.locator('#comment-form altcha-widget');
  try {
    await page.waitForFunction(() => {
      const w = document.querySelector('#comment-form altcha-widget');
      const input = document.querySelector('#comment-form form input[name="altcha"]');
      return w?.getState?.() === 'verified' && input?.value;
    }, null, { timeout: CHECK_TIMEOUT, polling: 100 });
  } catch (err) {
    const state = await widget.evaluate((w) => ({
      defined: Boolean(customElements.get('altcha-widget')),
      state: w.getState?.(),
      dataState: w.querySelector('[data-state]')?.dataset.state,
      text: w.innerText,
    })).catch((e) => `widget unreadable: ${e.message}`);
    throw new Error(`the security check did not verify within ${CHECK_TIMEOUT} ms: ${JSON.stringify(state)}`, { cause: err });
  }
  // What the reader sees: the widget's own checkbox, ticked, labelled "Verified".
  assert.equal(await widget.locator('[data-state]').first().getAttribute('data-state'), 'verified');
  assert.equal(await textOf(widget.locator('.altcha-checkbox-wrap label')), site.checkVerified, 'widget label');
  assert.ok(await widget.locator('.altcha-checkbox input[type=checkbox]').isChecked(), 'widget checkbox ticked');
  return page.locator('#comment-form form input[name="altcha"]').inputValue();
}

/** Submits the form with its button and resolves to the POST's own response (before redirects). */
async function submit(page, site, articleUrl) {
  const button = page.locator('#comment-form button[type=submit]');
  assert.equal(await textOf(button), site.submit, 'submit button text');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === articleUrl, { timeout: 15_000 }),
    button.click(),
  ]);
  return response;
}

// ---- The reader's flow, on each site ---------------------------------------------------------

for (const [lang, site] of Object.entries(SITES)) {
  test(`${lang} comment form on a phone: counter, refusal with errors, security check, notice, approval`,
    { timeout: TEST_TIMEOUT }, async () => {
      const reader = site.reader;
      const commentText = reader.paragraphs.join('\n\n');
      assert.equal(codePoints(reader.typed), 20, 'the typed sample is 20 characters');
      assert.equal(codePoints(reader.emoji), 1, 'the emoji is one code point');
      assert.equal(reader.emoji.length, 2, 'the emoji is two UTF-16 code units (so counting them is wrong)');

      const path = articlePath[lang];
      const articleUrl = suite.server.url + path;
      const { context, page, problems, requested, expectRefusal } = await openPhone();
      const axe = [];
      const csp = [];
      // Checks whose failure should not stop the reader's flow: reported together at the end.
      const soft = [];
      const softly = async (what, check) => {
        try {
          await check();
        } catch (err) {
          soft.push(`${what}: ${err.message}`);
        }
      };
      try {
        // ---- 1. The form and its counter ----
        const first = await page.goto(articleUrl, { waitUntil: 'load' });
        assert.equal(first.status(), 200, `GET ${path}`);
        assert.equal(await page.evaluate(() => document.dir), site.dir);

        const section = page.locator('section#comment-form');
        await section.scrollIntoViewIfNeeded();
        assert.ok(await inViewport(section), 'the form is on screen after scrolling to it');
        const form = section.locator('form');
        assert.equal(await form.getAttribute('method'), 'post');
        assert.ok(await form.evaluate((f) => f.noValidate), 'the form is novalidate (the server checks it)');
        assert.equal(new URL(await form.getAttribute('action'), articleUrl).pathname, path, 'the form posts to the article');

        const textarea = page.locator('#comment-comment');
        const counter = page.locator('#comment-comment-counter');
        const live = page.locator('#comment-comment-live');
        // The script shows the counter once it runs (it is hidden in the markup).
        await counter.waitFor({ state: 'visible', timeout: 10_000 });
        assert.equal(await textOf(counter), site.counter(COMMENT_LIMIT), 'counter before typing');
        assert.equal(await live.textContent(), '', 'nothing announced before typing');

        // Record when the reader types and when the live region speaks, to see that it speaks only
        // once typing has paused (judged from the recorded times, so a slow machine cannot fool it).
        await live.evaluate((el) => {
          window.__typed = [];
          window.__announced = [];
          document.getElementById('comment-comment')
            .addEventListener('input', () => window.__typed.push(performance.now()), true);
          new MutationObserver(() => window.__announced.push({ at: performance.now(), text: el.textContent }))
            .observe(el, { childList: true, characterData: true, subtree: true });
        });

        // The security check waits for the reader to start on the form: neither its challenge nor
        // its script and stylesheet are fetched before.
        assert.ok(!requested.includes('/comment-check'), 'no challenge fetched before the form is used');
        for (const asset of ['/assets/vendor/altcha/altcha.min.js', '/assets/vendor/altcha/altcha.css']) {
          assert.ok(!requested.includes(asset), `${asset} not fetched before the form is used`);
        }
        assert.equal(await page.locator('link[href*="altcha"]').count(), 0, 'no widget stylesheet in the page as served');
        // The form and the comments above it line up with the story's column.
        const column = await page.locator('.story__body').boundingBox();
        const formBox = await section.boundingBox();
        assert.ok(Math.abs(formBox.x - column.x) <= 1 && Math.abs(formBox.width - column.width) <= 1,
          `the form is as wide as the story and aligned with it: ${JSON.stringify({ formBox, column })}`);
        await textarea.tap();
        await textarea.pressSequentially(reader.typed);
        assert.equal(await textOf(counter), site.counter(COMMENT_LIMIT - 20), 'counter after typing 20 characters');
        await textarea.pressSequentially(reader.emoji);
        assert.equal(await textOf(counter), site.counter(COMMENT_LIMIT - 21), 'an emoji counts as one character');
        assert.equal(await counter.getAttribute('aria-hidden'), 'true', 'the visible counter is not read out at every key');

        const announced = site.counter(COMMENT_LIMIT - 21);
        await page.waitForFunction(([el, text]) => el.textContent === text, [await live.elementHandle(), announced], { timeout: 5_000 })
          .catch(async () => assert.fail(`the live region never said "${announced}"; it says "${await live.textContent()}"`));
        assert.equal(await live.getAttribute('aria-live'), 'polite');
        const { typed, announcements } = await page.evaluate(() => ({ typed: window.__typed, announcements: window.__announced }));
        assert.equal(typed.length, 21, 'one input event per key');
        assert.ok(announcements.length >= 1, 'the live region spoke');
        for (const { at, text } of announcements) {
          const lastKey = Math.max(...typed.filter((t) => t <= at));
          assert.ok(at - lastKey >= LIVE_PAUSE_MS - 10,
            `the live region said "${text}" ${Math.round(at - lastKey)} ms after a key, before typing paused for ${LIVE_PAUSE_MS} ms`);
        }
        assert.equal(announcements.at(-1).text, announced, 'the last thing announced is the count after the last key');

        // Over the limit: the counter says by how much.
        await textarea.fill('x'.repeat(COMMENT_LIMIT + 3));
        assert.equal(await textOf(counter), site.counter(-3), 'counter over the limit');
        assert.ok(await counter.evaluate((el) => el.classList.contains('field__counter--over')), 'over-limit style');

        // ---- 2. A submission without an e-mail address ----
        await page.locator('#comment-name').fill(reader.name);
        await page.locator('#comment-title').fill(reader.title);
        await textarea.fill(commentText);
        const left = COMMENT_LIMIT - codePoints(commentText);
        assert.equal(await textOf(counter), site.counter(left), 'counter for the comment');
        assert.ok(!(await counter.evaluate((el) => el.classList.contains('field__counter--over'))), 'no over-limit style');
        await page.locator('#comment-terms').check();
        // Focusing the form started the security check; let it finish so the only problem is the
        // missing address.
        await waitForCheck(page, site);
        assert.ok(requested.includes('/assets/vendor/altcha/altcha.min.js'), 'the widget loaded once the reader started');
        assert.ok(requested.includes('/comment-check'), 'the widget fetched its challenge from /comment-check');
        // Its checkbox, reached by keyboard, wears the site's focus ring.
        const checkbox = page.locator('#comment-form altcha-widget .altcha-checkbox input[type=checkbox]');
        await checkbox.focus();
        const ring = await checkbox.evaluate((el) => {
          const s = getComputedStyle(el);
          return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        });
        assert.deepEqual(ring, { style: 'solid', width: 3 }, 'the widget checkbox has the site\'s 3 px focus ring');
        assert.ok(requested.includes('/assets/vendor/altcha/pbkdf2.js'), 'the widget solved it in the vendored worker');
        if (site.dir === 'rtl') {
          assert.equal(await textarea.evaluate((el) => getComputedStyle(el).direction), 'rtl', 'Arabic comment runs right to left');
          assert.equal(await page.locator('#comment-email').evaluate((el) => getComputedStyle(el).direction), 'ltr',
            'the e-mail field runs left to right');
          const box = await section.boundingBox();
          const label = await page.locator('label[for="comment-name"]').boundingBox();
          assert.ok(box.x + box.width - (label.x + label.width) < 24, `rtl labels start at the right: ${JSON.stringify({ box, label })}`);
        }
        axe.push(await axeFailures(page, `${path} (form filled in, counter shown)`));
        await section.screenshot({ path: screenshotPath(`${lang}-comment-form-phone.png`) });
        csp.push(...await cspViolations(page));

        expectRefusal(articleUrl);
        const refusal = await submit(page, site, articleUrl);
        assert.equal(refusal.status(), 422, 'a submission without an e-mail address is refused with 422');
        const summary = page.locator('#comment-form-summary');
        await summary.waitFor({ state: 'visible', timeout: 10_000 });
        await page.waitForLoadState('load');
        await counter.waitFor({ state: 'visible', timeout: 10_000 });

        // The summary: focused by the script, with a link to each problem (only the address).
        await softly('the error summary has the focus', async () => {
          await page.waitForFunction(() => document.activeElement?.id === 'comment-form-summary', null, { timeout: 3_000 })
            .catch(async () => {
              const active = await page.evaluate(() => {
                const el = document.activeElement;
                return el ? `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>` : 'nothing';
              });
              assert.fail(`once the page has loaded the focus is on ${active}, not on #comment-form-summary`);
            });
        });
        assert.equal(await summary.getAttribute('role'), 'alert');
        assert.equal(await textOf(summary.locator('h3')), site.summaryHeading, 'summary heading');
        const links = summary.locator('a');
        assert.equal(await links.count(), 1, 'one problem listed');
        assert.equal(await links.first().getAttribute('href'), '#comment-email');
        assert.equal(await textOf(links.first()), site.emailRequired, 'summary link text');

        // The error next to the e-mail field, tied to it for screen readers.
        const email = page.locator('#comment-email');
        const emailError = page.locator('#comment-email-error');
        assert.ok(await emailError.isVisible(), 'e-mail error visible');
        assert.equal(await textOf(emailError), site.emailRequired, 'e-mail error text');
        assert.equal(await page.locator('.field__error').count(), 1, 'no errors on the other fields');
        assert.equal(await email.getAttribute('aria-invalid'), 'true');
        assert.ok((await email.getAttribute('aria-describedby')).split(/\s+/).includes('comment-email-error'),
          'the e-mail field is described by its error');
        assert.ok(await emailError.evaluate((el) => el.closest('.field') === document.getElementById('comment-email').closest('.field')),
          'the error is in the e-mail field\'s own block');
        const errorBox = await emailError.boundingBox();
        const emailBox = await email.boundingBox();
        assert.ok(errorBox.y + errorBox.height <= emailBox.y + 1 && emailBox.y - (errorBox.y + errorBox.height) < 48,
          `the error sits just above the e-mail field: ${JSON.stringify({ errorBox, emailBox })}`);

        // Everything typed is still there.
        assert.equal(await page.locator('#comment-name').inputValue(), reader.name, 'name kept');
        assert.equal(await page.locator('#comment-title').inputValue(), reader.title, 'title kept');
        await softly('the comment is kept as typed, line breaks included', async () => {
          assert.equal(await textarea.inputValue(), commentText);
        });
        assert.equal(await email.inputValue(), '', 'e-mail still empty');
        assert.ok(await page.locator('#comment-terms').isChecked(), 'terms still ticked');
        assert.equal(await textOf(counter), site.counter(left), 'counter for the kept comment');

        axe.push(await axeFailures(page, `${path} (422, error summary)`));
        await section.screenshot({ path: screenshotPath(`${lang}-comment-errors-phone.png`) });

        // The summary's link takes the reader to the field.
        await page.evaluate(() => window.scrollTo(0, 0));
        await links.first().click();
        await page.waitForFunction((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight;
        }, await email.elementHandle(), { timeout: 5_000 });
        csp.push(...await cspViolations(page));

        // ---- 3. The address, the security check, and a good submission ----
        await email.tap();
        await email.fill(reader.email);
        if (!(await page.locator('#comment-terms').isChecked())) await page.locator('#comment-terms').check();
        const payload = await waitForCheck(page, site);
        assert.ok(payload.length > 20, 'the security check put its payload in the form');
        const accepted = await submit(page, site, articleUrl);
        assert.equal(accepted.status(), 303, 'a good submission is answered with 303 See Other');
        const location = new URL(await accepted.headerValue('location'), articleUrl);
        assert.equal(location.pathname, path, 'redirected back to the article');
        assert.equal(location.search, '?comment=received');
        assert.equal(location.hash, '#comment-form');

        const notice = page.locator('#comment-form-notice');
        await notice.waitFor({ state: 'visible', timeout: 10_000 });
        await page.waitForLoadState('load');
        assert.equal(new URL(page.url()).search, '?comment=received');
        assert.match(await textOf(notice), site.received, 'the received notice');
        assert.equal(await notice.getAttribute('role'), 'status');
        assert.ok(await inViewport(notice), 'the notice is on screen');
        // The confirmation has the focus, so that a screen reader reads it out.
        await page.waitForFunction(() => document.activeElement?.id === 'comment-form-notice', null, { timeout: 3_000 })
          .catch(async () => assert.fail(`the focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`));
        assert.equal(await page.locator('#comment-form-summary').count(), 0, 'no error summary');
        assert.equal(await page.locator('.field__error').count(), 0, 'no field errors');
        // Pending: not on the page until a moderator approves it.
        assert.equal(await page.locator('section.comments').filter({ hasText: reader.title }).count(), 0,
          'the comment does not show before approval');
        await counter.waitFor({ state: 'visible', timeout: 10_000 });
        await section.screenshot({ path: screenshotPath(`${lang}-comment-received-phone.png`) });
        csp.push(...await cspViolations(page));

        // ---- 4. A moderator approves it; the reader reloads and sees it ----
        const list = dateline(['comments', '--data', suite.data.dir, 'list', '--status', 'pending']);
        assert.equal(list.status, 0, `comments list: ${list.stderr}`);
        const mine = list.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'))
          .filter(([, s, status, , name, title]) => s === lang && status === 'pending' && name === reader.name && title === reader.title);
        assert.equal(mine.length, 1, `one pending comment from the reader on ${lang}:\n${list.stdout}`);
        const [id, , , url] = mine[0];
        assert.ok(decodeURIComponent(url).endsWith(decodeURIComponent(path)), `the comment is on the article: ${url}`);
        const approve = dateline(['comments', '--data', suite.data.dir, 'approve', id]);
        assert.equal(approve.status, 0, `comments approve ${id}: ${approve.stderr}`);

        const reloaded = await page.goto(articleUrl, { waitUntil: 'load' });
        assert.equal(reloaded.status(), 200);
        const comments = page.locator('section.comments');
        await comments.scrollIntoViewIfNeeded();
        assert.ok(await comments.isVisible(), 'the comments section shows');
        // The theme sets headings in capitals with CSS; the words themselves are the heading's text.
        assert.equal((await comments.locator('h2').textContent()).trim(), site.commentsHeading, 'comments heading');
        const comment = comments.locator('article.comment');
        assert.equal(await comment.count(), 1, 'one comment');
        assert.equal(await comment.getAttribute('id'), `comment-${id}`);
        assert.equal(await textOf(comment.locator('.comment__title')), reader.title, 'comment title');
        assert.equal(await textOf(comment.locator('.comment__author')), reader.name, 'comment author');
        const shown = await comment.locator('.comment__body p').allInnerTexts();
        await softly('the published comment has the reader\'s paragraphs, emoji included', () => {
          assert.deepEqual(shown.map((p) => p.trim()), reader.paragraphs);
        });
        assert.ok(!(await comments.innerText()).includes(reader.email), 'the address is never shown');
        await comments.screenshot({ path: screenshotPath(`${lang}-comment-published-phone.png`) });
        csp.push(...await cspViolations(page));

        assertNoAxeFailures(axe);
        assert.deepEqual([...problems, ...csp], [], 'browser problems (console errors, CSP violations, failed requests)');
        assert.deepEqual(soft, [], 'what the reader should have seen');
      } finally {
        await context.close();
      }
    });
}

// ---- Sending before the check has finished ---------------------------------------------------

test('a reader who sends while the security check is still working waits for it, then it is sent',
  { timeout: TEST_TIMEOUT }, async () => {
    const site = SITES.en;
    const { context, page, problems } = await openPhone();
    try {
      const articleUrl = `${suite.server.url}${articlePath.en}`;
      await page.goto(articleUrl, { waitUntil: 'load' });
      // Everything typed in without touching the form (as a password manager or a quick paste
      // might), so the first focus is the press of the button itself: the widget loads and its
      // check starts then, and takes at least half a second, while the form is being sent.
      await page.evaluate(() => {
        const set = (id, value) => { document.getElementById(id).value = value; };
        set('comment-name', 'Hurried Reader');
        set('comment-email', 'hurried@example.com');
        set('comment-title', 'Sent in a rush');
        set('comment-comment', 'Typed quickly and sent at once.');
        document.getElementById('comment-terms').checked = true;
      });
      assert.equal(await page.evaluate(() => customElements.get('altcha-widget')), undefined,
        'the widget has not loaded: the reader has not used the form');
      const posts = [];
      page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url() === articleUrl, { timeout: 15_000 });
      const button = page.locator('#comment-form button[type=submit]');
      await button.click();
      // The reader is told why nothing happens yet, and pressing again changes nothing.
      assert.equal(await page.locator('#comment-check-live').textContent(), site.checkFinishing);
      assert.equal(await button.getAttribute('aria-busy'), 'true');
      await button.click({ noWaitAfter: true, timeout: 2_000 }).catch(() => {});  // may be gone already
      const response = await answered;
      assert.equal(response.status(), 303, 'sent once the check had finished');
      assert.ok(new URL(response.request().postData() ? `http://x/?${response.request().postData()}` : 'http://x/')
        .searchParams.get('altcha'), 'the form went with the check\'s answer');
      await page.waitForURL(/comment=received/);
      assert.match(await textOf(page.locator('#comment-form-notice')), /Your comment was received/);
      assert.equal(posts.length, 1, 'one comment sent, however often the button was pressed');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
