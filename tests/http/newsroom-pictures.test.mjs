// A story's lead picture uploaded in the newsroom: decoded by libvips, turned upright, stripped
// of its metadata, stored with its smaller copies and shown to readers; hostile files (the wrong
// type behind a picture's name, a header claiming a billion pixels, a file cut short) refused
// with nothing kept; the upload's larger body allowed only there, with a session cookie, and only
// a few at a time.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { changesShowAtOnce, dateline, get, repoRoot, useDemoServer } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';
import { answerToHead } from '../support/raw-http.mjs';
import { solidPng, noisyPng, claimMoreRows, jpegSize, turnedJpeg } from '../support/images.mjs';

const demo = useDemoServer({ env: changesShowAtOnce });
const harbour = readFileSync(join(repoRoot, 'tests/fixtures/ninjs/images/harbour-dawn.jpg'));
// A photograph large enough to get smaller copies (the demo's own, drawn for the project).
const skyline = readFileSync(join(repoRoot, 'demo/images/city-skyline-dusk.jpg'));
const mediaFiles = () => readdirSync(join(demo.data.dir, 'media')).sort();
const mediaRows = () => demo.data.sql('SELECT COUNT(*) FROM media').trim();

before(() => {
  addUser(demo.data.dir, 'editor@news.example', 'editor', ['en']);
  addUser(demo.data.dir, 'writer@news.example', 'author', ['en']);
});

async function signedIn(email) {
  const b = new Browser(demo.server.url);
  assert.equal((await b.signIn(email)).status, 303);
  return b;
}

async function newStory(b, headline, slug) {
  const token = await b.formToken('/newsroom/');
  const res = await b.request('/newsroom/articles/new', {
    method: 'POST',
    form: { site: 'en', headline, slug, body: 'Text.', section: 'region', lead_caption: 'Cranes at dawn', lead_credit: 'Photo desk', form_token: token, intent: 'save' },
  });
  assert.equal(res.status, 303, await res.text());
  return Number(res.headers.get('location').match(/articles\/(\d+)/)[1]);
}

async function upload(b, id, bytes, { name = 'photo.jpg', type = 'image/jpeg', revision, remove } = {}) {
  const form = new FormData();
  form.append('form_token', await b.formToken('/newsroom/'));
  form.append('revision', String(revision ?? demo.data.sql(`SELECT revision FROM articles WHERE id = ${id}`).trim()));
  if (bytes) form.append('picture', new Blob([bytes], { type }), name);
  else form.append('picture', new Blob([], { type: 'application/octet-stream' }), '');
  if (remove) form.append('remove', '1');
  return b.request(`/newsroom/articles/${id}/picture`, { method: 'POST', multipart: form });
}

test('a sideways photograph is stored upright, without its metadata, and shown to readers', async () => {
  const b = await signedIn('editor@news.example');
  const id = await newStory(b, 'Cranes at dawn', 'cranes-at-dawn');
  const res = await upload(b, id, turnedJpeg(skyline));
  assert.equal(res.status, 303, await res.text());
  assert.equal(res.headers.get('location'), `/newsroom/articles/${id}?done=picture`);
  const page = await (await b.request(res.headers.get('location'))).text();
  assert.match(page, /The picture is the story&#39;s lead picture\./);
  const [file, width, height] = demo.data.sql(`SELECT m.file_name, m.width, m.height FROM articles a
    JOIN media m ON m.id = a.lead_media_id WHERE a.id = ${id}`).trim().split('|');
  const original = jpegSize(skyline);
  assert.deepEqual([Number(width), Number(height)], [original.height, original.width], 'turned upright');
  const stored = readFileSync(join(demo.data.dir, 'media', file));
  assert.equal(stored.indexOf('DatelineCam'), -1, 'the camera maker is gone');
  assert.equal(stored.indexOf('Exif'), -1, 'no Exif segment at all');
  assert.equal(demo.data.sql(`SELECT revision FROM articles WHERE id = ${id}`).trim(), '2');
  assert.match(page, new RegExp(`<img class="picture__current" src="/media/${file}"`));
  assert.equal((await get(`${demo.server.url}/media/${file}`)).status, 200);

  assert.equal((await b.request(`/newsroom/articles/${id}/action`, { method: 'POST', form: { form_token: await b.formToken('/newsroom/'), action: 'publish' } })).status, 303);
  const reader = await (await get(`${demo.server.url}/en/region/cranes-at-dawn`)).text();
  const stem = file.replace('.jpg', '');
  assert.match(reader, new RegExp(`<img src="/media/${file}" srcset="[^"]*/media/${stem}-w480\\.jpg 480w`));
  // Browsers that take WebP choose from its copies, the same widths in fewer bytes.
  const webp = reader.match(/<source type="image\/webp" srcset="([^"]+)"/);
  assert.ok(webp, 'a WebP source in the story\'s <picture>');
  const smaller = [240, 480, 960].filter((w) => w < Number(width)).map((w) => `/media/${stem}-w${w}.webp ${w}w, `);
  assert.equal(webp[1], `${smaller.join('')}/media/${stem}.webp ${width}w`);
  const copy = await get(`${demo.server.url}/media/${stem}.webp`);
  assert.equal(copy.status, 200);
  assert.equal(copy.headers.get('content-type'), 'image/webp');
  assert.ok(Number(copy.headers.get('content-length')) < stored.length, 'smaller than the JPEG');
  assert.match(reader, /<span class="story__caption">Cranes at dawn<\/span>/);

  const removed = await upload(b, id, null, { remove: true });
  assert.equal(removed.status, 303);
  assert.equal(removed.headers.get('location'), `/newsroom/articles/${id}?done=picture_removed`);
  assert.equal(demo.data.sql(`SELECT COUNT(*) FROM articles WHERE id = ${id} AND lead_media_id IS NULL`).trim(), '1');
});

test('a picture larger than a form (3 MB) is taken on the picture form', async () => {
  const b = await signedIn('editor@news.example');
  const id = await newStory(b, 'A large photograph', 'a-large-photograph');
  const big = noisyPng(1100, 1000);
  assert.ok(big.length > 3 * 1024 * 1024, `${big.length} bytes`);
  const res = await upload(b, id, big, { name: 'large.png', type: 'image/png' });
  assert.equal(res.status, 303, await res.text());
  assert.equal(demo.data.sql(`SELECT m.width FROM articles a JOIN media m ON m.id = a.lead_media_id WHERE a.id = ${id}`).trim(), '1100');
});

test('hostile and broken files are refused in the person\'s language, and nothing is kept', async () => {
  const b = await signedIn('editor@news.example');
  const id = await newStory(b, 'Refused pictures', 'refused-pictures');
  const files = mediaFiles();
  const rows = mediaRows();
  const png = solidPng([30, 90, 150]);
  const hostile = {
    'an HTML page named like a photograph': [Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg', 'image/jpeg'],
    'a PNG whose header claims a billion pixels': [solidPng([1, 2, 3], 50, 2, { claim: [40000, 40000] }), 'bomb.png', 'image/png'],
    'a PNG cut short': [png.subarray(0, Math.floor(png.length * 2 / 3)), 'cut.png', 'image/png'],
    'a JPEG with fewer rows than its header claims': [claimMoreRows(harbour, 8), 'tall.jpg', 'image/jpeg'],
  };
  for (const [what, [bytes, name, type]] of Object.entries(hostile)) {
    const res = await upload(b, id, bytes, { name, type });
    assert.equal(res.status, 422, what);
    const html = await res.text();
    assert.match(html, /not a picture the newsroom takes/, what);
    assert.match(html, /id="picture"[^>]*aria-invalid="true"/, what);
  }
  const arabic = await b.request('/newsroom/?lang=ar');
  assert.equal(arabic.status, 200);
  const none = await upload(b, id, null);
  assert.equal(none.status, 422);
  assert.match(await none.text(), /اختر صورة أولًا/);
  assert.deepEqual(mediaFiles(), files, 'no file left in the media folder');
  assert.equal(mediaRows(), rows, 'no media row');
  assert.equal(demo.data.sql(`SELECT revision FROM articles WHERE id = ${id}`).trim(), '1');
});

test('an author may not picture another\'s story; a stale revision is told; forms stay small', async () => {
  const editor = await signedIn('editor@news.example');
  const id = await newStory(editor, 'Not the writer\'s', 'not-the-writers');
  const writer = await signedIn('writer@news.example');
  const files = mediaFiles();
  assert.equal((await upload(writer, id, solidPng([200, 10, 10]))).status, 403);
  assert.deepEqual(mediaFiles(), files, 'refused before the picture was stored');
  const stale = await upload(editor, id, solidPng([10, 200, 10]), { revision: 0 });
  assert.equal(stale.status, 409);
  assert.deepEqual(mediaFiles(), files, 'a save refused leaves no file behind');
  // The upload's allowance is the picture form's alone: a story's text form keeps the small
  // limit. The server answers from the announced length, before reading any of the body.
  assert.match(await headOnly(`/newsroom/articles/${id}`, 2 * 1024 * 1024), /^HTTP\/1\.1 413 /);
  assert.match(await headOnly(`/newsroom/articles/${id}/picture`, 26 * 1024 * 1024), /^HTTP\/1\.1 413 /);
});

/** Sends a POST's head announcing `length` bytes of body, and none of them; the answer's head. */
function headOnly(path, length, extra = '') {
  const url = new URL(demo.server.url);
  return answerToHead(Number(url.port), `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\n${extra}` +
    `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${length}\r\n\r\n`);
}

test('a few uploads are read at once; one more gets 503 before its body is read', async () => {
  const url = new URL(demo.server.url);
  const held = [];
  const open = () => new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
    socket.on('error', reject);
  });
  const answer = (socket) => new Promise((resolve) => {
    let text = '';
    socket.on('data', (d) => { text += d; if (text.includes('\r\n\r\n')) resolve(text); });
    socket.on('close', () => resolve(text));
  });
  // Only a request with a session cookie gets one of the places (the cookie is checked later,
  // with the form): without one, the body keeps a form's limit.
  const head = (length, cookie = `Cookie: dateline_session=${'0'.repeat(64)}\r\n`) =>
    `POST /newsroom/articles/1/picture HTTP/1.1\r\nHost: ${url.host}\r\n${cookie}` +
    `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${length}\r\n\r\n`;
  try {
    for (let i = 0; i < 4; i++) {
      const socket = await open();
      socket.write(head(1024 * 1024) + '--x\r\n');  // and then nothing more for now
      held.push(socket);
    }
    await new Promise((r) => setTimeout(r, 200));
    const fifth = await open();
    held.push(fifth);
    const replied = answer(fifth);
    fifth.write(head(10));
    assert.match(await replied, /^HTTP\/1\.1 503 /);
    const anonymous = await open();
    held.push(anonymous);
    const told = answer(anonymous);
    anonymous.write(head(2 * 1024 * 1024, ''));
    assert.match(await told, /^HTTP\/1\.1 413 /, 'no cookie: a form\'s limit, not a place');
  } finally {
    for (const s of held) s.destroy();
  }
  // The slots free up once those connections are gone.
  await new Promise((r) => setTimeout(r, 200));
  const b = await signedIn('editor@news.example');
  const id = await newStory(b, 'After the rush', 'after-the-rush');
  assert.equal((await upload(b, id, solidPng([5, 5, 250]))).status, 303);
});

test('pictures stored before their copies existed get them from `dateline media copies`, then offer them', async () => {
  const b = await signedIn('editor@news.example');
  const id = await newStory(b, 'An older picture', 'an-older-picture');
  assert.equal((await upload(b, id, skyline)).status, 303);
  const [mediaId, file, width] = demo.data.sql(`SELECT m.id, m.file_name, m.width FROM articles a
    JOIN media m ON m.id = a.lead_media_id WHERE a.id = ${id}`).trim().split('|');
  const stem = file.replace('.jpg', '');
  // As a picture stored by an earlier release: no WebP files, no crops and no thumbnail, none
  // recorded.
  const copies = mediaFiles().filter((f) => f.startsWith(stem) && f.endsWith('.webp'));
  assert.equal(copies.length, 4, 'the picture and its three smaller copies');
  const crops = ['16x9', '4x3', '1x1'].map((ratio) => `${stem}-${ratio}.jpg`);
  const thumbnail = `${stem}-w240.jpg`;
  for (const made of [...crops, thumbnail]) assert.ok(mediaFiles().includes(made), `${made} was written`);
  for (const copy of [...copies, ...crops, thumbnail]) rmSync(join(demo.data.dir, 'media', copy));
  demo.data.sql(`UPDATE media SET copies = 0 WHERE id = ${mediaId}`);
  assert.equal((await b.request(`/newsroom/articles/${id}/action`, { method: 'POST', form: { form_token: await b.formToken('/newsroom/'), action: 'publish' } })).status, 303);
  const before = await (await get(`${demo.server.url}/en/region/an-older-picture`)).text();
  assert.match(before, new RegExp(`<img src="/media/${file}"`));
  assert.ok(!before.includes(`/media/${stem}-w480.webp`), 'no WebP offered while there is none');
  assert.ok(!before.includes(`/media/${stem}-w240.`), 'no thumbnail offered while there is none');
  assert.match(before, new RegExp(`srcset="/media/${stem}-w480\\.jpg 480w, `));

  // A row whose file is gone is named and skipped; the others are done all the same.
  demo.data.sql(`INSERT INTO media (file_name, mime_type, width, height, bytes, created_at, copies)
    VALUES ('00ff00ff.jpg', 'image/jpeg', 100, 100, 10, 0, 0)`);
  const run = dateline(['media', 'copies', '--data', demo.data.dir]);
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stdout, '1 picture given their copies.\n');
  assert.match(run.stderr, /^00ff00ff\.jpg: The stored picture 00ff00ff\.jpg cannot be decoded\.\n/);
  assert.match(run.stderr, /1 picture\(s\) could not be read/);
  demo.data.sql("DELETE FROM media WHERE file_name = '00ff00ff.jpg'");
  assert.deepEqual(mediaFiles().filter((f) => f.startsWith(stem) && f.endsWith('.webp')), copies);
  for (const made of [...crops, thumbnail]) assert.ok(mediaFiles().includes(made), `${made} written again`);
  assert.equal(demo.data.sql(`SELECT copies FROM media WHERE id = ${mediaId}`).trim(), '3');
  const after = await (await get(`${demo.server.url}/en/region/an-older-picture`)).text();
  assert.match(after, new RegExp(`<source type="image/webp" srcset="/media/${stem}-w240\\.webp 240w, /media/${stem}-w480\\.webp 480w, /media/${stem}-w960\\.webp 960w, /media/${stem}\\.webp ${width}w"`));
  assert.match(after, new RegExp(`srcset="/media/${stem}-w240\\.jpg 240w, /media/${stem}-w480\\.jpg 480w, `));
  const small = await get(`${demo.server.url}/media/${thumbnail}`);
  assert.equal(small.status, 200);
  assert.equal(jpegSize(Buffer.from(await small.arrayBuffer())).width, 240);
  // The first release's name for the command still works.
  const again = dateline(['media', 'webp', '--data', demo.data.dir]);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout, '0 pictures given their copies.\n', 'nothing left to do');
});
