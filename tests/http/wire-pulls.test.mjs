// Wire sources pulled over HTTP: `dateline wires add --url` and `wires run --once` against a feed
// served on loopback with an ETag. The first pull queues the feed's stories and fetches their
// picture, relative to the feed's address; the next asks with If-None-Match and is answered 304;
// a changed feed brings its new story; a server that fails is asked again later and later, with
// its reason listed; and without the setting that allows it, a loopback address is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, makeDataDir, repoRoot, startServer, waitUntil } from '../support/dateline.mjs';

const feeds = join(repoRoot, 'tests/fixtures/feeds');
const ALLOW = { DATELINE_WIRE_ALLOW_PRIVATE_ADDRESSES: 'true' };
let data;
let agency;
let base;

// What the agency's server answers, changed by the tests; every request it got, in order.
const served = {
  feed: readFileSync(join(feeds, 'rss2-coastline.xml'), 'utf8'),
  etag: '"coast-1"',
  status: 200,
  requests: [],
};

before(async () => {
  data = makeDataDir();
  agency = createServer((req, res) => {
    served.requests.push({ url: req.url, ifNoneMatch: req.headers['if-none-match'] ?? '' });
    if (req.url === '/pictures/causeway-dawn.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(readFileSync(join(feeds, 'pictures/causeway-dawn.jpg')));
    } else if (req.url === '/coast.rss' && served.status !== 200) {
      res.writeHead(served.status);
      res.end('down for maintenance');
    } else if (req.url === '/coast.rss' && req.headers['if-none-match'] === served.etag) {
      res.writeHead(304, { etag: served.etag });
      res.end();
    } else if (req.url === '/ar.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"ar-1"' });
      res.end(readFileSync(join(feeds, 'rss2-arabic-description.xml')));
    } else if (req.url === '/coast.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: served.etag });
      res.end(served.feed);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => agency.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${agency.address().port}`;
});

after(async () => {
  data?.remove();
  await new Promise((resolve) => agency?.close(resolve));
});

/** `dateline COMMAND ...` without blocking this process, which serves the agency's feed. */
function run(command, args, env = ALLOW) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [command, args[0], '--data', data.dir, ...args.slice(1)],
      { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
const wires = (args, env) => run('wires', args, env);
const lines = (text) => text.split('\n').filter((l) => l.trim() !== '');

test('a URL source is checked when added and listed with its schedule', async () => {
  let r = await wires(['add', '--name', 'coast', '--url', `${base}/coast.rss`, '--site', 'en', '--every', '30']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Wire source coast pulls http:\/\/127\.0\.0\.1:\d+\/coast\.rss every 30 seconds for en\./);
  for (const [url, problem] of [['ftp://127.0.0.1/coast.rss', /http or https/], ['not a url', /http or https/],
    ['http:///coast.rss', /host/]]) {
    r = await wires(['add', '--name', 'bad', '--url', url, '--site', 'en']);
    assert.equal(r.status, 1, `${url}: ${r.stdout}`);
    assert.match(r.stderr, problem, url);
  }
  r = await wires(['add', '--name', 'bad', '--url', `${base}/x`, '--site', 'en', '--every', '2']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /every/);
  const [row] = lines((await wires(['list'])).stdout).map((l) => l.split('\t'));
  assert.deepEqual(row.slice(0, 5), ['coast', `${base}/coast.rss`, 'en', '', 'queue']);
  assert.deepEqual(row.slice(5, 7), ['every 30s', '0 failures']);
});

test('a pull queues the feed\'s stories with their picture; the next asks with the ETag and gets 304', async () => {
  served.requests.length = 0;
  let r = await wires(['run', '--once']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(lines(r.stdout)[0], '2 received, 0 published, 0 already received, 0 refused');
  assert.deepEqual(served.requests.map((q) => q.url).sort(), ['/coast.rss', '/pictures/causeway-dawn.jpg']);
  assert.equal(served.requests.find((q) => q.url === '/coast.rss').ifNoneMatch, '', 'nothing known yet');
  const queue = lines((await wires(['queue', '--source', 'coast'])).stdout);
  assert.equal(queue.length, 2);
  // The picture, fetched relative to the feed's address, is kept with the queue, byte for byte.
  const pictures = join(data.dir, 'wire', 'pictures');
  const kept = readdirSync(pictures).filter((f) => f.endsWith('.jpg'));
  assert.equal(kept.length, 1, 'the wire desk keeps the fetched picture');
  assert.deepEqual(readFileSync(join(pictures, kept[0])), readFileSync(join(feeds, 'pictures/causeway-dawn.jpg')));
  assert.match(data.sql("SELECT content FROM wire_items WHERE headline LIKE 'Causeway%'"), /"location":"[^"]*\/wire\/pictures\/[0-9a-f]+\.jpg"/);

  served.requests.length = 0;
  r = await wires(['run', '--once']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(lines(r.stdout)[0], '0 received, 0 published, 0 already received, 0 refused');
  assert.deepEqual(served.requests, [{ url: '/coast.rss', ifNoneMatch: '"coast-1"' }], 'a conditional request, answered 304');

  // The agency adds a story: a new ETag, one more item received, the others known.
  served.feed = served.feed.replace('<item>', `<item>
      <title>Night ferry adds a third crossing</title>
      <guid isPermaLink="false">urn:coast:ferry-third-crossing</guid>
      <description>The ferry company adds a late crossing on Fridays.</description>
      <pubDate>Mon, 01 Dec 2025 09:00:00 GMT</pubDate>
    </item>
    <item>`);
  served.etag = '"coast-2"';
  r = await wires(['run', '--once']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(lines(r.stdout)[0], '1 received, 0 published, 2 already received, 0 refused');
});

test('a failing server is asked again later and later, its reason listed', async () => {
  served.status = 503;
  const r = await wires(['run', '--once']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /coast: .*its server answered 503/);
  const [row] = lines((await wires(['list'])).stdout).map((l) => l.split('\t'));
  assert.equal(row[6], '1 failure');
  const next = Date.parse(row[7]);
  // Twice the source's 30 seconds after a first failure, at the least.
  assert.ok(next - Date.now() > 50_000, `the next attempt is backed off: ${row[7]}`);
  assert.match(row[8], /its server answered 503/);
  served.status = 200;
});

test('a private or loopback address is refused unless the configuration allows it', async () => {
  served.requests.length = 0;
  const r = await wires(['run', '--once'], { DATELINE_WIRE_ALLOW_PRIVATE_ADDRESSES: '' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /coast: .*its address 127\.0\.0\.1 is a private, loopback or reserved one/);
  assert.deepEqual(served.requests, [], 'the agency\'s server was never reached');
});

test('a serving node pulls a source when it is due, and not on every pass', async () => {
  const r = await wires(['add', '--name', 'arabic', '--url', `${base}/ar.rss`, '--site', 'ar', '--every', '3600']);
  assert.equal(r.status, 0, r.stderr);
  served.requests.length = 0;
  const server = await startServer(data.dir, [], { env: ALLOW });
  try {
    const pulls = () => served.requests.filter((q) => q.url === '/ar.rss').length;
    await waitUntil('the serving node pulls the new source', () => pulls() === 1, { timeoutMs: 15_000 });
    await waitUntil('its stories are queued', async () =>
      lines((await wires(['queue', '--source', 'arabic'])).stdout).length > 0, { timeoutMs: 15_000 });
    // Several passes later (one every two seconds), the hourly source has not been asked again.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    assert.equal(pulls(), 1);
  } finally {
    assert.equal(await server.stop(), 0, 'the server stops cleanly');
  }
});

test('import fetches a picture that is only at an address, and keeps no copy of its own', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-remote-'));
  try {
    const file = join(folder, 'remote-picture.json');
    writeFileSync(file, JSON.stringify({
      uri: 'urn:coast:remote-picture', type: 'text', version: '1',
      headlines: [{ role: 'main', value: 'Causeway lights switched on at dusk' }],
      bodies: [{ contentType: 'text/plain', value: 'The new lamps came on at six.' }],
      associations: [{ name: 'featureimage', type: 'picture', uri: 'urn:coast:pic',
        descriptions: [{ role: 'caption', value: 'The causeway at dusk.' }],
        renditions: [{ name: 'original', href: `${base}/pictures/causeway-dawn.jpg`, width: 64 }] }],
    }));
    served.requests.length = 0;
    const r = await run('import', [file, '--site', 'en']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(served.requests.map((q) => q.url), ['/pictures/causeway-dawn.jpg']);
    const id = r.stdout.trim();
    assert.match(data.sql(`SELECT lead_media_id FROM articles WHERE id = ${id}`), /\d+/, 'the story has the picture');
    const kept = readdirSync(join(data.dir, 'wire', 'pictures')).length;
    assert.equal(kept, 1, 'only the queue\'s picture: the import stored its own copy in media/');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
