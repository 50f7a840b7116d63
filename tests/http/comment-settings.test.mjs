// Each site's comment settings from network.json: its own limits (shown in the hints, given to
// the counter, enforced by the server), comments switched off for a whole site, and stories that
// close to comments by themselves after the site's number of days.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, makeDataDir, repoRoot, startServer } from '../support/dateline.mjs';
import { goodFields, postForm, sendComment } from '../support/comments.mjs';

const work = mkdtempSync(join(tmpdir(), 'dateline-comment-settings-'));
let data;
let server;

before(async () => {
  const demo = join(work, 'demo');
  cpSync(join(repoRoot, 'demo'), demo, { recursive: true });
  const network = JSON.parse(readFileSync(join(demo, 'network.json'), 'utf8'));
  network.sites[0].comments = { max_name: 20, max_title: 40, max_comment: 200, close_after_days: 1 };
  network.sites[1].comments = { open: false };
  writeFileSync(join(demo, 'network.json'), JSON.stringify(network));
  data = makeDataDir({ demoDir: demo });
  server = await startServer(data.dir, [], {
    env: {
      DATELINE_PAGE_CACHE_MB: '0',
      DATELINE_COMMENT_CHECK_DIFFICULTY: '10',
      DATELINE_COMMENT_MIN_FILL_SECONDS: '0',
      DATELINE_COMMENT_ADDRESS_LIMIT: '1000',
    },
  });
});

after(async () => {
  await server?.stop();
  data?.remove();
  rmSync(work, { recursive: true, force: true });
});

async function page(path) {
  return (await get(`${server.url}${path}`)).text();
}

// The site's stories with their first publication time, from the article pages themselves.
async function storiesOf(site) {
  const home = await page(`/${site}/`);
  const paths = [...new Set([...home.matchAll(/class="card__headline"><a href="([^"]+)"/g)].map((m) => m[1]))];
  const stories = [];
  for (const path of paths) {
    const html = await page(path);
    const published = html.match(/class="story__published">[^<]*<time datetime="([^"]+)"/)[1];
    stories.push({ path, html, ageHours: (Date.now() - Date.parse(published)) / 3_600_000 });
  }
  return stories;
}

test('a site\'s own limits are shown, counted and enforced', async () => {
  const [fresh] = (await storiesOf('en')).filter((s) => s.ageHours < 23);
  assert.ok(fresh, 'the demo has a story less than a day old');
  assert.match(fresh.html, /Shown with your comment\. Up to 20 characters\./);
  assert.match(fresh.html, /Up to 40 characters\./);
  assert.match(fresh.html, /data-limit="200"/);
  const long = await sendComment(server.url, fresh.path, { name: 'n'.repeat(21), comment: 'c'.repeat(201) });
  assert.equal(long.status, 422);
  const html = await long.text();
  assert.match(html, /id="comment-name-error">Shorten your name to 20 characters or fewer\./);
  assert.match(html, /id="comment-comment-error">Shorten your comment to 200 characters or fewer\./);
  const fits = await sendComment(server.url, fresh.path, { name: 'n'.repeat(20), title: 't'.repeat(40), comment: 'c'.repeat(200) });
  assert.equal(fits.status, 303);
});

test('stories close to comments by themselves after the site\'s number of days', async () => {
  const stories = await storiesOf('en');
  const old = stories.find((s) => s.ageHours > 25);
  assert.ok(old, 'the demo has a story more than a day old');
  assert.doesNotMatch(old.html, /id="comment-form"/);
  // No form to fetch a check from: a client posting anyway is refused before any check.
  const r = await postForm(`${server.url}${old.path}`, goodFields({ title: 'Too late for this one' }));
  assert.equal(r.status, 403);
  const html = await r.text();
  assert.match(html, /Comments on this story are closed/);
  assert.match(html, /Too late for this one/);  // the reader's text is still theirs
  const fresh = stories.find((s) => s.ageHours < 23);
  assert.match(fresh.html, /id="comment-form"/);
});

test('a site with comments switched off shows no form and takes none', async () => {
  const [story] = await storiesOf('ar');
  assert.doesNotMatch(story.html, /id="comment-form"/);
  assert.doesNotMatch(story.html, /altcha/);
  const r = await postForm(`${server.url}${story.path}`, { name: 'سلمى', comment: 'نص' });
  assert.equal(r.status, 403);
  assert.match(await r.text(), /أُغلق باب التعليق على هذا الخبر/);
});
