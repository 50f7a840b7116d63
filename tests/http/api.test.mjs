// The JSON API over real HTTP: its OpenAPI 3.1 description linted by Redocly's CLI as served,
// every answer checked against that description's schemas (Ajv, JSON Schema 2020-12, as OpenAPI
// 3.1 uses it), tokens from `dateline token add` acting with their account's role and sites,
// pictures uploaded and named by stories, and one shape of error with a stable code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { backend, dateline, get, repoRoot, useDemoServer } from '../support/dateline.mjs';
import { jpegSize, noisyPng, solidPng, turnedJpeg } from '../support/images.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';
import { answerToHead } from '../support/raw-http.mjs';

// Loopback is a trusted proxy here, so that a test may speak for another client (X-Forwarded-For).
const demo = useDemoServer({ env: { DATELINE_TRUSTED_PROXIES: '127.0.0.1' } });
const tokens = {};
let description;
let ajv;

function tokenFor(email, name = 'tests') {
  const r = dateline(['token', 'add', '--data', demo.data.dir, '--email', email, '--name', name]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^dl_[0-9a-f]{64}\n$/, 'the token alone, on one line');
  return r.stdout.trim();
}

// Node 20 runs root-level `before` hooks side by side, so this one could run before the demo
// server is up: each test awaits it instead, made once.
let prepared;
const ready = () => (prepared ??= prepare());
async function prepare() {
  addUser(demo.data.dir, 'api-editor@news.example', 'editor', ['en']);
  addUser(demo.data.dir, 'api-author@news.example', 'author', ['en']);
  addUser(demo.data.dir, 'api-moderator@news.example', 'moderator', ['en']);
  addUser(demo.data.dir, 'api-leaver@news.example', 'editor', ['en']);
  for (const who of ['editor', 'author', 'moderator', 'leaver']) tokens[who] = tokenFor(`api-${who}@news.example`);
  const res = await get(`${demo.server.url}/api/v1/openapi.json`);
  assert.equal(res.status, 200);
  description = await res.json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(description, 'openapi');
}

/** Asserts that `body` is what the description's schema `name` says. */
function conforms(body, name) {
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
  assert.ok(validate, `the description has ${name}`);
  assert.ok(validate(body), `${name}: ${JSON.stringify(validate.errors, null, 1)}\n${JSON.stringify(body).slice(0, 600)}`);
}

async function call(path, token, options = {}) {
  const headers = { ...(options.headers ?? {}) };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await get(`${demo.server.url}/api/v1${path}`, { ...options, headers });
  const body = await res.json();
  return { res, body };
}

async function refused(path, token, status, code, options) {
  const { res, body } = await call(path, token, options);
  assert.equal(res.status, status, `${path}: ${JSON.stringify(body)}`);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  conforms(body, 'Error');
  assert.equal(body.error.code, code);
  return { res, body };
}

test('the served description passes Redocly\'s linter with the recommended rules, strict', async () => {
  await ready();
  const work = mkdtempSync(join(tmpdir(), 'dateline-openapi-'));
  try {
    const file = join(work, 'openapi.json');
    writeFileSync(file, JSON.stringify(description));
    const lint = spawnSync('npx', ['--no-install', 'redocly', 'lint', '--config', resolve('api/redocly.yaml'), file],
      { encoding: 'utf8', timeout: 120_000 });
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout + lint.stderr, /Your API description is valid/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  assert.equal(description.openapi, '3.1.0');
});

test('without a good token: 401 with a Bearer challenge', async () => {
  await ready();
  const none = await refused('/articles', null, 401, 'unauthorized');
  assert.equal(none.res.headers.get('www-authenticate'), 'Bearer realm="Dateline API"');
  const forged = await refused('/articles', `dl_${'0'.repeat(64)}`, 401, 'unauthorized');
  assert.match(forged.res.headers.get('www-authenticate'), /error="invalid_token"/);
  await refused('/articles', 'not a token at all', 401, 'unauthorized');
  await refused('/articles', null, 401, 'unauthorized', { headers: { authorization: `Basic ${tokens.editor}` } });
  // A revoked token and a disabled account's token stop at once.
  const spare = tokenFor('api-editor@news.example', 'spare');
  assert.equal((await call('/articles?limit=1', spare)).res.status, 200);
  const listed = dateline(['token', 'list', '--data', demo.data.dir, '--email', 'api-editor@news.example']);
  assert.equal(listed.status, 0, listed.stderr);
  const row = listed.stdout.trim().split('\n').map((l) => l.split('\t')).find((f) => f[1] === 'spare');
  assert.equal(row[4], 'active');
  assert.match(row[3], /^\d{4}-\d\d-\d\dT/, 'its use is recorded');
  const revoked = dateline(['token', 'revoke', '--data', demo.data.dir, '--id', row[0]]);
  assert.equal(revoked.status, 0, revoked.stderr);
  await refused('/articles', spare, 401, 'unauthorized');
  assert.equal(dateline(['user', 'disable', '--data', demo.data.dir, '--email', 'api-leaver@news.example']).status, 0);
  await refused('/articles', tokens.leaver, 401, 'unauthorized');
  const again = dateline(['token', 'revoke', '--data', demo.data.dir, '--id', row[0]]);
  assert.notEqual(again.status, 0);
  assert.match(again.stderr, /no working token/);
});

test('an editor lists the stories of their site as ninjs 3.1 documents, filtered', async () => {
  await ready();
  const { res, body } = await call('/articles?site=en&status=published&limit=5', tokens.editor);
  assert.equal(res.status, 200, JSON.stringify(body));
  conforms(body, 'ArticleList');
  assert.equal(body.items.length, 5);
  for (const item of body.items) {
    // Addresses are the network's own (the demo's public URL), whatever host the request named.
    const origin = new URL(item.uri).origin;
    assert.equal(item.uri, `${origin}/api/v1/articles/${item.dateline.id}`);
    assert.deepEqual(item.standard, { name: 'ninjs', version: '3.1', schema: `${origin}/api/v1/openapi.json#/components/schemas/Article` });
    assert.equal(item.representationType, 'partial');
    assert.equal(item.bodies, undefined, 'a summary: the story\'s own address gives the body');
    assert.equal(item.pubStatus, 'usable');
    assert.equal(item.language, 'en');
    assert.equal(item.dateline.site, 'en');
    assert.equal(item.dateline.status, 'published');
    assert.match(item.dateline.url, new RegExp(`^${origin}/en/`));
  }
  // Only the editor's site: the Arabic site's stories are not theirs.
  const all = await call('/articles?limit=200', tokens.editor);
  assert.ok(all.body.items.every((i) => i.dateline.site === 'en'));
  const one = await call('/articles?limit=1', tokens.editor);
  assert.equal(one.body.items.length, 1);
  await refused('/articles?status=gone', tokens.editor, 400, 'bad_request');
  assert.equal((await call('/articles?status=gone', tokens.editor)).body.error.field, 'status');
  await refused('/articles?limit=0', tokens.editor, 400, 'bad_request');
  await refused('/articles?limit=abc', tokens.editor, 400, 'bad_request');
  assert.equal((await call('/articles?site=fr', tokens.editor)).body.error.field, 'site');
  const orphan = await refused('/articles?section=region', tokens.editor, 400, 'bad_request');
  assert.equal(orphan.body.error.field, 'section');
  const unknown = await refused('/articles?site=en&section=nowhere', tokens.editor, 400, 'bad_request');
  assert.equal(unknown.body.error.field, 'section');
});

test('one story: its anatomy in ninjs, its public address serving it; others\' stories refused', async () => {
  await ready();
  const { body: list } = await call('/articles?site=en&status=published&limit=20', tokens.editor);
  const pictured = list.items.find((i) => i.associations) ?? list.items[0];
  const { res, body } = await call(`/articles/${pictured.dateline.id}`, tokens.editor);
  assert.equal(res.status, 200);
  conforms(body, 'Article');
  assert.equal(body.representationType, 'full');
  for (const field of ['uri', 'headlines', 'descriptions', 'dateline', 'associations', 'pubStatus', 'version'])
    assert.deepEqual(body[field], pictured[field], `${field} as in the list`);
  assert.equal(body.headlines[0].role, 'main');
  assert.ok(body.headlines[0].value.length > 0);
  assert.equal(body.bodies[0].contentType, 'text/html');
  assert.match(body.bodies[0].value, /<p>/);
  const onServer = (url) => `${demo.server.url}${new URL(url).pathname}`;
  const page = await get(onServer(body.dateline.url));
  assert.equal(page.status, 200, 'the public URL is the story\'s page');
  assert.ok((await page.text()).includes(body.headlines[0].value.replaceAll('&', '&amp;').replaceAll("'", '&#39;').slice(0, 20)));
  if (body.associations) {
    const picture = await get(onServer(body.associations[0].renditions[0].href));
    assert.equal(picture.status, 200);
    assert.equal(picture.headers.get('content-type'), body.associations[0].renditions[0].contentType);
  }
  await refused('/articles/999999', tokens.editor, 404, 'not_found');
  await refused('/articles/abc', tokens.editor, 404, 'not_found');
  const arabic = demo.data.sql("SELECT a.id FROM articles a JOIN sites s ON s.id = a.site_id WHERE s.slug = 'ar' LIMIT 1").trim();
  const other = await call(`/articles/${arabic}`, tokens.editor);
  assert.equal(other.res.status, 403, 'another site\'s story');
  conforms(other.body, 'Error');
  assert.equal(other.body.error.code, 'forbidden');
});

test('an agency\'s embargo is the story\'s embargoedUntil, whoever asks it to be published', async () => {
  await ready();
  const file = join(repoRoot, 'tests/fixtures/ninjs/versions/v3-nitf-body.json');
  const imported = dateline(['import', '--data', demo.data.dir, '--site', 'en', file]);
  assert.equal(imported.status, 0, imported.stderr);
  const id = imported.stdout.trim();
  assert.match(id, /^\d+$/, 'a draft: its id');
  const { res, body } = await call(`/articles/${id}`, tokens.editor);
  assert.equal(res.status, 200);
  conforms(body, 'Article');
  assert.equal(body.embargoedUntil, '2031-01-01T08:00:00Z');
  const publish = await send('POST', `/articles/${id}/publish`, tokens.editor, {});
  assert.equal(publish.res.status, 200, JSON.stringify(publish.body));
  assert.equal(publish.body.dateline.status, 'scheduled', 'held by the embargo');
  assert.equal(publish.body.embargoedUntil, '2031-01-01T08:00:00Z');
});

test('the role decides: an author reads only their own stories, a moderator none', async () => {
  await ready();
  const author = await call('/articles', tokens.author);
  assert.equal(author.res.status, 200);
  conforms(author.body, 'ArticleList');
  assert.deepEqual(author.body.items, [], 'an author with no stories of their own');
  const moderator = await call('/articles', tokens.moderator);
  assert.equal(moderator.res.status, 200);
  assert.deepEqual(moderator.body.items, [], 'a moderator writes no stories, so reads none here');
});

test('unknown addresses and methods get the same shape of error', async () => {
  await ready();
  await refused('/nowhere', tokens.editor, 404, 'not_found');
  await refused('/articles/1/whatever', tokens.editor, 404, 'not_found', { method: 'POST' });
  const wrong = await refused('/openapi.json', null, 405, 'method_not_allowed', { method: 'POST' });
  assert.match(wrong.res.headers.get('allow'), /GET/);
  const res = await get(`${demo.server.url}/api/v2/articles`);
  assert.equal(res.status, 404);
});

/** Sends a JSON body (or `raw` as it is) with the token. */
function send(method, path, token, body, { raw, type = 'application/json' } = {}) {
  return call(path, token, { method, body: raw ?? JSON.stringify(body), headers: { 'content-type': type } });
}

const draft = (headline, extra = {}) => ({
  headlines: [{ role: 'main', value: headline }],
  descriptions: [{ role: 'summary', contentType: 'text/plain', value: 'A standfirst written for the API test.' }],
  bodies: [{ role: 'source', contentType: 'text/markdown', value: 'First paragraph, with **weight**.\nSecond paragraph.' }],
  by: 'Rana Haddad, Omar Saleh',
  located: 'BEIRUT',
  infoSources: [{ name: 'Dateline Wire', role: 'source' }],
  subjects: [{ name: 'Harbour' }, { name: 'Transport' }],
  dateline: { site: 'en', section: 'region' },
  ...extra,
});

test('an editor writes a draft, updates it from its revision, publishes it, and readers see it', async () => {
  await ready();
  const made = await send('POST', '/articles', tokens.editor, draft('Ferry timetable changes announced by API'));
  assert.equal(made.res.status, 201, JSON.stringify(made.body));
  conforms(made.body, 'Article');
  assert.equal(made.res.headers.get('location'), made.body.uri);
  assert.equal(made.body.dateline.status, 'draft');
  assert.equal(made.body.pubStatus, 'withheld');
  assert.equal(made.body.dateline.url, undefined, 'no public address before publication');
  assert.match(made.body.bodies[0].value, /<p>First paragraph, with <strong>weight<\/strong>\.<\/p>\s*<p>Second paragraph\.<\/p>/);
  assert.equal(made.body.bodies[1].value, 'First paragraph, with **weight**.\nSecond paragraph.');
  assert.equal(made.body.by, 'Rana Haddad, Omar Saleh');
  assert.deepEqual(made.body.subjects.map((s) => s.name), ['Harbour', 'Transport']);
  const path = new URL(made.body.uri).pathname.replace('/api/v1', '');

  const update = draft('Ferry timetable changes confirmed by API', { dateline: { site: 'en', section: 'region', revision: 1 } });
  const saved = await send('PUT', path, tokens.editor, update);
  assert.equal(saved.res.status, 200, JSON.stringify(saved.body));
  conforms(saved.body, 'Article');
  assert.equal(saved.body.dateline.revision, 2);
  assert.equal(saved.body.headlines[0].value, 'Ferry timetable changes confirmed by API');
  // The same base revision again: someone saved since, nothing is written.
  const stale = await send('PUT', path, tokens.editor, { ...update, headlines: [{ value: 'Lost change' }] });
  assert.equal(stale.res.status, 409);
  conforms(stale.body, 'Error');
  assert.equal(stale.body.error.code, 'conflict');
  assert.equal(stale.body.error.field, 'revision');
  assert.equal((await call(path, tokens.editor)).body.headlines[0].value, 'Ferry timetable changes confirmed by API');
  const noRevision = await send('PUT', path, tokens.editor, draft('No revision'));
  assert.equal(noRevision.res.status, 400);
  assert.equal(noRevision.body.error.field, 'dateline.revision');

  const published = await send('POST', `${path}/publish`, tokens.editor, {});
  assert.equal(published.res.status, 200, JSON.stringify(published.body));
  conforms(published.body, 'Article');
  assert.equal(published.body.pubStatus, 'usable');
  assert.ok(published.body.dateline.url, 'the publish answer carries the public address');
  const page = await get(`${demo.server.url}${new URL(published.body.dateline.url).pathname}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Ferry timetable changes confirmed by API/);

  const past = await send('POST', `${path}/schedule`, tokens.editor, { publish_at: '2020-01-01T00:00:00Z' });
  assert.equal(past.res.status, 422);
  assert.equal((await send('POST', `${path}/schedule`, tokens.editor, { publish_at: 'tomorrow' })).res.status, 400);
  const down = await send('POST', `${path}/unpublish`, tokens.editor, {});
  assert.equal(down.res.status, 200);
  assert.equal(down.body.pubStatus, 'canceled');
  // A story taken down stays down (the newsroom's rule); a new draft is scheduled instead.
  assert.equal((await send('POST', `${path}/schedule`, tokens.editor, { publish_at: '2099-01-01T00:00:00Z' })).res.status, 422);
  const next = await send('POST', '/articles', tokens.editor, draft('A scheduled story from the API'));
  const nextPath = new URL(next.body.uri).pathname.replace('/api/v1', '');
  const later = new Date(Date.now() + 3 * 86400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const scheduled = await send('POST', `${nextPath}/schedule`, tokens.editor, { publish_at: later });
  assert.equal(scheduled.res.status, 200, JSON.stringify(scheduled.body));
  assert.equal(scheduled.body.dateline.status, 'scheduled');
  assert.equal(scheduled.body.embargoedUntil, later);
  await refused(`${path}/explode`, tokens.editor, 404, 'not_found', { method: 'POST' });
});

test('writes are checked as in the newsroom: an author drafts and submits, only editors publish', async () => {
  await ready();
  const mine = await send('POST', '/articles', tokens.author, draft('An author drafts through the API'));
  assert.equal(mine.res.status, 201, JSON.stringify(mine.body));
  const path = new URL(mine.body.uri).pathname.replace('/api/v1', '');
  const publish = await send('POST', `${path}/publish`, tokens.author, {});
  assert.equal(publish.res.status, 403);
  conforms(publish.body, 'Error');
  const submitted = await send('POST', `${path}/submit`, tokens.author, {});
  assert.equal(submitted.res.status, 200);
  assert.equal(submitted.body.dateline.status, 'review');
  const listed = await call('/articles', tokens.author);
  assert.deepEqual(listed.body.items.map((i) => i.dateline.id), [mine.body.dateline.id], 'an author lists their own');
  const elsewhere = await send('POST', '/articles', tokens.editor, draft('Not my site', { dateline: { site: 'ar' } }));
  assert.equal(elsewhere.res.status, 403);
  const moderator = await send('POST', '/articles', tokens.moderator, draft('A moderator writes nothing'));
  assert.equal(moderator.res.status, 403);
});

test('bad writes get a clear error naming the field, and nothing is written', async () => {
  await ready();
  const before = demo.data.sql('SELECT COUNT(*) FROM articles').trim();
  const notJson = await send('POST', '/articles', tokens.editor, null, { raw: '{"headlines": [' });
  assert.equal(notJson.res.status, 400);
  conforms(notJson.body, 'Error');
  const form = await send('POST', '/articles', tokens.editor, null, { raw: 'headline=x', type: 'application/x-www-form-urlencoded' });
  assert.equal(form.res.status, 415);
  assert.equal(form.body.error.code, 'unsupported_media_type');
  const noSite = await send('POST', '/articles', tokens.editor, draft('Where?', { dateline: {} }));
  assert.equal(noSite.res.status, 400);
  assert.equal(noSite.body.error.field, 'dateline.site');
  const wrongType = await send('POST', '/articles', tokens.editor, { ...draft('x'), headlines: 'a string' });
  assert.equal(wrongType.res.status, 400);
  assert.equal(wrongType.body.error.field, 'headlines');
  const empty = await send('POST', '/articles', tokens.editor, draft(''));
  assert.equal(empty.res.status, 422);
  assert.equal(empty.body.error.code, 'invalid');
  assert.equal(empty.body.error.field, 'headline');
  const section = await send('POST', '/articles', tokens.editor, draft('Unknown section', { dateline: { site: 'en', section: 'nowhere' } }));
  assert.equal(section.res.status, 422);
  assert.equal(section.body.error.field, 'section');
  const array = await send('POST', '/articles', tokens.editor, [1, 2]);
  assert.equal(array.res.status, 400);
  assert.equal(demo.data.sql('SELECT COUNT(*) FROM articles').trim(), before, 'nothing written');
});

test('tokens made on the newsroom account screen work at once, shown once, and are revoked there', async () => {
  await ready();
  const b = new Browser(demo.server.url);
  assert.equal((await b.signIn('api-editor@news.example')).status, 303);
  const token = await b.formToken('/newsroom/account');
  const made = await b.request('/newsroom/account/tokens', { method: 'POST', form: { form_token: token, name: 'Nightly export' } });
  assert.equal(made.status, 200);
  assert.equal(made.headers.get('cache-control'), 'no-store');
  const html = await made.text();
  const secret = html.match(/<code>(dl_[0-9a-f]{64})<\/code>/)[1];
  assert.equal((await call('/articles?limit=1', secret)).res.status, 200);
  const again = await (await b.request('/newsroom/account')).text();
  assert.ok(!again.includes(secret), 'the secret is not shown again');
  assert.match(again, /<strong>Nightly export<\/strong>/);
  const id = demo.data.sql("SELECT id FROM api_tokens WHERE name = 'Nightly export'").trim();
  // Another account cannot revoke it: the form names a token that is not theirs, nothing changes.
  const other = new Browser(demo.server.url);
  await other.signIn('api-author@news.example');
  const otherToken = await other.formToken('/newsroom/account');
  await other.request('/newsroom/account/tokens/revoke', { method: 'POST', form: { form_token: otherToken, token: id } });
  assert.equal((await call('/articles?limit=1', secret)).res.status, 200, 'still works');
  const revoked = await b.request('/newsroom/account/tokens/revoke', { method: 'POST', form: { form_token: token, token: id } });
  assert.equal(revoked.status, 303);
  assert.match(await (await b.request('/newsroom/account?done=revoked')).text(), /The token is revoked/);
  assert.equal((await call('/articles?limit=1', secret)).res.status, 401);
  const forged = await b.request('/newsroom/account/tokens', { method: 'POST', form: { name: 'no form token' } });
  assert.equal(forged.status, 403);
});

test('moderators read the queue of their sites and moderate through the API, all or nothing', async () => {
  await ready();
  for (const [site, title] of [['en', 'An API moderation question'], ['ar', 'سؤال للإشراف عبر الواجهة']]) {
    demo.data.sql(`INSERT INTO comments (site_id, article_id, status, author_name, email, title, body, held_reason,
                   content_digest, created_at)
                   SELECT a.site_id, a.id, 'pending', 'Salma <b>', 'salma@example.com', '${title}', 'One.\n\nTwo.',
                          'links,question', 'api-${site}', a.first_published_at + 60
                   FROM articles a JOIN sites s ON s.id = a.site_id WHERE s.slug = '${site}' AND a.status = 'published' LIMIT 1`);
  }
  const queue = await call('/comments', tokens.moderator);
  assert.equal(queue.res.status, 200, JSON.stringify(queue.body));
  conforms(queue.body, 'CommentList');
  const mine = queue.body.items.find((c) => c.title === 'An API moderation question');
  assert.ok(mine, 'the English site\'s held comment');
  assert.deepEqual(mine.held, ['links', 'question']);
  assert.equal(mine.name, 'Salma <b>', 'as written: escaping is the reader\'s');
  assert.equal(mine.status, 'pending');
  assert.ok(!JSON.stringify(queue.body).includes('salma@example.com'), 'no reader\'s address');
  assert.ok(queue.body.items.every((c) => c.site === 'en'), 'only the sites it moderates');
  const other = demo.data.sql("SELECT id FROM comments WHERE content_digest = 'api-ar'").trim();
  const mixed = await send('POST', '/comments/moderate', tokens.moderator, { ids: [mine.id, Number(other)], status: 'approved' });
  assert.equal(mixed.res.status, 403);
  conforms(mixed.body, 'Error');
  assert.equal(demo.data.sql(`SELECT status FROM comments WHERE id = ${mine.id}`).trim(), 'pending', 'nothing changed');
  const done = await send('POST', '/comments/moderate', tokens.moderator, { ids: [mine.id], status: 'approved' });
  assert.equal(done.res.status, 200, JSON.stringify(done.body));
  conforms(done.body, 'Moderated');
  assert.equal(done.body.changed, 1);
  const approved = await call('/comments?status=approved&site=en', tokens.moderator);
  assert.ok(approved.body.items.some((c) => c.id === mine.id));
  await refused('/comments?status=maybe', tokens.moderator, 400, 'bad_request');
  await refused('/comments?reason=rude', tokens.moderator, 400, 'bad_request');
  for (const body of [{ ids: [], status: 'spam' }, { ids: ['1'], status: 'spam' }, { ids: [mine.id], status: 'pending' }, { status: 'spam' }])
    assert.equal((await send('POST', '/comments/moderate', tokens.moderator, body)).res.status, 400, JSON.stringify(body));
  const author = await call('/comments', tokens.author);
  assert.equal(author.res.status, 403, 'an author moderates nothing');
  conforms(author.body, 'Error');
});

/** Sends a POST's head announcing `length` bytes of body, and none of them; the answer's head. */
function headOnly(path, length, extra = '') {
  const url = new URL(demo.server.url);
  return answerToHead(Number(url.port), `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\n${extra}` +
    `Content-Type: image/png\r\nContent-Length: ${length}\r\n\r\n`);
}

test('pictures: uploaded once, named as a story\'s leadImage with caption and credit, shown to readers', async () => {
  await ready();
  const mediaFiles = () => readdirSync(join(demo.data.dir, 'media')).sort();
  const mediaRows = () => demo.data.sql('SELECT COUNT(*) FROM media').trim();
  const onServer = (url) => `${demo.server.url}${new URL(url).pathname}`;
  const upload = (token, bytes, type = 'image/jpeg') =>
    call('/media', token, { method: 'POST', body: bytes, headers: { 'content-type': type } });

  const skyline = readFileSync(join(repoRoot, 'demo/images/city-skyline-dusk.jpg'));
  const stored = await upload(tokens.editor, turnedJpeg(skyline));
  assert.equal(stored.res.status, 201, JSON.stringify(stored.body));
  conforms(stored.body, 'Picture');
  assert.equal(stored.res.headers.get('location'), stored.body.uri);
  const [original] = stored.body.renditions;
  const size = jpegSize(skyline);
  assert.deepEqual([original.width, original.height], [size.height, size.width], 'turned upright');
  assert.equal(original.contentType, 'image/jpeg');
  assert.deepEqual(stored.body.renditions[1], {
    name: 'webp', href: stored.body.uri.replace(/\.jpg$/, '.webp'), contentType: 'image/webp',
    width: original.width, height: original.height,
  });
  const file = await get(onServer(stored.body.uri));
  assert.equal(file.status, 200);
  const bytes = Buffer.from(await file.arrayBuffer());
  assert.equal(bytes.indexOf('Exif'), -1, 'stored without its metadata');
  const rows = mediaRows();
  // SQLite's record of changes shows that storing it again writes nothing (a media row's change
  // would empty every node's page cache); PostgreSQL announces them instead.
  const lastChange = () => (backend === 'sqlite' ? demo.data.sql('SELECT COALESCE(MAX(id), 0) FROM content_changes').trim() : '');
  const changes = lastChange();
  const again = await upload(tokens.editor, turnedJpeg(skyline));
  assert.equal(again.body.uri, stored.body.uri, 'the same picture is stored once');
  assert.equal(mediaRows(), rows);
  assert.equal(lastChange(), changes, 'nothing changed');

  // Refused: who may not add pictures, what is not one, and a large body without a token.
  const files = mediaFiles();
  await refused('/media', null, 401, 'unauthorized', { method: 'POST', body: skyline, headers: { 'content-type': 'image/jpeg' } });
  const moderator = await upload(tokens.moderator, skyline);
  assert.equal(moderator.res.status, 403);
  conforms(moderator.body, 'Error');
  assert.equal((await upload(tokens.editor, skyline, 'text/plain')).res.status, 415);
  const html = await upload(tokens.editor, Buffer.from('<html><script>alert(1)</script></html>'));
  assert.equal(html.res.status, 422);
  assert.equal(html.body.error.field, 'image');
  const bomb = await upload(tokens.editor, solidPng([1, 2, 3], 50, 2, { claim: [40000, 40000] }), 'image/png');
  assert.equal(bomb.res.status, 422);
  assert.deepEqual(mediaFiles(), files, 'nothing kept of what was refused');
  assert.equal(mediaRows(), rows);
  assert.match(await headOnly('/api/v1/media', 3 * 1024 * 1024), /^HTTP\/1\.1 413 /, 'no token: a form\'s limit');
  const big = noisyPng(1100, 1000);
  assert.ok(big.length > 3 * 1024 * 1024);
  const large = await upload(tokens.editor, big, 'image/png');
  assert.equal(large.res.status, 201, 'with a token, a picture larger than a form');
  assert.equal(large.body.renditions[0].width, 1100);

  // A story names it; a round trip through GET and PUT keeps it; a PUT without it removes it.
  const leadImage = {
    name: 'leadImage', uri: stored.body.uri,
    descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'The skyline at dusk, from the API' }],
    by: 'API photo desk',
  };
  const made = await send('POST', '/articles', tokens.editor, draft('A skyline story with its picture', { associations: [leadImage] }));
  assert.equal(made.res.status, 201, JSON.stringify(made.body));
  conforms(made.body, 'Article');
  const [association] = made.body.associations;
  assert.equal(association.uri, stored.body.uri);
  assert.equal(association.descriptions[0].value, 'The skyline at dusk, from the API');
  assert.equal(association.by, 'API photo desk');
  const path = new URL(made.body.uri).pathname.replace('/api/v1', '');
  const published = await send('POST', `${path}/publish`, tokens.editor, {});
  assert.equal(published.res.status, 200);
  const name = new URL(stored.body.uri).pathname.split('/').pop();
  const page = await (await get(onServer(published.body.dateline.url))).text();
  assert.match(page, new RegExp(`srcset="[^"]*/media/${name.replace('.jpg', '')}-w480\\.jpg 480w`));
  assert.match(page, /The skyline at dusk, from the API/);
  assert.match(page, /API photo desk/);

  const current = (await call(path, tokens.editor)).body;
  const edited = { ...current, headlines: [{ role: 'main', value: 'A skyline story, edited' }] };
  const kept = await send('PUT', path, tokens.editor, edited);
  assert.equal(kept.res.status, 200, JSON.stringify(kept.body));
  assert.deepEqual(kept.body.associations, current.associations, 'GET then PUT keeps the picture');
  const without = { ...kept.body };
  delete without.associations;
  const removed = await send('PUT', path, tokens.editor, without);
  assert.equal(removed.res.status, 200);
  assert.equal(removed.body.associations, undefined, 'the document states the story whole');
  const id = made.body.dateline.id;
  assert.equal(demo.data.sql(`SELECT COUNT(*) FROM articles WHERE id = ${id} AND lead_media_id IS NULL`).trim(), '1');
  // Each change of picture is in the audit log, as a newsroom upload is.
  assert.equal(demo.data.sql(`SELECT detail FROM audit_log WHERE article_id = ${id} AND action = 'article.picture' ORDER BY id`).trim(),
    `the picture removed, revision ${removed.body.dateline.revision}`);

  const revision = removed.body.dateline.revision;
  const unknown = await send('PUT', path, tokens.editor, { ...without, associations: [{ ...leadImage, uri: 'http://localhost:8080/media/0123abcd.jpg' }] });
  assert.equal(unknown.res.status, 422);
  assert.equal(unknown.body.error.field, 'associations');
  const elsewhere = await send('PUT', path, tokens.editor, { ...without, associations: [{ ...leadImage, uri: 'https://elsewhere.example/photo.jpg' }] });
  assert.equal(elsewhere.res.status, 400);
  assert.equal(elsewhere.body.error.field, 'associations');
  assert.equal((await call(path, tokens.editor)).body.dateline.revision, revision, 'nothing written');
});

test('an address sending wrong tokens is told to wait (429), and other clients are not', async () => {
  await ready();
  // The demo server trusts loopback as a proxy here, so each test client names its own address.
  const from = (address) => ({ headers: { 'x-forwarded-for': address } });
  for (let i = 0; i < 20; i++)
    await refused('/articles?limit=1', `dl_${String(i).padStart(64, '0')}`, 401, 'unauthorized', from('203.0.113.9'));
  const told = await refused('/articles?limit=1', tokens.editor, 429, 'rate_limited', from('203.0.113.9'));
  assert.match(told.body.error.message, /^Too many requests with tokens that are not good\. Try again in \d+ minutes?\.$/);
  assert.ok(Number(told.res.headers.get('retry-after')) > 0);
  assert.equal((await call('/articles?limit=1', tokens.editor, from('203.0.113.10'))).res.status, 200, 'another client');
});

test('the list goes page by page from each page\'s next address, the same stories as one long page', async () => {
  await ready();
  const onServer = (url) => { const u = new URL(url); return `${u.pathname.replace('/api/v1', '')}${u.search}`; };
  const whole = await call('/articles?site=en&limit=200', tokens.editor);
  assert.equal(whole.res.status, 200);
  assert.equal(whole.body.next, undefined, 'a page that is not full is the last');
  const expected = whole.body.items.map((i) => i.dateline.id);
  assert.ok(expected.length > 20, `${expected.length} stories`);
  const seen = [];
  let path = '/articles?site=en&limit=7';
  for (let pages = 0; path; pages++) {
    assert.ok(pages < 50, 'the pages come to an end');
    const { res, body } = await call(path, tokens.editor);
    assert.equal(res.status, 200, JSON.stringify(body));
    conforms(body, 'ArticleList');
    seen.push(...body.items.map((i) => i.dateline.id));
    if (body.next) {
      const next = new URL(body.next);
      assert.equal(`${next.origin}${next.pathname}`, 'http://localhost:8080/api/v1/articles');
      assert.deepEqual([...next.searchParams.keys()].sort(), ['after', 'limit', 'site'], 'the same filters');
      assert.equal(next.searchParams.get('site'), 'en');
      assert.match(next.searchParams.get('after'), /^\d+\.\d+$/);
    }
    path = body.next ? onServer(body.next) : null;
  }
  assert.deepEqual(seen, expected);
  await refused('/articles?after=yesterday', tokens.editor, 400, 'bad_request');
  await refused('/articles?after=12.-3', tokens.editor, 400, 'bad_request');
});
