// Moderating reader comments from the command line, and what readers see of them: nothing before
// approval, then title, name, a localized date and the text, all escaped; never the e-mail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dateline, get, makeDataDir, startServer, waitUntil } from '../support/dateline.mjs';

let data;
let server;
let enPath;
let arPath;

const sqlText = (s) => `'${s.replace(/'/g, "''")}'`;

function addPendingComment(articlePath, { name, email, title, body, digest }) {
  const slug = decodeURIComponent(articlePath.split('/').pop());
  data.sql(`INSERT INTO comments (site_id, article_id, status, author_name, email, title, body,
            held_reason, content_digest, created_at)
            SELECT site_id, id, 'pending', ${sqlText(name)}, ${sqlText(email)}, ${sqlText(title)},
                   ${sqlText(body)}, '', ${sqlText(digest)}, first_published_at + 3600
            FROM articles WHERE slug = ${sqlText(slug)}`);
}

async function pageOf(path) {
  return (await get(`${server.url}${path}`)).text();
}

function comments(...args) {
  return dateline(['comments', '--data', data.dir, ...args]);
}

before(async () => {
  data = makeDataDir({ arabicIndicDigits: true });  // counts in the site's digits
  server = await startServer(data.dir);
  const firstStory = (html) => html.match(/class="card__headline"><a href="([^"]+)"/)[1];
  enPath = firstStory(await pageOf('/en/'));
  arPath = firstStory(await pageOf('/ar/'));
  addPendingComment(enPath, {
    name: 'Rana "R" <b>Haddad</b>', email: 'rana@example.com', title: 'Harbour <script>alert(1)</script>',
    body: "First paragraph, it's fine.\n\nSecond one: see http://spam.example/offer\nstill second.",
    digest: 'a1',
  });
  addPendingComment(arPath, { name: 'سلمى', email: 'salma@example.com', title: 'تعليق', body: 'نص التعليق', digest: 'a2' });
});

after(async () => {
  await server?.stop();
  data?.remove();
});

test('pending comments are listed for moderators and hidden from readers', async () => {
  const r = comments('list', '--status', 'pending');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
  assert.equal(lines.length, 2);
  const en = lines.find((l) => l[1] === 'en');
  assert.match(en[0], /^\d+$/);
  assert.equal(en[2], 'pending');
  assert.equal(en[3], `http://localhost:8080${enPath}`);
  assert.equal(en[4], 'Rana "R" <b>Haddad</b>');
  assert.equal(comments('list', '--site', 'ar').stdout.trim().split('\n').length, 1);
  assert.doesNotMatch(await pageOf(enPath), /class="comments"/);
});

test('an approved comment shows under its article, escaped, with a localized date', async () => {
  const id = comments('list', '--site', 'en').stdout.split('\t')[0];
  const r = comments('approve', id);
  assert.equal(r.status, 0, r.stderr);
  await waitUntil('the approved comment on the page', async () => (await pageOf(enPath)).includes('class="comments"'));
  const html = await pageOf(enPath);
  assert.match(html, /Comments \(1\)/);
  assert.ok(html.includes('Harbour &lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('Rana &quot;R&quot; &lt;b&gt;Haddad&lt;/b&gt;'));
  assert.ok(html.includes('<p>First paragraph, it&#39;s fine.</p>'));
  assert.ok(html.includes('<p>Second one: see http://spam.example/offer still second.</p>'));
  assert.doesNotMatch(html, /<a [^>]*href="http:\/\/spam\.example/);
  assert.doesNotMatch(html, /rana@example\.com/);
  assert.match(html, /<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+04:00">/);
});

test('the Arabic site shows its comment count and date in Arabic-Indic digits', async () => {
  const id = comments('list', '--site', 'ar').stdout.split('\t')[0];
  assert.equal(comments('approve', id).status, 0);
  await waitUntil('the Arabic comment', async () => (await pageOf(arPath)).includes('التعليقات (١)'));
  const html = await pageOf(arPath);
  const block = html.slice(html.indexOf('class="comments"'));
  assert.match(block, /<time datetime="[^"]+">[^<]*[٠-٩]/);
});

test('rejecting hides a comment again; erasing removes an address everywhere', async () => {
  const id = comments('list', '--site', 'en').stdout.split('\t')[0];
  assert.equal(comments('reject', id).status, 0);
  await waitUntil('the rejected comment gone', async () => !(await pageOf(enPath)).includes('class="comments"'));
  const erased = comments('erase', '--email', 'RANA@example.com');
  assert.equal(erased.status, 0, erased.stderr);
  assert.match(erased.stdout, /Erased 1 comment/);
  assert.doesNotMatch(comments('list').stdout, /rana@example|Rana/);
});

test('an article can be closed to comments and opened again', () => {
  const slug = decodeURIComponent(enPath.split('/').pop());
  const closed = comments('close', '--site', 'en', '--article', slug);
  assert.equal(closed.status, 0, closed.stderr);
  assert.match(closed.stdout, /closed/);
  assert.equal(data.sql(`SELECT comments_open FROM articles WHERE slug = ${sqlText(slug)}`).trim(), '0');
  assert.equal(comments('open', '--site', 'en', '--article', slug).status, 0);
  assert.equal(data.sql(`SELECT comments_open FROM articles WHERE slug = ${sqlText(slug)}`).trim(), '1');
  const missing = comments('close', '--site', 'en', '--article', 'no-such-story');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no article 'no-such-story'/);
});

test('moderating a comment that does not exist changes nothing and says so', () => {
  const r = comments('approve', '999999');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /do not exist/);
  assert.equal(comments('list', '--status', 'bogus').status, 1);
  assert.equal(comments('frobnicate').status, 2);
});

test('a story with many comments shows the newest 50 first, and the older ones a page away', async () => {
  const second = (await pageOf('/en/')).match(/class="card__headline"><a href="[^"]+"/g)[1].match(/href="([^"]+)"/)[1];
  const slug = decodeURIComponent(second.split('/').pop());
  // 120 approved comments, one a minute; comment N is the Nth oldest.
  data.sql(`INSERT INTO comments (site_id, article_id, status, author_name, email, title, body,
            held_reason, content_digest, created_at)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
            SELECT a.site_id, a.id, 'approved', 'Reader ' || i, 'r' || i || '@example.com',
                   'Comment number ' || i, 'Text ' || i, '', 'many-' || i, a.first_published_at + 60 * i
            FROM articles a, n WHERE a.slug = ${sqlText(slug)}`);
  const titles = (html) => [...html.matchAll(/<h3 class="comment__title">Comment number (\d+)<\/h3>/g)].map((m) => Number(m[1]));
  let first = '';
  await waitUntil('the comments on the page', async () => (first = await pageOf(second)).includes('Comments (120)'));
  assert.deepEqual(titles(first), Array.from({ length: 50 }, (_, k) => 120 - k), 'the newest 50, newest first');
  const older = first.match(/<a class="pagination__next" href="([^"]+)" rel="next">Older comments<\/a>/);
  assert.ok(older, 'a link to older comments');
  assert.equal(older[1], `${second}?comments=2#comments-heading`);
  const page2 = await pageOf(`${second}?comments=2`);
  assert.deepEqual(titles(page2), Array.from({ length: 50 }, (_, k) => 70 - k));
  assert.match(page2, /<a class="pagination__prev" href="[^"]+" rel="prev">Newer comments<\/a>/);
  const page3 = await pageOf(`${second}?comments=3`);
  assert.deepEqual(titles(page3), Array.from({ length: 20 }, (_, k) => 20 - k), 'the oldest are readable');
  assert.doesNotMatch(page3, /Older comments/);
  assert.match(page3, /<link rel="canonical" href="http:\/\/localhost:8080[^"?]+">/, 'one canonical URL for every page');
  for (const bad of ['4', '0', 'x']) assert.equal((await get(`${server.url}${second}?comments=${bad}`)).status, 404, bad);
});
