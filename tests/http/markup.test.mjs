// Every page type of both sites through the Nu Html Checker (vnu.jar on the machine's Java):
// home, section, tag, article and 404 pages, plus an article whose wire body went through the
// sanitizer. Any error fails the page's test and is printed with its line and message.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { makeDataDir, startServer, dateline, get, repoRoot } from '../support/dateline.mjs';
import { select, attr } from '../support/html.mjs';

const VNU = join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');

let data;
let server;
let out;
const pages = [];  // { name, path, status, file }
let messages = [];

async function firstLink(html, test) {
  const a = select(html, { tag: 'a', where: (t) => test(attr(t, 'href') ?? '') })[0];
  assert.ok(a, 'a link to follow');
  return attr(a.token, 'href');
}

before(async () => {
  data = makeDataDir();
  const hostile = join(repoRoot, 'tests/fixtures/ninjs/hostile-every-field.json');
  const imported = dateline(['import', '--data', data.dir, '--site', 'en', '--section', 'world', '--publish', hostile]);
  assert.equal(imported.status, 0, imported.stderr);
  // A correction and an update under every demo story, so that the article pages carry them.
  data.sql(`INSERT INTO article_notes (article_id, kind, body, noted_at)
            SELECT id, 'correction', 'An earlier version misnamed the <b>harbour</b>.', first_published_at + 600
            FROM articles;
            INSERT INTO article_notes (article_id, kind, body, noted_at)
            SELECT id, 'update', 'The berths reopened.', first_published_at + 1200 FROM articles`);
  server = await startServer(data.dir);
  out = mkdtempSync(join(tmpdir(), 'dateline-markup-'));

  for (const site of ['en', 'ar']) {
    const home = await (await get(`${server.url}/${site}/`)).text();
    const section = await firstLink(home, (h) => new RegExp(`^/${site}/[a-z]+/$`).test(h));
    // A demo article, from a section listing (the imported wire story is checked on its own).
    const sectionHtml = await (await get(server.url + section)).text();
    const article = await firstLink(sectionHtml, (h) => new RegExp(`^/${site}/[a-z]+/[^/]+$`).test(h));
    const articleHtml = await (await get(server.url + article)).text();
    const tag = await firstLink(articleHtml, (h) => h.startsWith(`/${site}/tags/`));
    pages.push(
      { name: `${site}-home`, path: `/${site}/`, status: 200 },
      { name: `${site}-section`, path: section, status: 200 },
      { name: `${site}-tag`, path: tag, status: 200 },
      { name: `${site}-article`, path: article, status: 200 },
      { name: `${site}-not-found`, path: `/${site}/no-such-page`, status: 404 },
    );
  }
  pages.push({ name: 'en-article-sanitized-wire-body', path: new URL(imported.stdout.trim()).pathname, status: 200 });

  // The newsroom's screens: sign-in in both languages, the desk once signed in, its 404.
  const signIn = async (email, role, sites) => {
    const added = dateline(['user', 'add', '--data', data.dir, '--email', email, '--role', role,
      ...sites.flatMap((site) => ['--site', site]), '--password-file', '-'], { input: 'a passphrase for the desk\n' });
    assert.equal(added.status, 0, added.stderr);
    const login = await get(`${server.url}/newsroom/login`);
    const formCookie = login.headers.getSetCookie()[0].split(';')[0];
    const formToken = (await login.text()).match(/name="form_token" value="([0-9a-f]+)"/)[1];
    const signedIn = await get(`${server.url}/newsroom/login`, {
      method: 'POST',
      headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: new URLSearchParams({ email, password: 'a passphrase for the desk', form_token: formToken }).toString(),
    });
    return signedIn.headers.getSetCookie().find((c) => c.startsWith('dateline_session=')).split(';')[0];
  };
  const session = await signIn('desk@news.example', 'editor', ['en']);
  const adminSession = await signIn('chief@news.example', 'admin', []);
  data.sql(`INSERT INTO comments (site_id, article_id, status, author_name, email, title, body, held_reason,
            content_digest, created_at)
            SELECT site_id, id, 'pending', 'Salma <i>', 'salma@example.com', 'A question & a <b>tag</b>',
                   'One.\n\nTwo.', 'links,question', 'markup', first_published_at + 60
            FROM articles WHERE site_id = (SELECT id FROM sites WHERE slug = 'en') LIMIT 1`);
  pages.push(
    { name: 'en-newsroom-sign-in', path: '/newsroom/login', status: 200 },
    { name: 'ar-newsroom-sign-in', path: '/newsroom/login?lang=ar', status: 200 },
    { name: 'en-newsroom-desk', path: '/newsroom/', status: 200, headers: { cookie: session } },
    { name: 'en-newsroom-comments', path: '/newsroom/comments', status: 200, headers: { cookie: session } },
    { name: 'ar-newsroom-not-found', path: '/newsroom/no-such-screen?lang=ar', status: 404 },
  );
  // The stories' screens: the list, a new story in Arabic, a demo story's editor and revisions.
  const storyId = data.sql(`SELECT a.id FROM articles a JOIN sites s ON s.id = a.site_id
                            WHERE s.slug = 'en' ORDER BY a.id LIMIT 1`).trim();
  // A second revision of it, saved through the editor, for the comparison.
  const deskToken = (await (await get(`${server.url}/newsroom/`, { headers: { cookie: session } })).text())
    .match(/name="form_token" value="([0-9a-f]+)"/)[1];
  const saved = await get(`${server.url}/newsroom/articles/${storyId}`, {
    method: 'POST',
    headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    body: new URLSearchParams({ form_token: deskToken, revision: '1', intent: 'save', site: 'en', headline: 'A headline, revised',
      body: 'A first paragraph.\nA <second> one.', section: 'region', tags: 'Harbour' }).toString(),
  });
  assert.equal(saved.status, 303);
  pages.push(
    { name: 'en-newsroom-compare', path: `/newsroom/articles/${storyId}/compare?from=1&to=2`, status: 200, headers: { cookie: session } },
    { name: 'en-newsroom-articles', path: '/newsroom/articles', status: 200, headers: { cookie: session } },
    { name: 'ar-newsroom-new-article', path: '/newsroom/articles/new?lang=ar', status: 200, headers: { cookie: session } },
    { name: 'en-newsroom-article', path: `/newsroom/articles/${storyId}?lang=en`, status: 200, headers: { cookie: session } },
    { name: 'en-newsroom-revisions', path: `/newsroom/articles/${storyId}/revisions`, status: 200, headers: { cookie: session } },
    { name: 'en-newsroom-revision', path: `/newsroom/articles/${storyId}/revisions/1`, status: 200, headers: { cookie: session } },
    { name: 'ar-newsroom-audit', path: '/newsroom/audit?lang=ar', status: 200, headers: { cookie: adminSession } },
    { name: 'ar-newsroom-sites', path: '/newsroom/sites?lang=ar', status: 200, headers: { cookie: adminSession } },
    { name: 'en-newsroom-sites', path: '/newsroom/sites?lang=en', status: 200, headers: { cookie: adminSession } },
    { name: 'ar-newsroom-comments-admin', path: '/newsroom/comments?lang=ar', status: 200, headers: { cookie: adminSession } },
  );
  // The account screen with two-step sign-in off (the editor) and being set up (the admin).
  const adminToken = (await (await get(`${server.url}/newsroom/`, { headers: { cookie: adminSession } })).text())
    .match(/name="form_token" value="([0-9a-f]+)"/)[1];
  const started = await get(`${server.url}/newsroom/account/two-step/start`, {
    method: 'POST',
    headers: { cookie: adminSession, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    body: new URLSearchParams({ form_token: adminToken }).toString(),
  });
  assert.equal(started.status, 303);
  pages.push(
    { name: 'en-newsroom-account', path: '/newsroom/account', status: 200, headers: { cookie: session } },
    { name: 'ar-newsroom-account-two-step-setup', path: '/newsroom/account?lang=ar', status: 200, headers: { cookie: adminSession } },
  );

  for (const p of pages) {
    const res = await get(server.url + p.path, { headers: p.headers ?? {} });
    p.actualStatus = res.status;
    p.file = join(out, `${p.name}.html`);
    writeFileSync(p.file, await res.text());
  }

  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages.map((p) => p.file)],
    { encoding: 'utf8', timeout: 45_000 });
  if (run.error) throw new Error(`the Nu Html Checker could not run: ${run.error.message}`);
  // vnu writes its JSON report to stderr; exit status 1 means it found errors.
  const report = JSON.parse(run.stderr || run.stdout);
  messages = report.messages ?? [];
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, 'the server stops cleanly');
  data?.remove();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('Nu Html Checker', () => {
  it('validated every page (the checker ran on all of them)', () => {
    assert.equal(pages.length, 28);
    const unknown = messages.filter((m) => !pages.some((p) => m.url?.endsWith(`/${basename(p.file)}`)));
    assert.deepEqual(unknown, [], 'no message about anything else (I/O or internal errors)');
  });

  for (const name of ['en-home', 'en-section', 'en-tag', 'en-article', 'en-not-found',
    'ar-home', 'ar-section', 'ar-tag', 'ar-article', 'ar-not-found', 'en-article-sanitized-wire-body',
    'en-newsroom-sign-in', 'ar-newsroom-sign-in', 'en-newsroom-desk', 'en-newsroom-comments',
    'ar-newsroom-not-found', 'en-newsroom-articles', 'ar-newsroom-new-article', 'en-newsroom-article',
    'en-newsroom-revisions', 'en-newsroom-revision', 'ar-newsroom-audit', 'en-newsroom-compare',
    'ar-newsroom-comments-admin', 'en-newsroom-account', 'ar-newsroom-account-two-step-setup',
    'ar-newsroom-sites', 'en-newsroom-sites']) {
    it(`${name} has no errors`, () => {
      const p = pages.find((q) => q.name === name);
      assert.ok(p, `${name} was fetched`);
      assert.equal(p.actualStatus, p.status, `${name}: ${p.path} answers ${p.status}`);
      const errors = messages
        .filter((m) => m.url?.endsWith(`/${basename(p.file)}`))
        .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal');
      const readable = errors.map((m) => `${name}.html:${m.lastLine ?? '?'}: ${m.message}  [${(m.extract ?? '').replace(/\n/g, ' ')}]`);
      if (readable.length) console.log(`Nu Html Checker errors for ${p.path}:\n  ${readable.join('\n  ')}`);
      assert.deepEqual(readable, [], `${p.path} is valid HTML`);
    });
  }
});
