// The sites' settings in the newsroom, for admins: comments switched off for a whole site, and
// the comment fields' limits, changed in the browser's form, checked, recorded in the audit log,
// and on the reader pages at once; anyone else is refused.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { get, useDemoServer, waitUntil } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

const demo = useDemoServer();

before(() => {
  addUser(demo.data.dir, 'chief@news.example', 'admin', []);
  addUser(demo.data.dir, 'editor@news.example', 'editor', ['en', 'ar']);
});

async function signedIn(email) {
  const b = new Browser(demo.server.url);
  assert.equal((await b.signIn(email)).status, 303);
  return b;
}

const settings = (fields) => ({ comments_open: '1', close_after_days: '0', max_name: '80', max_title: '120', max_comment: '1500', ...fields });

async function save(b, site, fields) {
  const form = { ...settings(fields), form_token: await b.formToken('/newsroom/') };
  if (!form.comments_open) delete form.comments_open;  // an unticked box sends nothing
  return b.request(`/newsroom/sites/${site}`, { method: 'POST', form });
}

// A published story of the site, with its page's path.
function storyOf(site) {
  const [section, slug] = demo.data.sql(`SELECT s.slug, a.slug FROM articles a JOIN sections s ON s.id = a.section_id
    JOIN sites si ON si.id = a.site_id WHERE si.slug = '${site}' AND a.status = 'published' ORDER BY a.first_published_at DESC LIMIT 1`).trim().split('|');
  return `/${site}/${section}/${slug}`;
}

test('an admin closes a site to comments and sets its limits; readers see it at once; the log keeps it', async () => {
  const b = await signedIn('chief@news.example');
  const desk = await (await b.request('/newsroom/')).text();
  assert.match(desk, /href="\/newsroom\/sites"/);
  const screen = await (await b.request('/newsroom/sites')).text();
  assert.match(screen, /<input id="open-en" name="comments_open" type="checkbox" value="1" checked>/);
  assert.match(screen, /<input id="comment-ar" name="max_comment" type="number"[^>]* value="1500"/);

  const path = storyOf('en');
  const open = await (await get(`${demo.server.url}${path}`)).text();
  assert.ok(open.includes('name="comment"'), 'the comment form is there');

  const closed = await save(b, 'en', { comments_open: undefined, max_comment: '600' });
  assert.equal(closed.status, 303);
  assert.equal(closed.headers.get('location'), '/newsroom/sites?done=saved');
  assert.match(await (await b.request('/newsroom/sites?done=saved')).text(), /The site&#39;s settings are saved\./);
  assert.equal(demo.data.sql("SELECT comments_open, comment_body_max FROM sites WHERE slug = 'en'").trim(), '0|600');
  // Every node drops the site's pages within a second of the change.
  await waitUntil('the comment form gone from the closed site', async () =>
    !(await (await get(`${demo.server.url}${path}`)).text()).includes('name="comment"'));
  assert.match(demo.data.sql("SELECT actor, detail FROM audit_log WHERE action = 'site.settings' ORDER BY id DESC LIMIT 1").trim(),
    /chief@news\.example.*\|comments closed; comment up to 600 characters$/);
  const log = await (await b.request('/newsroom/audit')).text();
  assert.match(log, /changed a site&#39;s settings/);

  // Saving the same settings again changes nothing and records nothing.
  const entries = demo.data.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'site.settings'").trim();
  assert.equal((await save(b, 'en', { comments_open: undefined, max_comment: '600' })).status, 303);
  assert.equal(demo.data.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'site.settings'").trim(), entries);

  const reopened = await save(b, 'en', { comments_open: '1', max_name: '40' });
  assert.equal(reopened.status, 303);
  await waitUntil('the form back, with the new limit in its hint', async () =>
    (await (await get(`${demo.server.url}${path}`)).text()).includes('Shown with your comment. Up to 40 characters.'));
});

test('bad numbers are refused in the person\'s language with the field marked, and nothing changes', async () => {
  const b = await signedIn('chief@news.example');
  const before = demo.data.sql("SELECT comments_open, comments_close_after_days, comment_name_max, comment_title_max, comment_body_max FROM sites WHERE slug = 'ar'").trim();
  const zero = await save(b, 'ar', { comments_open: '1', max_title: '0' });
  assert.equal(zero.status, 422);
  const html = await zero.text();
  assert.match(html, /<p class="notice notice--error" id="error-ar" role="alert">A limit is a whole number from 1 to 100000\.<\/p>/);
  assert.match(html, /<input id="title-ar" name="max_title" type="number"[^>]* value="0"[^>]* aria-describedby="error-ar" aria-invalid="true">/);
  await b.request('/newsroom/?lang=ar');
  const days = await save(b, 'ar', { comments_open: '1', close_after_days: 'soon' });
  assert.equal(days.status, 422);
  assert.match(await days.text(), /عدد الأيام عدد صحيح من 0 إلى 3650\./);
  assert.equal(demo.data.sql("SELECT comments_open, comments_close_after_days, comment_name_max, comment_title_max, comment_body_max FROM sites WHERE slug = 'ar'").trim(), before);
  const unknown = await save(b, 'fr', { comments_open: '1' });
  assert.equal(unknown.status, 404);
});

test('only an admin sees or changes the sites\' settings; a forged form changes nothing', async () => {
  const editor = await signedIn('editor@news.example');
  assert.doesNotMatch(await (await editor.request('/newsroom/')).text(), /href="\/newsroom\/sites"/);
  assert.equal((await editor.request('/newsroom/sites')).status, 403);
  assert.equal((await save(editor, 'en', { comments_open: undefined })).status, 403);
  const anonymous = new Browser(demo.server.url);
  assert.equal((await anonymous.request('/newsroom/sites')).status, 303);
  const admin = await signedIn('chief@news.example');
  const forged = await admin.request('/newsroom/sites/en', { method: 'POST', form: settings({ comments_open: '' }) });
  assert.equal(forged.status, 403);
  assert.equal(demo.data.sql("SELECT comments_open FROM sites WHERE slug = 'en'").trim(), '1');
});
