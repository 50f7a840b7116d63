// /healthz says the process answers; /readyz that it can serve readers: the database answers and
// its schema is this binary's, as a load balancer or an orchestrator asks before sending traffic
// (during a rolling upgrade, a node of the other release is not ready).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, useDemoServer } from '../support/dateline.mjs';

const demo = useDemoServer();

test('a node on a current database is ready, and says so on every host without caching it', async () => {
  const res = await get(`${demo.server.url}/readyz`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'ready\n');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const other = await get(`${demo.server.url}/readyz`, { headers: { Host: 'news.example' } });
  assert.equal(other.status, 200, 'the network\'s own path, before any site is matched');
});

test('a database whose schema is not this binary\'s makes the node not ready, and alive', async () => {
  const newest = Number(demo.data.sql('SELECT MAX(version) FROM schema_migrations').trim());
  const name = demo.data.sql(`SELECT name FROM schema_migrations WHERE version = ${newest}`).trim();
  demo.data.sql(`DELETE FROM schema_migrations WHERE version = ${newest}`);
  try {
    const res = await get(`${demo.server.url}/readyz`);
    assert.equal(res.status, 503);
    assert.equal(await res.text(), `The database is at schema version ${newest - 1}, this program's is ${newest}.\n`);
    assert.equal((await get(`${demo.server.url}/healthz`)).status, 200, 'alive all the same');
  } finally {
    demo.data.sql(`INSERT INTO schema_migrations (version, name) VALUES (${newest}, '${name}')`);
  }
  assert.equal((await get(`${demo.server.url}/readyz`)).status, 200);
});
