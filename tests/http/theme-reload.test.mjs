// `systemctl reload dateline` sends SIGHUP: the server reads its theme again, drops the pages it
// rendered with the old one, and keeps serving throughout; a theme that does not load leaves the
// one in use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, makeDataDir, repoRoot, startServer, waitUntil } from '../support/dateline.mjs';

const theme = join(mkdtempSync(join(tmpdir(), 'dateline-theme-')), 'default');
let data;
let server;
before(async () => {
  cpSync(join(repoRoot, 'themes/default'), theme, { recursive: true });
  data = makeDataDir();
  server = await startServer(data.dir, ['--theme', theme]);
});
after(async () => {
  await server?.stop();
  data?.remove();
  rmSync(join(theme, '..'), { recursive: true, force: true });
});

const home = async () => {
  const res = await get(`${server.url}/en/`);
  assert.equal(res.status, 200);
  return res.text();
};

test('SIGHUP loads the theme again and the cached pages go with the old one', async () => {
  const before = await home();
  assert.equal((await fetch(`${server.url}/en/`)).headers.get('x-dateline-cache'), 'hit', 'the page is cached');
  // A story's page, whose own parts the theme keeps (site::KeptStoryParts) besides the page.
  const story = before.match(/href="(\/en\/[a-z-]+\/[a-z0-9-]+)"/)[1];
  const storyPage = async () => (await get(`${server.url}${story}`)).text();
  assert.doesNotMatch(await storyPage(), /Edited story part/);
  const template = join(theme, 'templates/home.tpl');
  writeFileSync(template, readFileSync(template, 'utf8').replace('{{>FOOTER}}', '<p class="reloaded">Edited theme</p>\n{{>FOOTER}}'));
  const part = join(theme, 'templates/partials/story-footer.tpl');
  writeFileSync(part, `${readFileSync(part, 'utf8')}<p class="reloaded">Edited story part</p>\n`);
  assert.doesNotMatch(await home(), /Edited theme/, 'nothing changes before the signal');
  server.process.kill('SIGHUP');
  await waitUntil('the edited template shows', async () => (await home()).includes('<p class="reloaded">Edited theme</p>'));
  assert.match(await storyPage(), /<p class="reloaded">Edited story part<\/p>/, 'the story written again');
  await waitUntil('the reload is logged', () => server.stderr().includes('loaded the theme in'));
  assert.notEqual(await home(), before);
  assert.equal(server.process.exitCode, null, 'still serving');
});

test('a theme that does not load leaves the one in use, and says why', async () => {
  unlinkSync(join(theme, 'templates/article.tpl'));
  server.process.kill('SIGHUP');
  await waitUntil('the failure is logged', () => /the theme in .* could not be loaded again, the one in use stays/.test(server.stderr()));
  assert.match(await home(), /Edited theme/);
  const story = (await home()).match(/href="(\/en\/[a-z-]+\/[a-z0-9-]+)"/)[1];
  assert.equal((await get(`${server.url}${story}`)).status, 200, 'stories still render with the theme in use');
});
