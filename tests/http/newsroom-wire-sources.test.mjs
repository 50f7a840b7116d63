// The wire sources in the newsroom, for admins: a folder and a feed's address added through the
// form (each checked, its problem named in the person's language with what they typed kept),
// listed with a URL source's schedule, and removed; everyone else is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateline, useDemoServer } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';

const demo = useDemoServer();
let drop;

before(() => {
  addUser(demo.data.dir, 'chief@news.example', 'admin', []);
  addUser(demo.data.dir, 'editor@news.example', 'editor', ['en', 'ar']);
  drop = mkdtempSync(join(tmpdir(), 'dateline-drop-'));
});

after(() => {
  if (drop) rmSync(drop, { recursive: true, force: true });
});

async function signedIn(email) {
  const b = new Browser(demo.server.url);
  assert.equal((await b.signIn(email)).status, 303);
  return b;
}

async function add(b, fields) {
  const form = { name: '', url: '', every: '60', folder: '', where: 'en', ...fields,
    form_token: await b.formToken('/newsroom/') };
  return b.request('/newsroom/wires/sources', { method: 'POST', form });
}

const listed = () => dateline(['wires', 'list', '--data', demo.data.dir]).stdout.trim().split('\n').filter(Boolean);

test('an admin adds a folder and an address, sees them listed, and removes one', async () => {
  const b = await signedIn('chief@news.example');
  let page = await (await b.request('/newsroom/wires/sources')).text();
  assert.match(page, /No source yet/);
  assert.match(await (await b.request('/newsroom/wires')).text(), /href="\/newsroom\/wires\/sources"/);

  let res = await add(b, { name: 'gulf-drop', folder: drop, where: 'en/world', auto_publish: '1' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/newsroom/wires/sources?done=added');
  res = await add(b, { name: 'coast-feed', url: 'https://wire.example.org/coast.rss', every: '300', where: 'ar' });
  assert.equal(res.status, 303);
  assert.deepEqual(listed().map((l) => l.split('\t').slice(0, 6)), [
    ['coast-feed', 'https://wire.example.org/coast.rss', 'ar', '', 'queue', 'every 300s'],
    ['gulf-drop', drop, 'en', 'world', 'publish'],
  ]);
  page = await (await b.request('/newsroom/wires/sources?done=added')).text();
  assert.match(page, /The source is added/);
  assert.match(page, /pulled every 300 seconds/);

  res = await b.request('/newsroom/wires/sources/coast-feed/remove',
    { method: 'POST', form: { form_token: await b.formToken('/newsroom/') } });
  assert.equal(res.status, 303);
  assert.deepEqual(listed().map((l) => l.split('\t')[0]), ['gulf-drop']);
});

test('a refused source names its problem in the person\'s language and keeps what they typed', async () => {
  const b = await signedIn('chief@news.example');
  for (const [fields, problem] of [
    [{ name: 'no spaces allowed', folder: drop }, /The name must have 1 to 64 letters/],
    [{ name: 'gulf-drop', folder: drop }, /There is already a source of that name/],
    [{ name: 'nowhere', folder: join(drop, 'missing') }, /Give a folder that exists on the server/],
    [{ name: 'ftp-feed', url: 'ftp://wire.example.org/x' }, /must be an http or https URL/],
    [{ name: 'both', url: 'https://wire.example.org/x', folder: drop }, /comes without a folder/],
    [{ name: 'too-often', url: 'https://wire.example.org/x', every: '2' }, /Pull every 10 to 86,400 seconds/],
    [{ name: 'bad-section', folder: drop, where: 'en/no-such-section' }, /That section is not the chosen site/],
    [{ name: 'empty' }, /Give a folder that exists on the server/],
  ]) {
    const res = await add(b, fields);
    assert.equal(res.status, 422, JSON.stringify(fields));
    const page = await res.text();
    assert.match(page, problem, JSON.stringify(fields));
    assert.match(page, /aria-invalid="true"/, 'the field is marked');
    if (fields.name) assert.ok(page.includes(`value="${fields.name}"`), 'what was typed stays');
  }
  const arabic = await (await b.request('/newsroom/wires/sources?lang=ar')).text();
  assert.match(arabic, /مصادر الوكالات/);
  const res = await add(b, { name: 'too-often', url: 'https://wire.example.org/x', every: '2' });
  assert.match(await res.text(), /اسحبه كل 10 إلى 86400 ثانية/);
  assert.deepEqual(listed().map((l) => l.split('\t')[0]), ['gulf-drop'], 'nothing added');
});

test('an editor reads the queue but may not touch its sources', async () => {
  const b = await signedIn('editor@news.example');
  assert.equal((await b.request('/newsroom/wires')).status, 200);
  assert.doesNotMatch(await (await b.request('/newsroom/wires')).text(), /wires\/sources/);
  assert.equal((await b.request('/newsroom/wires/sources')).status, 403);
  assert.equal((await add(b, { name: 'sneaky', folder: drop })).status, 403);
  const res = await b.request('/newsroom/wires/sources/gulf-drop/remove',
    { method: 'POST', form: { form_token: await b.formToken('/newsroom/') } });
  assert.equal(res.status, 403);
  assert.deepEqual(listed().map((l) => l.split('\t')[0]), ['gulf-drop']);
});
