// The newsroom's moderation queue over HTTP: each account sees and changes only the comments of
// the sites it moderates, filters by status, site and held reason, and acts on several at once.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { get, useDemoServer, waitUntil } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

const demo = useDemoServer();
const sqlText = (s) => `'${s.replace(/'/g, "''")}'`;

function addPending(siteSlug, { name, title, body, held = '' }) {
  demo.data.sql(`INSERT INTO comments (site_id, article_id, status, author_name, email, title, body,
            held_reason, content_digest, created_at)
            SELECT a.site_id, a.id, 'pending', ${sqlText(name)}, 'reader@example.com', ${sqlText(title)},
                   ${sqlText(body)}, ${sqlText(held)}, ${sqlText(`${title}-${Math.random()}`)}, a.first_published_at + 60
            FROM articles a JOIN sites s ON s.id = a.site_id WHERE s.slug = ${sqlText(siteSlug)}
            AND a.status = 'published' ORDER BY a.first_published_at DESC, a.id DESC LIMIT 1`);
}

const idsOn = (html) => [...html.matchAll(/name="comment" value="(\d+)"/g)].map((m) => m[1]);
const tokenOn = (html) => html.match(/name="form_token" value="([0-9a-f]{64})"/)[1];

// Runs beside useDemoServer's hook, which has made the data directory by then (not the server).
before(() => {
  addUser(demo.data.dir, 'en-mod@news.example', 'moderator', ['en']);
  addUser(demo.data.dir, 'ar-mod@news.example', 'moderator', ['ar']);
  addUser(demo.data.dir, 'writer@news.example', 'author', ['en']);
  addUser(demo.data.dir, 'chief@news.example', 'admin', []);
  addPending('en', { name: 'Rana "R" <b>Haddad</b>', title: 'Harbour <script>alert(1)</script>', body: 'First paragraph.\n\nSecond paragraph.' });
  addPending('en', { name: 'Omar', title: 'Links galore', body: 'see a, b and c', held: 'links' });
  addPending('ar', { name: 'سلمى', title: 'تعليق على الميناء', body: 'نص التعليق' });
});

test('a moderator sees their sites\' waiting comments as readers will, escaped, and no other site\'s', async () => {
  const b = new Browser(demo.server.url);
  await b.signIn('en-mod@news.example');
  const desk = await (await b.request('/newsroom/')).text();
  assert.match(desk, /href="\/newsroom\/comments"/);
  const res = await b.request('/newsroom/comments');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const html = await res.text();
  assert.equal(idsOn(html).length, 2);
  assert.ok(html.includes('Harbour &lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('<bdi class="comment__author">Rana &quot;R&quot; &lt;b&gt;Haddad&lt;/b&gt;</bdi>'));
  assert.ok(html.includes('<p>First paragraph.</p>\n<p>Second paragraph.</p>'));
  assert.match(html, /<span class="badge badge--held">many links<\/span>/);
  // Where each was written: the story's headline, linked to its public address.
  assert.match(html, /on <a href="http:\/\/localhost:8080\/en\/[^"]+" lang="en" dir="ltr">[^<]+<\/a>/);
  assert.doesNotMatch(html, /سلمى/);
  const held = await (await b.request('/newsroom/comments?reason=links')).text();
  assert.equal(idsOn(held).length, 1);
  assert.match(held, /Links galore/);
  // Another site, asked for by name: refused.
  assert.equal((await b.request('/newsroom/comments?site=ar')).status, 403);
});

test('approving several at once publishes them under the story; another site\'s moderator changes nothing', async () => {
  const en = new Browser(demo.server.url);
  await en.signIn('en-mod@news.example');
  const html = await (await en.request('/newsroom/comments')).text();
  const ids = idsOn(html);
  const token = tokenOn(html);

  const ar = new Browser(demo.server.url);
  await ar.signIn('ar-mod@news.example');
  const arToken = tokenOn(await (await ar.request('/newsroom/comments')).text());
  const refused = await ar.request('/newsroom/comments', {
    method: 'POST', form: [['form_token', arToken], ['action', 'approve'], ...ids.map((id) => ['comment', id])],
  });
  assert.equal(refused.status, 303);
  assert.match(refused.headers.get('location'), /problem=not_yours/);
  assert.equal(idsOn(await (await en.request('/newsroom/comments')).text()).length, 2, 'still waiting');

  const noToken = await en.request('/newsroom/comments', { method: 'POST', form: [['action', 'approve'], ['comment', ids[0]]] });
  assert.equal(noToken.status, 403);

  const approved = await en.request('/newsroom/comments?status=pending', {
    method: 'POST', form: [['form_token', token], ['action', 'approve'], ...ids.map((id) => ['comment', id])],
  });
  assert.equal(approved.status, 303);
  const back = approved.headers.get('location');
  assert.equal(back, '/newsroom/comments?status=pending&done=approve&count=2');
  const after = await (await en.request(back)).text();
  assert.match(after, /role="status">2 comments approved\.</);
  assert.equal(idsOn(after).length, 0);
  const home = await (await get(`${demo.server.url}/en/`)).text();
  const enStory = home.match(/class="card__headline"><a href="([^"]+)"/)[1];
  await waitUntil('the approved comments under the story', async () =>
    (await (await get(demo.server.url + enStory)).text()).includes('Comments (2)'));
});

test('nothing chosen, an author, or no session: the queue says so or sends to sign-in', async () => {
  const en = new Browser(demo.server.url);
  await en.signIn('en-mod@news.example');
  const token = tokenOn(await (await en.request('/newsroom/comments?status=all')).text());
  const none = await en.request('/newsroom/comments?status=all', { method: 'POST', form: [['form_token', token], ['action', 'spam']] });
  assert.match(none.headers.get('location'), /problem=none_chosen/);
  assert.match(await (await en.request(none.headers.get('location'))).text(), /Choose at least one comment first\./);

  const writer = new Browser(demo.server.url);
  await writer.signIn('writer@news.example');
  assert.doesNotMatch(await (await writer.request('/newsroom/')).text(), /\/newsroom\/comments/);
  assert.equal((await writer.request('/newsroom/comments')).status, 403);

  assert.equal((await new Browser(demo.server.url).request('/newsroom/comments')).headers.get('location'), '/newsroom/login');
});

test('an admin sees every site, and the Arabic site\'s comment right to left in Arabic', async () => {
  const chief = new Browser(demo.server.url);
  await chief.signIn('chief@news.example');
  const html = await (await chief.request('/newsroom/comments?status=all&lang=ar')).text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /<article class="comment" lang="ar" dir="rtl">\n<h2 class="comment__title">تعليق على الميناء<\/h2>/);
  assert.match(html, /<article class="comment" lang="en" dir="ltr">/);
  assert.equal(idsOn(html).length, 3);
});

test('an admin erases a reader\'s comments on every site at their request; a moderator may not', async () => {
  const moderator = new Browser(demo.server.url);
  await moderator.signIn('en-mod@news.example');
  assert.doesNotMatch(await (await moderator.request('/newsroom/comments')).text(), /action="\/newsroom\/comments\/erase"/);
  const refused = await moderator.request('/newsroom/comments/erase', {
    method: 'POST', form: { form_token: await moderator.formToken('/newsroom/'), email: 'reader@example.com' },
  });
  assert.equal(refused.status, 403);

  const chief = new Browser(demo.server.url);
  await chief.signIn('chief@news.example');
  const page = await (await chief.request('/newsroom/comments')).text();
  assert.match(page, /action="\/newsroom\/comments\/erase"/);
  const token = tokenOn(page);
  const bad = await chief.request('/newsroom/comments/erase', { method: 'POST', form: { form_token: token, email: 'not an address' } });
  assert.equal(bad.headers.get('location'), '/newsroom/comments?status=pending&problem=bad_email');
  assert.match(await (await chief.request(bad.headers.get('location'))).text(), /That is not an e-mail address; nothing was erased\./);
  const before = Number(demo.data.sql("SELECT COUNT(*) FROM comments WHERE email = 'reader@example.com'").trim());
  assert.ok(before >= 3);
  const erased = await chief.request('/newsroom/comments/erase', { method: 'POST', form: { form_token: token, email: 'Reader@Example.com' } });
  assert.equal(erased.headers.get('location'), `/newsroom/comments?status=pending&done=erase&count=${before}`);
  assert.match(await (await chief.request(erased.headers.get('location'))).text(), new RegExp(`${before} comments erased\\.`));
  assert.equal(demo.data.sql("SELECT COUNT(*) FROM comments WHERE lower(email) = 'reader@example.com'").trim(), '0');
  const audit = await (await chief.request('/newsroom/audit')).text();
  assert.match(audit, /erased a reader&#39;s comments/);
  assert.doesNotMatch(audit, /reader@example\.com/i);
});
