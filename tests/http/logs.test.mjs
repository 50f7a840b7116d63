// What an operator's log shipper reads: with log_format = "json", every line the server writes
// to standard error is one JSON object; each request's line names its id, the reader (behind a
// trusted proxy, the forwarded address, cut to its network), the target, status, size, time and
// how the page cache answered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDataDir, startServer, waitUntil, get } from '../support/dateline.mjs';

let data;
let server;
before(async () => {
  data = makeDataDir();
  server = await startServer(data.dir, [], {
    env: { DATELINE_LOG_FORMAT: 'json', DATELINE_TRUSTED_PROXIES: '127.0.0.1' },
  });
});
after(async () => {
  await server?.stop();
  data?.remove();
});

const lines = () => server.stderr().split('\n').filter((l) => l !== '');
const requestLine = (id) => lines().map((l) => JSON.parse(l)).find((o) => o.id === id);

test('every log line is a JSON object, a request\'s with its fields', async () => {
  const first = await get(`${server.url}/en/`, { headers: { 'X-Forwarded-For': '198.51.100.23, 203.0.113.77' } });
  assert.equal(first.status, 200);
  const again = await get(`${server.url}/en/`, { headers: { 'X-Forwarded-For': '2001:db8:aa:bb::5' } });
  const missing = await get(`${server.url}/en/no-such-section/`);
  assert.equal(missing.status, 404);
  // A query makes a page the cache does not keep.
  const searched = await get(`${server.url}/en/search?q="harbour"`);
  const ids = [first, again, missing, searched].map((r) => r.headers.get('x-request-id'));
  await waitUntil('the access log has the four requests', () => ids.every((id) => server.stderr().includes(`"id":"${id}"`)));
  for (const line of lines()) assert.doesNotThrow(() => JSON.parse(line), line);
  const [a, b, c, d] = ids.map(requestLine);
  assert.equal(a.level, 'info');
  assert.match(a.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  // The nearest untrusted hop is the reader, and only its network is kept.
  assert.equal(a.address, '203.0.113.0');
  assert.equal(b.address, '2001:db8:aa::');
  assert.equal(a.method, 'GET');
  assert.equal(a.target, '/en/');
  assert.equal(d.target, '/en/search?q=%22harbour%22', 'the target as sent (fetch encodes the quotes)');
  assert.equal(d.cache, 'pass');
  assert.equal(a.status, 200);
  assert.ok(a.bytes > 1000, `${a.bytes} bytes`);
  assert.ok(Number.isInteger(a.micros) && a.micros > 0);
  assert.equal(a.cache, 'miss');
  assert.equal(b.cache, 'hit');
  assert.equal(c.status, 404);
  // The server's own messages are JSON too: the one it writes as it stops.
  assert.equal(await server.stop(), 0);
  const messages = lines().map((l) => JSON.parse(l)).filter((o) => o.message !== undefined);
  assert.ok(messages.some((o) => o.level === 'info' && /^shutting down: finishing \d+ connection\(s\)$/.test(o.message)),
    lines().join('\n'));
});

test('with log_addresses = "none" no address is written; "full" keeps it whole', async () => {
  for (const [setting, expected] of [['none', '-'], ['full', '203.0.113.77']]) {
    const other = await startServer(data.dir, [], {
      env: { DATELINE_LOG_ADDRESSES: setting, DATELINE_TRUSTED_PROXIES: '127.0.0.1', DATELINE_MOST_READ_SECONDS: '0' },
    });
    try {
      const res = await get(`${other.url}/en/`, { headers: { 'X-Forwarded-For': '203.0.113.77' } });
      const id = res.headers.get('x-request-id');
      const line = new RegExp(`${id} (\\S+) "GET /en/"`);
      await waitUntil('the request is logged', () => line.test(other.stderr()));
      assert.equal(other.stderr().match(line)[1], expected, setting);
      assert.ok(!other.stderr().includes('203.0.113.77') || setting === 'full', 'the address appears nowhere else');
    } finally {
      assert.equal(await other.stop(), 0);
    }
  }
});
