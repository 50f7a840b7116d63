// `dateline wires`: the wire desk's sources and queue from the command line, and a serving node
// reading a source folder by itself: agencies' files of every ninjs version are queued or
// published, filed under done/ or failed/ with the reason, and a file still being written is
// left alone until it is complete.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, copyFileSync, readdirSync, readFileSync, writeFileSync, appendFileSync, existsSync, utimesSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changesShowAtOnce, makeDataDir, startServer, dateline, get, waitUntil, repoRoot } from '../support/dateline.mjs';
import { one } from '../support/html.mjs';

const versions = join(repoRoot, 'tests/fixtures/ninjs/versions');
let data;
let work;

before(() => {
  data = makeDataDir();
  work = mkdtempSync(join(tmpdir(), 'dateline-wires-'));
});

after(() => {
  data?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

const wires = (...args) => dateline(['wires', args[0], '--data', data.dir, ...args.slice(1)]);
const lines = (text) => text.split('\n').filter((l) => l.trim() !== '');

/** A folder holding copies of the version fixtures, left alone long enough to be complete. */
function dropFolder(name, files) {
  const folder = join(work, name);
  mkdirSync(folder, { recursive: true });
  const past = new Date(Date.now() - 60_000);
  for (const file of files) {
    copyFileSync(join(versions, file), join(folder, file));
    utimesSync(join(folder, file), past, past);
  }
  return folder;
}

test('sources are added, listed and removed, and bad ones refused with the reason', () => {
  const folder = dropFolder('listed', []);
  let r = wires('add', '--name', 'levant-press', '--folder', folder, '--site', 'en', '--section', 'world');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Wire source levant-press reads .* for en\/world\./);
  r = wires('add', '--name', 'levant-press', '--folder', folder, '--site', 'en');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /already a wire source named 'levant-press'/);
  r = wires('add', '--name', 'elsewhere', '--folder', join(work, 'missing'), '--site', 'en');
  assert.match(r.stderr, /does not exist/);
  r = wires('add', '--name', 'elsewhere', '--folder', folder, '--site', 'en', '--section', 'nope');
  assert.match(r.stderr, /has no section 'nope'/);
  r = wires('list');
  assert.deepEqual(lines(r.stdout), [`levant-press\t${folder}\ten\tworld\tqueue`]);
  r = wires('remove', 'levant-press');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(wires('list').stdout, '');
  assert.match(wires('remove', 'levant-press').stderr, /no wire source named 'levant-press'/);
});

test('one pass queues every version, refuses what breaks its schema, and lists the queue', () => {
  const folder = dropFolder('queued', ['v2-description-only.json', 'v3-nitf-body.json', 'v3-arabic.json',
    'invalid-v3-urgency-text.json', 'harbour-dawn.jpg']);
  assert.equal(wires('add', '--name', 'queued', '--folder', folder, '--site', 'en').status, 0);
  const r = wires('run', '--once');
  assert.equal(r.status, 1, 'a file was refused');
  assert.equal(lines(r.stdout)[0], '3 received, 0 published, 0 already received, 1 refused');
  assert.match(r.stderr, /invalid-v3-urgency-text\.json: not valid ninjs 3\.1 .*\/urgency/);
  assert.deepEqual(readdirSync(join(folder, 'done')).sort(), ['v2-description-only.json', 'v3-arabic.json', 'v3-nitf-body.json']);
  assert.match(readFileSync(join(folder, 'failed', 'invalid-v3-urgency-text.json.reason.txt'), 'utf8'), /\/urgency/);
  assert.ok(existsSync(join(folder, 'harbour-dawn.jpg')), 'pictures stay where the agency put them');

  const queue = lines(wires('queue', '--source', 'queued').stdout).map((l) => l.split('\t'));
  assert.equal(queue.length, 3);
  const nitf = queue.find((f) => f[5] === 'Amman to plant 12,000 shade trees along its hottest ring road');
  assert.ok(nitf, JSON.stringify(queue));
  assert.deepEqual(nitf.slice(1, 5), ['queued', 'en', '', '2031-01-01T08:00:00Z'], 'source, language, version, embargo');
  assert.ok(queue.some((f) => f[2] === 'ar'), 'the Arabic item');
  assert.equal(wires('queue', '--source', 'nobody').stdout, '');

  // Queued, not published: readers see none of it.
  const again = wires('run', '--once');
  assert.equal(again.status, 0, again.stderr);
  assert.equal(lines(again.stdout)[0], '0 received, 0 published, 0 already received, 0 refused');
});

test('a serving node reads a publishing source by itself, and waits for a file being written', async () => {
  const folder = dropFolder('live', []);
  assert.equal(wires('add', '--name', 'live', '--folder', folder, '--site', 'en', '--section', 'world', '--auto-publish').status, 0);
  const server = await startServer(data.dir, [], { env: changesShowAtOnce });
  try {
    const text = readFileSync(join(versions, 'v1-xhtml-and-text.json'), 'utf8');
    copyFileSync(join(versions, 'harbour-dawn.jpg'), join(folder, 'harbour-dawn.jpg'));
    const file = join(folder, 'berth.json');
    const half = Math.floor(text.length / 2);
    writeFileSync(file, text.slice(0, half));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.ok(existsSync(file), 'half a file is left alone');
    assert.ok(!existsSync(join(folder, 'failed')), 'and not refused');
    appendFileSync(file, text.slice(half));
    const path = '/en/world/muscat-port-opens-deep-water-berth-for-the-largest-container-ships';
    await waitUntil('the story is published', async () => (await get(server.url + path)).status === 200, { timeoutMs: 15_000 });
    const html = await (await get(server.url + path)).text();
    assert.equal(one(html, { tag: 'h1' }).text, 'Muscat port opens deep-water berth for the largest container ships');
    assert.equal(one(html, { cls: 'story__credit' }).text, 'Yousef Al Balushi / Gulf Coast Wire');
    await waitUntil('the file is filed', () => existsSync(join(folder, 'done', 'berth.json')));
  } finally {
    assert.equal(await server.stop(), 0, 'the server stops cleanly');
  }
});
