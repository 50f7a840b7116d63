// Scheduled publishing across restarts and nodes: a story scheduled in the newsroom is published
// when its time comes by a server started after it was scheduled, and by exactly one of two
// servers sharing the database (SQLite here; PostgreSQL in the http_postgres run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDataDir, startServer, waitUntil } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

// A wall time in Dubai (UTC+4 all year, the demo sites' zone) as a datetime-local field takes it.
const dubaiLocal = (ms) => new Date(ms + 4 * 3600_000).toISOString().slice(0, 16);

test('a scheduled story is published at its time after a restart, by one of two nodes', async () => {
  const data = makeDataDir();
  const servers = [];
  try {
    addUser(data.dir, 'editor@news.example', 'editor', ['en']);
    const first = await startServer(data.dir);
    servers.push(first);
    const b = new Browser(first.url);
    assert.equal((await b.signIn('editor@news.example')).status, 303);
    const token = await b.formToken('/newsroom/articles/new');
    const created = await b.request('/newsroom/articles/new', {
      method: 'POST',
      form: { site: 'en', headline: 'Polls close at eight', body: 'Counting starts.', section: 'region', form_token: token, intent: 'save' },
    });
    assert.equal(created.status, 303);
    const id = Number(created.headers.get('location').match(/articles\/(\d+)/)[1]);
    const scheduled = await b.request(`/newsroom/articles/${id}/action`, {
      method: 'POST', form: { form_token: token, action: 'schedule', publish_at: dubaiLocal(Date.now() + 30 * 60_000) },
    });
    assert.equal(scheduled.status, 303);
    assert.equal(await first.stop(), 0);
    servers.length = 0;

    // Two nodes on the same database. Both read their clock's offset from the data directory's
    // one file, so moving the first's clock moves the second's too.
    const other = await startServer(data.dir, [], { movableClock: true });
    servers.push(other);
    const a = await startServer(data.dir, [], { movableClock: true });
    servers.push(a);
    assert.equal(data.sql(`SELECT status FROM articles WHERE id = ${id}`).trim(), 'scheduled');
    a.moveClock(3600);
    await waitUntil('the scheduled story is published',
      () => data.sql(`SELECT status FROM articles WHERE id = ${id}`).trim() === 'published', { timeoutMs: 20_000 });
    const said = () => servers.map((s) => s.stdout() + s.stderr()).join('')
      .split('\n').filter((line) => line.includes(`published scheduled story ${id}`)).length;
    await waitUntil('a node says it published the story', () => said() >= 1);
    await new Promise((r) => setTimeout(r, 1500));  // both nodes have looked again since
    assert.equal(said(), 1);
  } finally {
    for (const s of servers) await s.stop();
    data.remove();
  }
});
