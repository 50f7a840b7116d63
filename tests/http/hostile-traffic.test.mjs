// Hostile traffic, as an attacker sends it: requests whose framing would smuggle a second request,
// floods of connections and of refused comment posts, and Host headers no site has. Each test
// watches what other readers get meanwhile. Traffic stays on loopback addresses (127.0.0.0/8), is
// bounded in count and in time, and every server is stopped after its test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { request as httpRequest } from 'node:http';
import { dateline, makeDataDir, startServer } from '../support/dateline.mjs';
import { exchange, parseResponse } from '../support/raw-http.mjs';
import { goodFields, sendComment } from '../support/comments.mjs';

const data = makeDataDir();
let server = null;

async function restart(env = {}) {
  await server?.stop();
  server = await startServer(data.dir, [], { env });
  return server;
}

after(async () => {
  await server?.stop();
  data.remove();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A request from a chosen loopback address; resolves { status, headers, body } or { error }. */
function requestFrom(localAddress, path, { method = 'GET', headers = {}, body, timeoutMs = 5000 } = {}) {
  return new Promise((resolve) => {
    const req = httpRequest({
      host: '127.0.0.1', port: server.port, path, method, localAddress, agent: false,
      headers: { connection: 'close', ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ error }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ error }));
    req.end(body);
  });
}

/**
 * Opens `count` idle connections from `localAddress` that send nothing. Resolves once each is
 * open or refused; `closedByServer()` counts those the server has closed so far.
 */
async function idleFlood(localAddress, count) {
  const sockets = [];
  let closed = 0;
  await Promise.all(Array.from({ length: count }, () => new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port, localAddress });
    sockets.push(socket);
    socket.on('connect', resolve);
    socket.on('error', resolve);
    socket.on('close', () => { closed += 1; resolve(); });
  })));
  return { closedByServer: () => closed, destroy: () => sockets.forEach((s) => s.destroy()) };
}

async function firstStory(site) {
  const home = await requestFrom('127.0.0.1', `/${site}/`);
  return home.body.match(/class="card__headline"><a href="([^"]+)"/)[1];
}

test('requests whose body length is ambiguous are refused and their connection closed', async () => {
  await restart();
  const smuggled = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
  const chunk = `${Buffer.byteLength(smuggled).toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`;
  const shapes = [
    { what: 'a coding other than chunked', fields: 'Transfer-Encoding: gzip', body: smuggled, status: 400 },
    { what: 'a name ending in chunked', fields: 'Transfer-Encoding: xchunked', body: smuggled, status: 400 },
    { what: 'chunked, not last', fields: 'Transfer-Encoding: chunked, identity', body: smuggled, status: 400 },
    { what: 'two lines, chunked first', fields: 'Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip', body: smuggled, status: 400 },
    { what: 'chunked beside a length', fields: `Transfer-Encoding: chunked\r\nContent-Length: ${chunk.length}`, body: chunk, status: 400 },
    { what: 'chunked on HTTP/1.0', version: '1.0', fields: 'Transfer-Encoding: chunked', body: chunk, status: 400 },
    { what: 'a coding before chunked', fields: 'Transfer-Encoding: gzip, chunked', body: chunk, status: 501 },
  ];
  for (const { what, version = '1.1', fields, body, status } of shapes) {
    const request = `POST /en/ HTTP/${version}\r\nHost: 127.0.0.1\r\n${fields}\r\n\r\n${body}`;
    const result = await exchange(server.port, request);
    const response = parseResponse(result.data);
    assert.ok(response, `${what}: an answer`);
    assert.equal(response.status, status, what);
    assert.equal(response.headers.connection, 'close', `${what}: the connection closes`);
    assert.equal(response.rest.length, 0, `${what}: nothing answered from the body`);
    assert.ok(result.closed, `${what}: closed by the server`);
  }
  // A well-framed chunked request still works, and so does the next one on its connection.
  const chained = `POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${
    'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'}`;
  const result = await exchange(server.port, chained);
  const first = parseResponse(result.data);
  assert.equal(first.status, 405);
  assert.equal(parseResponse(first.rest).status, 200);
});

test('one address flooding idle connections does not lock out other readers', async () => {
  await restart({ DATELINE_MAX_CONNECTIONS: '100', DATELINE_MAX_CONNECTIONS_PER_ADDRESS: '40' });
  const flood = await idleFlood('127.0.0.1', 150);
  try {
    await sleep(200);
    assert.ok(flood.closedByServer() >= 100, `connections beyond the address's 40 are closed at once (${flood.closedByServer()})`);
    const reader = await requestFrom('127.0.0.2', '/en/');
    assert.equal(reader.status, 200, `a reader on another address is served: ${reader.error ?? ''}`);
  } finally {
    flood.destroy();
  }
});

test('under pressure, connections that send nothing make room for readers', async () => {
  // Four addresses take every connection and send nothing; none is over its own limit.
  await restart({ DATELINE_MAX_CONNECTIONS: '100', DATELINE_MAX_CONNECTIONS_PER_ADDRESS: '30' });
  const floods = [];
  try {
    for (const address of ['127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6']) floods.push(await idleFlood(address, 30));
    let served = null;
    const deadline = Date.now() + 8000;  // the first-byte timeout outside pressure is 15 s
    while (!served && Date.now() < deadline) {
      const r = await requestFrom('127.0.0.2', '/en/', { timeoutMs: 2000 });
      if (r.status === 200) served = r;
      else await sleep(250);
    }
    assert.ok(served, 'a reader is served within seconds');
    // 20 were refused at the door (100 at most); the sweep closes the silent ones that got in.
    const closedSoFar = () => floods.reduce((n, f) => n + f.closedByServer(), 0);
    for (const until = Date.now() + 3000; closedSoFar() < 60 && Date.now() < until;) await sleep(100);
    const closed = closedSoFar();
    assert.ok(closed >= 60, `idle connections were closed to make room (${closed})`);
  } finally {
    floods.forEach((f) => f.destroy());
  }
});

test('a flood of refused comment posts writes nothing and leaves cached pages served', async () => {
  await restart({ DATELINE_COMMENT_ADDRESS_LIMIT: '5' });
  const path = await firstStory('en');
  await requestFrom('127.0.0.2', path);
  assert.equal((await requestFrom('127.0.0.2', path)).headers['x-dateline-cache'], 'hit');
  const body = new URLSearchParams(goodFields({ altcha: 'forged', title: 'Flood' })).toString();
  const statuses = [];
  const poster = async () => {
    for (let i = 0; i < 15; i += 1) {
      const r = await requestFrom('127.0.0.3', path, {
        method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      statuses.push(r.status);
    }
  };
  const reads = [];
  const reader = async () => {
    for (let i = 0; i < 40; i += 1) reads.push(await requestFrom('127.0.0.2', path));
  };
  await Promise.all([...Array.from({ length: 20 }, poster), reader()]);
  assert.equal(statuses.length, 300);
  assert.equal(statuses.filter((s) => s === 422).length, 5, 'the first five get the form back');
  assert.equal(statuses.filter((s) => s === 429).length, 295, 'the rest are told to wait');
  assert.ok(reads.every((r) => r.status === 200 && r.headers['x-dateline-cache'] === 'hit'),
    'every reader got the cached page meanwhile');
  assert.equal(data.sql('SELECT COUNT(*) FROM rate_limit_counters').trim(), '0', 'no counter written');
  assert.equal(data.sql('SELECT COUNT(*) FROM used_tokens').trim(), '0', 'no token written');
  assert.equal(data.sql('SELECT COUNT(*) FROM comments').trim(), '0', 'nothing stored');
});

test('writes readers cannot see keep every cached page; an approved comment drops its story only', async () => {
  await restart({ DATELINE_COMMENT_CHECK_DIFFICULTY: '20', DATELINE_COMMENT_MIN_FILL_SECONDS: '0' });
  const [story, other] = (await requestFrom('127.0.0.2', '/en/')).body
    .match(/class="card__headline"><a href="[^"]+"/g).slice(0, 2).map((m) => m.match(/href="([^"]+)"/)[1]);
  const pages = ['/en/', story, other];
  const cacheOf = async (p) => (await requestFrom('127.0.0.2', p)).headers['x-dateline-cache'];
  for (const p of pages) await cacheOf(p);
  for (const p of pages) assert.equal(await cacheOf(p), 'hit', p);

  // A reader sends a comment (pending: counters and a spent token written): no page changes.
  assert.equal((await sendComment(server.url, story, { title: 'Seen after approval' })).status, 303);
  await sleep(1000);
  for (const p of pages) assert.equal(await cacheOf(p), 'hit', `${p} after a pending comment`);

  const id = dateline(['comments', '--data', data.dir, 'list', '--status', 'pending']).stdout
    .split('\n').find((l) => l.includes('Seen after approval')).split('\t')[0];
  assert.equal(dateline(['comments', '--data', data.dir, 'approve', id]).status, 0);
  const deadline = Date.now() + 3000;
  let state = 'hit';
  while (state === 'hit' && Date.now() < deadline) {
    await sleep(100);
    state = await cacheOf(story);
  }
  assert.equal(state, 'miss', 'the story is rendered again with its comment');
  assert.match((await requestFrom('127.0.0.2', story)).body, /Seen after approval/);
  assert.equal(await cacheOf('/en/'), 'hit', 'the home page is kept');
  assert.equal(await cacheOf(other), 'hit', 'another story is kept');
});

test('Host headers no site has get a small fixed answer; spellings of one URL share one page', async () => {
  await restart();
  for (let i = 0; i < 50; i += 1) {
    const r = await requestFrom('127.0.0.2', '/en/', { headers: { host: `x${i}-${Math.random().toString(36).slice(2)}.example` } });
    assert.equal(r.status, 421);
    assert.ok(r.body.length < 100, 'a short answer');
    assert.equal(r.headers['x-dateline-cache'], undefined, 'nothing rendered or cached');
  }
  const first = await requestFrom('127.0.0.2', '/en/?comments=1', { headers: { host: `127.0.0.1:${server.port}` } });
  assert.equal(first.status, 200);
  for (const [host, target] of [['localhost:8080', '/en/'], ['LOCALHOST:8080', '/en/?comments=0001'],
    [`127.0.0.1:${server.port}`, '/en/?comments=01'], ['[::1]:8080', '/en/']]) {
    const r = await requestFrom('127.0.0.2', target, { headers: { host } });
    assert.equal(r.status, 200, `${host} ${target}`);
    assert.equal(r.headers['x-dateline-cache'], 'hit', `${host} ${target} is the page already cached`);
  }
});
