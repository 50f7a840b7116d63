// The audit log over HTTP: what the newsroom and the console changed, by whom, shown to admins
// only, in their language; an erasure is recorded without the address it erased.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { dateline, useDemoServer } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

const demo = useDemoServer();

before(() => {
  addUser(demo.data.dir, 'editor@news.example', 'editor', ['en']);
  addUser(demo.data.dir, 'chief@news.example', 'admin', []);
  demo.data.sql(`INSERT INTO comments (site_id, article_id, status, author_name, email, title, body,
            content_digest, created_at)
            SELECT site_id, id, 'pending', 'Reader', 'forget.me@example.com', 'Please', 'Erase me.',
                   'audit-erase', first_published_at + 60 FROM articles LIMIT 1`);
});

async function signedIn(email) {
  const b = new Browser(demo.server.url);
  assert.equal((await b.signIn(email)).status, 303);
  return b;
}

test('an admin reads who did what, newest first; nobody else reads it', async () => {
  const editor = await signedIn('editor@news.example');
  const token = await editor.formToken('/newsroom/');
  const created = await editor.request('/newsroom/articles/new', {
    method: 'POST', form: { site: 'en', headline: 'Harbour fees rise', body: 'Text.', section: 'region', form_token: token, intent: 'save' },
  });
  assert.equal(created.status, 303);
  const id = created.headers.get('location').match(/articles\/(\d+)/)[1];
  assert.equal((await editor.request(`/newsroom/articles/${id}/action`, { method: 'POST', form: { form_token: token, action: 'publish' } })).status, 303);
  assert.doesNotMatch(await (await editor.request('/newsroom/')).text(), /href="\/newsroom\/audit"/);
  assert.equal((await editor.request('/newsroom/audit')).status, 403);

  const erased = dateline(['comments', '--data', demo.data.dir, 'erase', '--email', 'forget.me@example.com']);
  assert.equal(erased.status, 0, erased.stderr);

  const chief = await signedIn('chief@news.example');
  assert.match(await (await chief.request('/newsroom/')).text(), /href="\/newsroom\/audit"/);
  const res = await chief.request('/newsroom/audit');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const html = await res.text();
  const rows = [...html.matchAll(/<tr><td><time[^>]*>[^<]+<\/time><\/td><td><bdi>([^<]*)<\/bdi><\/td><td>([^<]*)<\/td><td>(.*?)<\/td><\/tr>/g)]
    .map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(rows.slice(0, 3).map((r) => r.slice(0, 2)), [
    ['command line', 'erased a reader&#39;s comments'],
    ['Rana Haddad &lt;editor@news.example&gt;', 'published a story'],
    ['command line', 'added an account'],
  ]);
  assert.match(rows[1][2], new RegExp(`<a href="/newsroom/articles/${id}"><bdi>Harbour fees rise</bdi></a>`));
  assert.doesNotMatch(html, /forget\.me/, 'the erased address is not kept');
  // Filtered by site: the account changes concern no site.
  const en = await (await chief.request('/newsroom/audit?site=en')).text();
  assert.match(en, /published a story/);
  assert.doesNotMatch(en, /added an account/);
  const arabic = await (await chief.request('/newsroom/audit?lang=ar')).text();
  assert.match(arabic, /<h1>سجل التدقيق<\/h1>/);
  assert.match(arabic, /نشر قصة/);
});
