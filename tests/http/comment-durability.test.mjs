// Never lost once accepted: the server is killed (SIGKILL) in the middle of a burst of
// submissions; after a restart every comment whose reader got the "received" answer is there,
// whole, and nothing else is half there.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { get, makeDataDir, startServer } from '../support/dateline.mjs';
import { goodFields, postForm, solveCheck } from '../support/comments.mjs';

const env = {
  DATELINE_PAGE_CACHE_MB: '0',
  DATELINE_COMMENT_CHECK_DIFFICULTY: '10',
  DATELINE_COMMENT_MIN_FILL_SECONDS: '0',
  DATELINE_COMMENT_ADDRESS_LIMIT: '1000',
};
const total = 120;
const killAt = 20;  // answers seen before the kill: the rest of the burst is still in flight

let data;
let server;

after(async () => {
  await server?.stop();
  data?.remove();
});

const expected = (i) => ({
  title: `Burst ${i}`,
  name: `Reader ${i}`,
  email: `reader${i}@example.com`,
  body: `Burst comment number ${i}, written to survive a crash.`,
});

test('every comment answered "received" survives a SIGKILL mid-burst, and nothing is half there', async (t) => {
  data = makeDataDir();
  server = await startServer(data.dir, [], { env });
  const home = await (await get(`${server.url}/en/`)).text();
  const path = home.match(/class="card__headline"><a href="([^"]+)"/)[1];
  // Solve every check first, so that the burst is only submissions.
  const checks = [];
  for (let i = 0; i < total; i += 1) checks.push(await solveCheck(server.url, path));

  const answered = new Set();
  let killedAfter = null;
  const victim = server;
  const kill = () => {
    if (killedAfter !== null) return;
    killedAfter = answered.size;
    victim.process.kill('SIGKILL');
  };
  const sends = checks.map((altcha, i) => {
    const e = expected(i);
    return postForm(`${server.url}${path}`, goodFields({
      altcha, title: e.title, name: e.name, email: e.email, comment: e.body,
    })).then((r) => {
      if (r.status === 303) answered.add(i);
      if (answered.size >= killAt) kill();  // at once, from the answer itself
    }, () => {});
  });
  const deadline = setTimeout(kill, 10_000);
  await Promise.allSettled(sends);
  clearTimeout(deadline);
  kill();
  assert.equal(await server.exited, 'SIGKILL');
  assert.ok(answered.size < total, `the kill came mid-burst (${answered.size} of ${total} answered)`);

  server = await startServer(data.dir, [], { env });
  assert.equal((await get(`${server.url}${path}`)).status, 200);
  const rows = data.sql('SELECT title, author_name, email, body, status FROM comments ORDER BY id')
    .trim().split('\n').filter(Boolean).map((line) => line.split('|'));
  const stored = new Map();
  for (const [title, name, email, body, status] of rows) {
    const i = Number(title.replace('Burst ', ''));
    assert.deepEqual({ title, name, email, body }, expected(i), 'a stored comment is whole');
    assert.equal(status, 'pending');
    assert.ok(!stored.has(i), `Burst ${i} stored twice`);
    stored.set(i, true);
  }
  for (const i of answered) assert.ok(stored.has(i), `Burst ${i} was answered "received" but is gone`);
  t.diagnostic(`${total} sent, ${killedAfter} answered when the kill was sent, ${answered.size} in all, ${stored.size} stored`);
});
