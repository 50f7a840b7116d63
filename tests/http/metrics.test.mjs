// /metrics: what an operator's Prometheus scrapes, on its own address and only when configured,
// read back by the official Prometheus client's parser of the text format (Debian's
// python3-prometheus-client), which refuses what Prometheus would refuse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { get, makeDataDir, startServer, waitUntil } from '../support/dateline.mjs';
import { postForm } from '../support/comments.mjs';

let data;
let server;
let metricsUrl;

before(async () => {
  data = makeDataDir();
  server = await startServer(data.dir, ['--metrics-listen', '127.0.0.1:0']);
  await waitUntil('the server says where its metrics are', () => /Metrics at (http:\S+)\n/.test(server.stdout()));
  metricsUrl = server.stdout().match(/Metrics at (http:\S+)\n/)[1];
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, 'the server stops cleanly');
  data?.remove();
});

const parser = `
import json, sys
from prometheus_client.parser import text_string_to_metric_families
print(json.dumps([{"family": f.name, "type": f.type, "name": s.name, "labels": s.labels, "value": s.value}
                  for f in text_string_to_metric_families(sys.stdin.read()) for s in f.samples]))
`;

/** The scrape, parsed: every sample, a family's type, and a sample's value by name and labels. */
async function scrape() {
  const r = await get(metricsUrl);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  const parsed = spawnSync('/usr/bin/python3', ['-c', parser], { input: await r.text(), encoding: 'utf8', timeout: 30_000 });
  assert.equal(parsed.status, 0, `the exposition parses: ${parsed.stderr}`);
  const samples = JSON.parse(parsed.stdout);
  const typeOf = (name) => samples.find((s) => s.name === name)?.type;
  const value = (name, labels = {}) => {
    assert.ok(samples.some((s) => s.name === name), `${name} is reported`);
    return samples.find((s) => s.name === name &&
      Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
  };
  return { samples, typeOf, value };
}

/**
 * The first scrape that shows `what` (`seen(scrape)` true). A response is counted once it has
 * been written, which the client may see a moment before the server's thread records it.
 */
async function scrapeShowing(what, seen) {
  let last;
  await waitUntil(what, async () => {
    last = await scrape();
    try {
      return seen(last);
    } catch {
      return false;  // a family not reported yet
    }
  });
  return last;
}

test('requests are counted by route, method and status, and the cache says how it answered', async () => {
  const br = { headers: { 'Accept-Encoding': 'br' } };
  const first = await get(`${server.url}/en/`, br);
  assert.equal(first.headers.get('x-dateline-cache'), 'miss');
  const again = await get(`${server.url}/en/`, br);
  assert.equal(again.headers.get('x-dateline-cache'), 'hit');
  const story = (await first.text()).match(/class="card__headline"><a href="([^"]+)"/)[1];
  assert.equal((await get(`${server.url}${story}`, br)).status, 200);
  assert.equal((await get(`${server.url}/en/no-such-section/no-such-story`)).status, 404);

  const { typeOf, value } = await scrapeShowing('the four requests are counted', (m) =>
    m.value('dateline_http_request_duration_seconds_count', { route: '/{site}/' }) === 2 &&
    m.value('dateline_http_requests_total', { route: '/{site}/{section}/{slug}', method: 'GET', status: '404' }) === 1);
  assert.equal(typeOf('dateline_http_requests_total'), 'counter');
  assert.equal(value('dateline_http_requests_total', { route: '/{site}/', method: 'GET', status: '200' }), 2);
  assert.equal(value('dateline_http_requests_total', { route: '/{site}/{section}/{slug}', method: 'GET', status: '200' }), 1);
  assert.equal(value('dateline_http_requests_total', { route: '/{site}/{section}/{slug}', method: 'GET', status: '404' }), 1,
    'a story that is not there is counted under its route, with its status');
  assert.equal(typeOf('dateline_http_request_duration_seconds_count'), 'histogram');
  assert.equal(value('dateline_http_request_duration_seconds_count', { route: '/{site}/' }), 2);
  assert.ok(value('dateline_http_request_duration_seconds_sum', { route: '/{site}/' }) > 0, 'time was spent');
  assert.equal(value('dateline_http_request_duration_seconds_bucket', { route: '/{site}/', le: '+Inf' }), 2);

  // One render of the home page (the second request was a hit), timed under its route.
  assert.equal(value('dateline_page_render_duration_seconds_count', { route: '/{site}/' }), 1);
  assert.ok(value('dateline_page_cache_requests_total', { outcome: 'hit' }) >= 1);
  assert.ok(value('dateline_page_cache_requests_total', { outcome: 'miss' }) >= 2);
  assert.ok(value('dateline_page_cache_pages') >= 2, 'the home page and the story are kept');
  assert.ok(value('dateline_page_cache_bytes') > 1000);
  assert.equal(value('dateline_page_cache_evictions_total'), 0);
  // Each page kept was compressed once, fast, in the one coding its readers took.
  const compressions = (coding, effort) => value('dateline_page_cache_compressions_total', { coding, effort });
  assert.equal(compressions('br', 'fast'), 2, 'the home page and the story');
  assert.equal(compressions('br', 'thorough'), 0, 'neither was read often enough');
  assert.equal(compressions('gzip', 'fast') + compressions('gzip', 'thorough'), 0, 'nobody took gzip');
  assert.equal(value('dateline_page_cache_decodes_total'), 0, 'nobody took a plain page');
  assert.ok(value('dateline_db_leases_total') > 0, 'renders borrowed database connections');
  assert.ok(value('dateline_db_lease_seconds_total') > 0);
  assert.equal(value('dateline_db_connections', { state: 'in_use' }), 0, 'every connection came back');
  assert.ok(value('dateline_db_connections', { state: 'idle' }) > 0);

  // A reader of the plain story: its body decoded once from the Brotli one kept, then kept too.
  const plain = { headers: { 'Accept-Encoding': 'identity' } };
  for (let i = 0; i < 2; ++i) {
    const r = await get(`${server.url}${story}`, plain);
    assert.equal(r.headers.get('content-encoding'), null);
    assert.match(await r.text(), /<\/html>/);
  }
  await scrapeShowing('the plain story is decoded from its Brotli body, once', (m) =>
    m.value('dateline_page_cache_decodes_total') === 1);
});

test('comment submissions are counted by outcome', async () => {
  const home = await (await get(`${server.url}/en/`)).text();
  const story = home.match(/class="card__headline"><a href="([^"]+)"/)[1];
  const before = (await scrape()).value('dateline_comment_submissions_total', { outcome: 'invalid' });
  const r = await postForm(`${server.url}${story}`, { name: '', comment: '' });
  assert.equal(r.status, 422, 'an empty form is refused');
  const after = await scrapeShowing('the POST is counted', (m) =>
    m.value('dateline_http_requests_total', { route: '/{site}/{section}/{slug}', method: 'POST', status: '422' }) === 1);
  assert.equal(after.value('dateline_comment_submissions_total', { outcome: 'invalid' }), before + 1);
  assert.equal(after.value('dateline_comment_submissions_total', { outcome: 'received' }), 0);
  assert.equal(after.value('dateline_http_requests_total', { route: '/{site}/{section}/{slug}', method: 'POST', status: '422' }), 1);
  assert.ok(after.value('dateline_page_cache_requests_total', { outcome: 'pass' }) >= 1, 'a POST is never kept');
});

test('the readers\' port has no /metrics, and the metrics port has nothing else', async () => {
  const onReaderPort = await get(`${server.url}/metrics`);
  assert.notEqual(onReaderPort.status, 200);
  assert.doesNotMatch(await onReaderPort.text(), /dateline_http_requests_total/);
  const other = await get(metricsUrl.replace('/metrics', '/en/'));
  assert.equal(other.status, 404);
  const post = await fetch(metricsUrl, { method: 'POST', body: '' });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('allow'), 'GET, HEAD');
});

test('without --metrics-listen nothing is served: metrics are off unless configured', async () => {
  const plain = await startServer(data.dir);
  try {
    assert.doesNotMatch(plain.stdout(), /Metrics at/);
    await get(`${plain.url}/en/`);
    assert.doesNotMatch(plain.stdout(), /Metrics at/);
  } finally {
    assert.equal(await plain.stop(), 0);
  }
});
