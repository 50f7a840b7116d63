// A wire correction imported again without the original flags keeps the story where readers
// found it: published, at the same address, in the same section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changesShowAtOnce, dateline, get, makeDataDir, repoRoot, startServer } from '../support/dateline.mjs';

let data;
let server;
let work;

before(async () => {
  data = makeDataDir();
  work = mkdtempSync(join(tmpdir(), 'dateline-reimport-'));
  server = await startServer(data.dir, [], { env: changesShowAtOnce });
});

after(async () => {
  await server?.stop();
  data?.remove();
  rmSync(work, { recursive: true, force: true });
});

function importItem(item, args) {
  const file = join(work, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(item));
  return dateline(['import', '--data', data.dir, '--site', 'en', ...args, file]);
}

test('a correction keeps the story published, at its address, in its section', async () => {
  const item = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/ninjs/ninjs-plain-text-body.json'), 'utf8'));
  const first = importItem(item, ['--section', 'business', '--publish']);
  assert.equal(first.status, 0, first.stderr);
  const url = first.stdout.trim();
  assert.match(url, /\/en\/business\//);
  const path = new URL(url).pathname;

  const corrected = { ...item, headline: `${item.headline} (corrected)`, versioncreated: '2025-07-02T12:00:00+04:00' };
  const second = importItem(corrected, []);
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout.trim(), url, 'the correction prints the same public URL');

  const page = await get(`${server.url}${path}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.ok(html.includes('(corrected)'));
  assert.match(html, /class="story__updated"/, 'the correction shows as an update');
  const section = await (await get(`${server.url}/en/business/`)).text();
  assert.equal(section.split(`href="${path}"`).length - 1, 1, 'listed once in its section');
});
