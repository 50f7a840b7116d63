// Each role against each operation, through the API and the newsroom's screens: what an admin,
// an editor of one site, an author of that site and a moderator of it may do, answered with the
// same statuses whichever surface asks (the checks live in the services, not in the screens).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateline, get, useDemoServer } from '../support/dateline.mjs';
import { solidPng } from '../support/images.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

const demo = useDemoServer();
const roles = ['admin', 'editor', 'author', 'moderator'];
const people = {};  // role -> { token, browser }

// Node 20 runs root-level `before` hooks side by side with useDemoServer's: made once, awaited.
let prepared;
const ready = () => (prepared ??= prepare());
async function prepare() {
  for (const role of roles) {
    const email = `perm-${role}@news.example`;
    addUser(demo.data.dir, email, role, role === 'admin' ? [] : ['en']);
    const made = dateline(['token', 'add', '--data', demo.data.dir, '--email', email]);
    assert.equal(made.status, 0, made.stderr);
    const browser = new Browser(demo.server.url);
    assert.equal((await browser.signIn(email)).status, 303);
    people[role] = { token: made.stdout.trim(), browser };
  }
}

function api(role, path, { method = 'GET', body, type = 'application/json' } = {}) {
  const headers = { authorization: `Bearer ${people[role].token}` };
  if (body !== undefined) headers['content-type'] = type;
  return get(`${demo.server.url}/api/v1${path}`,
    { method, headers, body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body });
}

const sql = (q) => demo.data.sql(q).trim();
const publishedStory = (site) => sql(`SELECT a.id FROM articles a JOIN sites s ON s.id = a.site_id
  WHERE s.slug = '${site}' AND a.status = 'published' ORDER BY a.id LIMIT 1`);
const revisionOf = (id) => Number(sql(`SELECT revision FROM articles WHERE id = ${id}`));
const draft = (headline) => ({ headlines: [{ role: 'main', value: headline }], bodies: [{ role: 'source', contentType: 'text/markdown', value: 'Text.' }], dateline: { site: 'en', section: 'region' } });

// A new draft of the English site by the admin, for an operation that changes it.
async function adminDraft(headline) {
  const res = await api('admin', '/articles', { method: 'POST', body: draft(headline) });
  assert.equal(res.status, 201);
  return (await res.json()).dateline.id;
}

function pendingComment(tag) {
  sql(`INSERT INTO comments (site_id, article_id, status, author_name, email, title, body, held_reason, content_digest, created_at)
       SELECT a.site_id, a.id, 'pending', 'Salma', 'salma@example.com', 'A question', 'Why?', '', 'perm-${tag}', a.first_published_at + 60
       FROM articles a WHERE a.id = ${publishedStory('en')}`);
  return Number(sql(`SELECT id FROM comments WHERE content_digest = 'perm-${tag}'`));
}

// Runs `operation` for each role and compares the statuses with `expected` (in `roles` order).
async function matrix(name, expected, operation) {
  const got = [];
  for (const role of roles) got.push((await operation(role)).status);
  assert.deepEqual(Object.fromEntries(roles.map((r, i) => [r, got[i]])),
    Object.fromEntries(roles.map((r, i) => [r, expected[i]])), name);
}

test('the API: each role against each operation', async () => {
  await ready();
  const en = publishedStory('en');
  const ar = publishedStory('ar');
  //                                              admin editor author moderator
  await matrix('list the site\'s stories', [200, 200, 200, 403], (r) => api(r, '/articles?site=en'));
  await matrix('read a story of the site', [200, 200, 403, 403], (r) => api(r, `/articles/${en}`));
  await matrix('read a story of another site', [200, 403, 403, 403], (r) => api(r, `/articles/${ar}`));
  await matrix('write a draft', [201, 201, 201, 403], (r) => api(r, '/articles', { method: 'POST', body: draft(`A ${r}'s draft`) }));
  await matrix('edit a published story', [200, 200, 403, 403], async (r) => {
    const body = { ...draft('A published story, edited'), dateline: { site: 'en', section: 'region', revision: revisionOf(en) } };
    return api(r, `/articles/${en}`, { method: 'PUT', body });
  });
  await matrix('publish a draft', [200, 200, 403, 403],
    async (r) => api(r, `/articles/${await adminDraft(`For ${r} to publish`)}/publish`, { method: 'POST', body: {} }));
  await matrix('unpublish a story', [200, 200, 403, 403], async (r) => {
    const id = await adminDraft(`For ${r} to take down`);
    assert.equal((await api('admin', `/articles/${id}/publish`, { method: 'POST', body: {} })).status, 200);
    return api(r, `/articles/${id}/unpublish`, { method: 'POST', body: {} });
  });
  await matrix('upload a picture', [201, 201, 201, 403],
    (r) => api(r, '/media', { method: 'POST', body: solidPng([roles.indexOf(r) * 40, 90, 150]), type: 'image/png' }));
  await matrix('read the comment queue of the site', [200, 200, 403, 200], (r) => api(r, '/comments?site=en'));
  await matrix('moderate a comment of the site', [200, 200, 403, 200],
    (r) => api(r, '/comments/moderate', { method: 'POST', body: { ids: [pendingComment(`api-${r}`)], status: 'rejected' } }));
});

test('the newsroom\'s screens: each role against each screen and form', async () => {
  await ready();
  const en = publishedStory('en');
  const screen = (r, path) => people[r].browser.request(path);
  const post = async (r, path, form) => people[r].browser.request(path,
    { method: 'POST', form: { ...form, form_token: await people[r].browser.formToken('/newsroom/') } });
  //                                              admin editor author moderator
  await matrix('the desk', [200, 200, 200, 200], (r) => screen(r, '/newsroom/'));
  await matrix('the list of stories', [200, 200, 200, 403], (r) => screen(r, '/newsroom/articles?site=en'));
  await matrix('a new story\'s editor', [200, 200, 200, 403], (r) => screen(r, '/newsroom/articles/new?site=en'));
  await matrix('a published story\'s editor', [200, 200, 403, 403], (r) => screen(r, `/newsroom/articles/${en}`));
  await matrix('publishing a draft', [303, 303, 403, 403], async (r) =>
    post(r, `/newsroom/articles/${await adminDraft(`For ${r} to publish on screen`)}/action`, { action: 'publish' }));
  await matrix('the moderation queue', [200, 200, 403, 200], (r) => screen(r, '/newsroom/comments'));
  // The form answers with its queue either way (PRG); a refusal says why there, and changes nothing.
  await matrix('moderating a comment', [303, 303, 303, 303], async (r) => {
    const id = pendingComment(`screen-${r}`);
    const res = await post(r, '/newsroom/comments', { comment: String(id), action: 'reject' });
    const refused = r === 'author';
    assert.equal(res.headers.get('location').includes('problem=not_yours'), refused, r);
    assert.equal(sql(`SELECT status FROM comments WHERE id = ${id}`), refused ? 'pending' : 'rejected', r);
    return res;
  });
  await matrix('the audit log', [200, 403, 403, 403], (r) => screen(r, '/newsroom/audit'));
  await matrix('the sites\' settings', [200, 403, 403, 403], (r) => screen(r, '/newsroom/sites'));
  await matrix('the own account', [200, 200, 200, 200], (r) => screen(r, '/newsroom/account'));
});
