// The newsroom's stories over HTTP: writing in Markdown with a preview, the editorial states and
// who may move a story between them, concurrent edits, revisions, and what readers then see.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { changesShowAtOnce, get, useDemoServer, waitUntil } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

const demo = useDemoServer({ env: changesShowAtOnce });

const tokenOn = (html) => html.match(/name="form_token" value="([0-9a-f]{64})"/)[1];
const revisionOn = (html) => Number(html.match(/name="revision" value="(\d+)"/)[1]);
const idFrom = (res) => Number(res.headers.get('location').match(/\/newsroom\/articles\/(\d+)/)[1]);

// Runs beside useDemoServer's hook, which has made the data directory by then (not the server).
before(() => {
  addUser(demo.data.dir, 'editor@news.example', 'editor', ['en']);
  addUser(demo.data.dir, 'second@news.example', 'editor', ['en']);
  addUser(demo.data.dir, 'ar-editor@news.example', 'editor', ['ar']);
  addUser(demo.data.dir, 'writer@news.example', 'author', ['en']);
  addUser(demo.data.dir, 'other-writer@news.example', 'author', ['en']);
  addUser(demo.data.dir, 'mod@news.example', 'moderator', ['en']);
  addUser(demo.data.dir, 'chief@news.example', 'admin', []);
  addUser(demo.data.dir, 'both@news.example', 'editor', ['en', 'ar']);
});

async function signedIn(email) {
  const b = new Browser(demo.server.url);
  const res = await b.signIn(email);
  assert.equal(res.status, 303);
  return b;
}

const story = (fields = {}) => ({
  site: 'en',
  headline: 'Harbour cranes return after the storm',
  standfirst: 'Port workers cleared the quay overnight.',
  body: 'The first ship docked at dawn.\r\nCranes were **back at work** by noon.\r\n\r\n- cargo\r\n- fuel',
  dateline: 'PORT CITY',
  authors: 'Rana Haddad, Omar Saleh',
  source_credit: 'Dateline staff',
  section: 'region',
  tags: 'Harbour, Weather',
  lead_caption: '',
  lead_credit: '',
  slug: '',
  ...fields,
});

async function create(b, fields = {}) {
  const token = tokenOn(await (await b.request('/newsroom/articles/new?site=en')).text());
  const res = await b.request('/newsroom/articles/new', { method: 'POST', form: { ...story(fields), form_token: token, intent: 'save' } });
  assert.equal(res.status, 303, await res.text());
  return idFrom(res);
}

async function act(b, id, action, extra = {}) {
  const token = tokenOn(await (await b.request(`/newsroom/articles/${id}`)).text());
  return b.request(`/newsroom/articles/${id}/action`, { method: 'POST', form: { form_token: token, action, ...extra } });
}

// Saves from `revision`, as an editor's form opened at that revision would.
async function saveFrom(b, id, revision, fields = {}) {
  return b.request(`/newsroom/articles/${id}`, {
    method: 'POST',
    form: { ...story(fields), form_token: await b.formToken('/newsroom/'), revision: String(revision), intent: 'save' },
  });
}

test('an editor writes in Markdown, previews, publishes, and readers see the story', async () => {
  const b = await signedIn('editor@news.example');
  const desk = await (await b.request('/newsroom/')).text();
  assert.match(desk, /href="\/newsroom\/articles\/new"/);
  // The preview renders without saving anything.
  const token = tokenOn(await (await b.request('/newsroom/articles/new')).text());
  const preview = await b.request('/newsroom/articles/new', { method: 'POST', form: { ...story(), form_token: token, intent: 'preview' } });
  assert.equal(preview.status, 200);
  const previewHtml = await preview.text();
  assert.match(previewHtml, /<p>The first ship docked at dawn\.<\/p><p>Cranes were <strong>back at work<\/strong> by noon\.<\/p><ul>\s*<li>cargo<\/li>\s*<li>fuel<\/li>\s*<\/ul>/);
  assert.ok(previewHtml.includes('The first ship docked at dawn.\nCranes were **back at work**'), 'the source stays in the form');
  assert.equal(demo.data.sql("SELECT COUNT(*) FROM articles WHERE headline = 'Harbour cranes return after the storm'").trim(), '0');

  const id = await create(b);
  const page = await b.request(`/newsroom/articles/${id}?saved=1`);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  const html = await page.text();
  assert.match(html, /Saved: revision 1\./);
  assert.match(html, /<span class="badge badge--draft">Draft<\/span>/);
  assert.match(html, /value="Rana Haddad, Omar Saleh"/);
  assert.match(html, /<option value="region" selected>/);
  assert.equal((await get(`${demo.server.url}/en/region/harbour-cranes-return-after-the-storm`)).status, 404);

  const published = await act(b, id, 'publish');
  assert.equal(published.status, 303);
  assert.equal(published.headers.get('location'), `/newsroom/articles/${id}?done=publish`);
  const after = await (await b.request(published.headers.get('location'))).text();
  assert.match(after, /Published\./);
  assert.match(after, /href="http:\/\/localhost:8080\/en\/region\/harbour-cranes-return-after-the-storm"/);
  const reader = await get(`${demo.server.url}/en/region/harbour-cranes-return-after-the-storm`);
  assert.equal(reader.status, 200);
  const readerHtml = await reader.text();
  assert.ok(readerHtml.includes('Cranes were <strong>back at work</strong> by noon.'));
  assert.match(readerHtml, /Rana Haddad/);
  assert.doesNotMatch(readerHtml, /story__updated/);
});

test('editing a published story moves "last updated" on the reader page and keeps its address', async () => {
  const b = await signedIn('editor@news.example');
  const id = await create(b, { headline: 'Budget talks resume', slug: 'budget-talks' });
  assert.equal((await act(b, id, 'publish')).status, 303);
  // Published an hour ago, as far as readers know.
  demo.data.sql(`UPDATE articles SET first_published_at = first_published_at - 3600, updated_at = updated_at - 3600 WHERE id = ${id}`);
  const moved = await saveFrom(b, id, 1, { headline: 'Budget talks resume', slug: 'budget-talks-moved' });
  assert.equal(moved.status, 422);
  const movedHtml = await moved.text();
  assert.match(movedHtml, /id="slug"[^>]*aria-invalid="true"/);
  assert.match(movedHtml, /budget-talks-moved/, 'what was typed stays in the form');
  const saved = await saveFrom(b, id, 1, { headline: 'Budget talks resume after a pause', slug: 'budget-talks' });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `/newsroom/articles/${id}?saved=2`);
  const reader = await (await get(`${demo.server.url}/en/region/budget-talks`)).text();
  assert.match(reader, /Budget talks resume after a pause/);
  assert.match(reader, /class="story__updated"/);
});

test('the second editor to save is told, loses nothing, and may then save on purpose', async () => {
  const first = await signedIn('editor@news.example');
  const second = await signedIn('second@news.example');
  const id = await create(first, { headline: 'Two editors, one story' });
  assert.equal((await saveFrom(first, id, 1, { headline: 'Two editors, one story (first)' })).status, 303);
  const late = await saveFrom(second, id, 1, { headline: 'Two editors, one story (second)', body: 'My own paragraph.' });
  assert.equal(late.status, 409);
  const html = await late.text();
  assert.match(html, /Someone else saved this story since you opened it/);
  assert.match(html, /value="Two editors, one story \(second\)"/);
  assert.match(html, />My own paragraph\.<\/textarea>/);
  assert.equal(revisionOn(html), 2, 'the form now carries the current revision');
  assert.equal(demo.data.sql(`SELECT headline FROM articles WHERE id = ${id}`).trim(), 'Two editors, one story (first)');
  // Saving again from the form as shown replaces it; the first editor's save stays a revision.
  assert.equal((await saveFrom(second, id, 2, { headline: 'Two editors, one story (second)' })).status, 303);
  const revisions = await (await first.request(`/newsroom/articles/${id}/revisions`)).text();
  assert.equal([...revisions.matchAll(/href="\/newsroom\/articles\/\d+\/revisions\/(\d+)"/g)].map((m) => m[1]).join(','), '3,2,1');
  assert.match(revisions, /Revision 2, [^<]+, by \u2068Rana Haddad\u2069/);
});

test('two revisions are compared; one is read and restored as the newest', async () => {
  const b = await signedIn('editor@news.example');
  const id = await create(b, { headline: 'Ferry timetable changes', body: 'Old paragraph.' });
  assert.equal((await saveFrom(b, id, 1, { headline: 'Ferry timetable changes again', body: 'New paragraph.' })).status, 303);
  const compared = await b.request(`/newsroom/articles/${id}/compare?from=1&to=2`);
  assert.equal(compared.status, 200);
  const diff = await compared.text();
  assert.match(diff, /<th scope="row">Headline<\/th><td lang="en" dir="ltr"><del>Ferry timetable changes<\/del><\/td><td lang="en" dir="ltr"><ins>Ferry timetable changes again<\/ins><\/td>/);
  assert.match(diff, /<li class="diff__line diff__line--removed"><del><span class="visually-hidden" lang="en">Removed: <\/span><span class="diff__mark" aria-hidden="true">−<\/span>Old paragraph\.<\/del><\/li>/);
  assert.match(diff, /diff__line--added"><ins>[^\n]*New paragraph\.<\/ins>/);
  assert.match(await (await b.request(`/newsroom/articles/${id}/compare?from=2&to=2`)).text(), /The two revisions say the same\./);
  assert.equal((await b.request(`/newsroom/articles/${id}/compare?from=1&to=9`)).status, 404);
  assert.match(await (await b.request(`/newsroom/articles/${id}/revisions`)).text(), /<option value="1" selected>1<\/option>/);
  const one = await (await b.request(`/newsroom/articles/${id}/revisions/1`)).text();
  assert.match(one, /<p>Old paragraph\.<\/p>/);
  const restored = await b.request(`/newsroom/articles/${id}/revisions/1`, { method: 'POST', form: { form_token: tokenOn(one), revision: String(revisionOn(one)) } });
  assert.equal(restored.status, 303);
  assert.equal(restored.headers.get('location'), `/newsroom/articles/${id}?saved=3&restored=1`);
  const now = await (await b.request(restored.headers.get('location'))).text();
  assert.match(now, /Revision 1 restored: it is now revision 3\./);
  assert.match(now, /value="Ferry timetable changes"/);
  assert.equal((await b.request(`/newsroom/articles/${id}/revisions/9`)).status, 404);
});

test('an author writes and submits their own drafts and publishes nothing', async () => {
  const writer = await signedIn('writer@news.example');
  const id = await create(writer, { headline: 'A writer\'s first draft' });
  assert.equal((await act(writer, id, 'publish')).status, 403);
  const page = await (await writer.request(`/newsroom/articles/${id}`)).text();
  assert.match(page, /value="submit"/);
  assert.doesNotMatch(page, /value="publish"/);
  assert.equal((await act(writer, id, 'submit')).status, 303);
  // Handed over: it reads, but no longer edits.
  const handed = await (await writer.request(`/newsroom/articles/${id}`)).text();
  assert.match(handed, /badge--review/);
  assert.doesNotMatch(handed, /class="editor"/);
  assert.equal((await saveFrom(writer, id, 1, { headline: 'Sneaky change' })).status, 403);
  // Another author sees neither the story nor it in the list.
  const other = await signedIn('other-writer@news.example');
  assert.equal((await other.request(`/newsroom/articles/${id}`)).status, 403);
  assert.doesNotMatch(await (await other.request('/newsroom/articles')).text(), /first draft/);
  // The editor finds it in review, and publishes it.
  const editor = await signedIn('editor@news.example');
  const review = await (await editor.request('/newsroom/articles?status=review')).text();
  assert.match(review, new RegExp(`href="/newsroom/articles/${id}"`));
  assert.equal((await act(editor, id, 'publish')).status, 303);
});

test('the Arabic newsroom writes a time as an Arabic paper does: the 24-hour clock and the zone by its place', async () => {
  const arabic = await signedIn('ar-editor@news.example');
  const html = await (await arabic.request('/newsroom/articles?site=ar&lang=ar')).text();
  const dates = [...html.matchAll(/<time datetime="[^"]+">([^<]+)<\/time>/g)].map((m) => m[1]);
  assert.ok(dates.length > 0, 'the list dates its stories');
  for (const date of dates) {
    assert.match(date, /، \d{2}:\d{2} بتوقيت /, date);
    assert.doesNotMatch(date, /غرينتش|GMT| ص | م /, date);
  }
});

test('each account reaches only its own sites\' stories, and a moderator none', async () => {
  const editor = await signedIn('editor@news.example');
  const id = await create(editor, { headline: 'Only for the English desk' });
  const arabic = await signedIn('ar-editor@news.example');
  assert.equal((await arabic.request(`/newsroom/articles/${id}`)).status, 403);
  assert.equal((await arabic.request('/newsroom/articles?site=en')).status, 403);
  const moderator = await signedIn('mod@news.example');
  assert.equal((await moderator.request('/newsroom/articles/new')).status, 403);
  assert.equal((await moderator.request(`/newsroom/articles/${id}`)).status, 403);
  const chief = await signedIn('chief@news.example');
  assert.equal((await chief.request(`/newsroom/articles/${id}`)).status, 200);
  assert.equal((await chief.request('/newsroom/articles/999999')).status, 404);
  // Signed out, every screen sends to the sign-in page.
  const nobody = new Browser(demo.server.url);
  const res = await nobody.request(`/newsroom/articles/${id}`);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/newsroom/login');
});

test('a form without its token, or from another site, changes nothing', async () => {
  const b = await signedIn('editor@news.example');
  const id = await create(b, { headline: 'Forged forms fail' });
  const forged = await b.request(`/newsroom/articles/${id}/action`, { method: 'POST', form: { action: 'publish', form_token: '0'.repeat(64) } });
  assert.equal(forged.status, 403);
  const token = tokenOn(await (await b.request(`/newsroom/articles/${id}`)).text());
  const crossSite = await b.request(`/newsroom/articles/${id}/action`, {
    method: 'POST', form: { action: 'publish', form_token: token }, headers: { origin: 'https://evil.example' },
  });
  assert.equal(crossSite.status, 403);
  assert.equal(demo.data.sql(`SELECT status FROM articles WHERE id = ${id}`).trim(), 'draft');
});

test('bad input is refused in the person\'s language, with the field marked and the text kept', async () => {
  const b = await signedIn('editor@news.example');
  const token = tokenOn(await (await b.request('/newsroom/articles/new?lang=ar')).text());
  const res = await b.request('/newsroom/articles/new', { method: 'POST', form: { ...story({ headline: '   ', body: 'نص يبقى' }), form_token: token, intent: 'save' } });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /العنوان مطلوب/);
  assert.match(html, /id="headline"[^>]*aria-invalid="true"/);
  assert.match(html, />نص يبقى<\/textarea>/);
  const unknown = await b.request('/newsroom/articles/new', { method: 'POST', form: { ...story({ section: 'nowhere' }), form_token: token, intent: 'save' } });
  assert.equal(unknown.status, 422);
  assert.match(await unknown.text(), /id="section"[^>]*aria-invalid="true"/);
});

test('a story scheduled for later is hidden until then; a time gone by is refused', async () => {
  const b = await signedIn('editor@news.example');
  const id = await create(b, { headline: 'Election results at nine', slug: 'election-results' });
  const past = await act(b, id, 'schedule', { publish_at: '2001-01-01T09:00' });
  assert.equal(past.status, 422);
  assert.match(await past.text(), /id="publish_at"[^>]*aria-invalid="true"/);
  const scheduled = await act(b, id, 'schedule', { publish_at: '2099-01-01T09:00' });
  assert.equal(scheduled.status, 303);
  const page = await (await b.request(`/newsroom/articles/${id}`)).text();
  assert.match(page, /badge--scheduled/);
  assert.match(page, /value="2099-01-01T09:00"/);
  assert.equal((await get(`${demo.server.url}/en/region/election-results`)).status, 404);
  // The time is the site's wall time: nine in Dubai (UTC+4) is five in UTC.
  const stored = Number(demo.data.sql(`SELECT first_published_at FROM articles WHERE id = ${id}`).trim());
  assert.equal(stored, Date.UTC(2099, 0, 1, 5) / 1000);
  assert.equal((await act(b, id, 'unpublish')).status, 303);
  assert.match(await (await b.request(`/newsroom/articles/${id}`)).text(), /badge--draft/);
});

test('the list filters by site, state, section, author and words of the headline', async () => {
  const b = await signedIn('editor@news.example');
  const id = await create(b, { headline: 'Lighthouse keeper retires' });
  const found = await (await b.request('/newsroom/articles?q=lighthouse')).text();
  assert.match(found, new RegExp(`href="/newsroom/articles/${id}"`));
  assert.equal([...found.matchAll(/<tr><td><a href/g)].length, 1);
  const published = await (await b.request('/newsroom/articles?status=published&q=lighthouse')).text();
  assert.match(published, /No stories here\./);
  const mine = await (await b.request('/newsroom/articles?mine=1&site=en')).text();
  assert.match(mine, /Lighthouse keeper retires/);
  assert.doesNotMatch(mine, /A writer&#39;s first draft/);

  // By section (of a site the account writes on) and by who wrote it.
  const writer = await signedIn('writer@news.example');
  const diary = await create(writer, { headline: 'A lighthouse diary', section: 'world' });
  const writerId = demo.data.sql("SELECT id FROM users WHERE email = 'writer@news.example'").trim();
  const form = await (await b.request('/newsroom/articles')).text();
  assert.match(form, /<optgroup label="Manara Today"><option value="en\/region">Region<\/option>/);
  assert.match(form, new RegExp(`<option value="${writerId}">Rana Haddad &lt;writer@news.example&gt;</option>`));
  assert.doesNotMatch(form, /mod@news\.example/, 'a moderator writes nothing');
  const rows = (html) => [...html.matchAll(/<tr><td><a href="\/newsroom\/articles\/(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(rows(await (await b.request('/newsroom/articles?section=en/world&q=lighthouse')).text()), [diary]);
  assert.deepEqual(rows(await (await b.request('/newsroom/articles?section=en/region&q=lighthouse')).text()), [id]);
  const byWriter = await (await b.request(`/newsroom/articles?author=${writerId}&q=lighthouse`)).text();
  assert.deepEqual(rows(byWriter), [diary]);
  assert.match(byWriter, new RegExp(`<option value="${writerId}" selected>`));
  assert.doesNotMatch(await (await writer.request('/newsroom/articles')).text(), /id="author"/,
    'an author sees only their own stories: no choice of author');
});

test('an editor adds a correction: readers see it under the story with its time, and "updated"', async () => {
  const b = await signedIn('editor@news.example');
  const id = await create(b, { headline: 'Berth numbers announced', slug: 'berth-numbers' });
  const early = await b.request(`/newsroom/articles/${id}/notes`, {
    method: 'POST', form: { form_token: await b.formToken('/newsroom/'), kind: 'correction', note: 'Not yet.' },
  });
  assert.equal(early.status, 422, 'a draft takes no public note');
  assert.equal((await act(b, id, 'publish')).status, 303);
  demo.data.sql(`UPDATE articles SET first_published_at = first_published_at - 3600, updated_at = updated_at - 3600 WHERE id = ${id}`);
  const token = await b.formToken('/newsroom/');
  const empty = await b.request(`/newsroom/articles/${id}/notes`, { method: 'POST', form: { form_token: token, kind: 'update', note: '   ' } });
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /id="note"[^>]*aria-invalid="true"/);
  const writer = await signedIn('writer@news.example');
  const refused = await writer.request(`/newsroom/articles/${id}/notes`, {
    method: 'POST', form: { form_token: await writer.formToken('/newsroom/'), kind: 'correction', note: 'Mine.' },
  });
  assert.equal(refused.status, 403);
  const added = await b.request(`/newsroom/articles/${id}/notes`, {
    method: 'POST', form: { form_token: token, kind: 'correction', note: 'An earlier version gave berth <7> as berth 9.' },
  });
  assert.equal(added.status, 303);
  assert.equal(added.headers.get('location'), `/newsroom/articles/${id}?done=note`);
  assert.match(await (await b.request(added.headers.get('location'))).text(), /The note is on the story\./);
  const reader = await (await get(`${demo.server.url}/en/region/berth-numbers`)).text();
  assert.match(reader, /<h2 id="notes-heading" class="story__notes-heading">Corrections and updates<\/h2>/);
  assert.match(reader, /<strong>Correction<\/strong> <time datetime="[^"]+">[^<]+<\/time><\/p>\n<p class="story__note-text">An earlier version gave berth &lt;7&gt; as berth 9\.<\/p>/);
  assert.match(reader, /class="story__updated"/);
  assert.equal(demo.data.sql(`SELECT revision FROM articles WHERE id = ${id}`).trim(), '1', 'a note is not a new revision');
});

test('a story and its translation on the sister site point readers to each other', async () => {
  const b = await signedIn('both@news.example');
  const en = await create(b, { headline: 'Desalination plant opens', slug: 'desalination-plant' });
  const ar = await create(b, { site: 'ar', headline: 'افتتاح محطة لتحلية المياه', slug: 'desalination-plant-ar', body: 'نص.', authors: '', tags: '' });
  const page = await (await b.request(`/newsroom/articles/${en}`)).text();
  assert.match(page, new RegExp(`<option value="${ar}">افتتاح محطة لتحلية المياه \\(`));
  const linked = await b.request(`/newsroom/articles/${en}/translations`, { method: 'POST', form: { form_token: await b.formToken('/newsroom/'), other: String(ar) } });
  assert.equal(linked.status, 303);
  assert.equal(linked.headers.get('location'), `/newsroom/articles/${en}?done=translation_linked`);
  assert.match(await (await b.request(`/newsroom/articles/${ar}`)).text(), new RegExp(`<a href="/newsroom/articles/${en}" lang="en" dir="ltr">Desalination plant opens</a>`));
  // A second English story may not join: one story a site.
  const other = await create(b, { headline: 'Another plant', slug: 'another-plant' });
  const refused = await b.request(`/newsroom/articles/${other}/translations`, { method: 'POST', form: { form_token: await b.formToken('/newsroom/'), other: String(ar) } });
  assert.equal(refused.status, 409);

  for (const id of [en, ar]) assert.equal((await act(b, id, 'publish')).status, 303);
  const reader = await (await get(`${demo.server.url}/en/region/desalination-plant`)).text();
  assert.match(reader, /<link rel="alternate" hreflang="en" href="http:\/\/localhost:8080\/en\/region\/desalination-plant">/);
  assert.match(reader, /<link rel="alternate" hreflang="ar" href="http:\/\/localhost:8080\/ar\/region\/desalination-plant-ar">/);
  assert.match(reader, /<p class="story__translations">In other languages: <a href="\/ar\/region\/desalination-plant-ar" lang="ar" hreflang="ar" dir="rtl">افتتاح محطة لتحلية المياه<\/a><\/p>/);
  const arabic = await (await get(`${demo.server.url}/ar/region/desalination-plant-ar`)).text();
  assert.match(arabic, /بلغات أخرى: <a href="\/en\/region\/desalination-plant" lang="en" hreflang="en" dir="ltr">/);
  // Both pages name the same versions, and the same one for any other language: the story on
  // the network's default site.
  const versions = (html) => [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
  const expected = ['en http://localhost:8080/en/region/desalination-plant', 'ar http://localhost:8080/ar/region/desalination-plant-ar',
    'x-default http://localhost:8080/en/region/desalination-plant'];
  assert.deepEqual(versions(reader), expected);
  assert.deepEqual(versions(arabic), expected);

  const unlinked = await b.request(`/newsroom/articles/${ar}/translations`, { method: 'POST', form: { form_token: await b.formToken('/newsroom/'), unlink: '1' } });
  assert.equal(unlinked.status, 303);
  const alone = await (await get(`${demo.server.url}/en/region/desalination-plant`)).text();
  assert.doesNotMatch(alone, /rel="alternate" hreflang/);
  assert.doesNotMatch(alone, /story__translations/);
});
