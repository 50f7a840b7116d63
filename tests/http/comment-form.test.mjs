// The public comment form: what it asks, how it answers mistakes (in the site's language, with
// everything kept), the security check, the honeypot, the pace and rate limits, forgery from other
// sites, and hostile input in every field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { awaitWholeLimitWindow, dateline, get, makeDataDir, repoRoot, startServer } from '../support/dateline.mjs';
import { activeContent, count, decode } from '../support/html.mjs';
import { checkUrl, goodFields, postForm, questionOn, sendComment, solveCheck } from '../support/comments.mjs';

const guards = {
  DATELINE_PAGE_CACHE_MB: '0',
  DATELINE_COMMENT_CHECK_DIFFICULTY: '20',
  DATELINE_COMMENT_MIN_FILL_SECONDS: '0',
  DATELINE_COMMENT_ADDRESS_LIMIT: '1000',
};

let data;
let server;
let enPath;
let arPath;

async function pageOf(path) {
  return (await get(`${server.url}${path}`)).text();
}

function comments(...args) {
  const r = dateline(['comments', '--data', data.dir, ...args]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => l.split('\t')) : [];
}

// The text of an element with this id, markup removed and entities decoded.
function textById(html, id) {
  const m = html.match(new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`));
  return m ? decode(m[1]) : null;
}

function inputValue(html, id) {
  const m = html.match(new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`));
  return m ? decode(m[1]) : null;
}

// As the HTML parser reads it: a line break right after <textarea> is not part of the value.
function textareaValue(html) {
  const m = html.match(/<textarea[^>]*id="comment-comment"[^>]*>\n?([\s\S]*?)<\/textarea>/);
  return m ? decode(m[1]) : null;
}

// POSTs with several X-Forwarded-For lines, as a client's own and a proxy's would arrive
// (node:http sends an array as separate lines; fetch would join them into one). Resolves to the
// status.
function postWithForwardedLines(fields, lines) {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${enPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body), 'x-forwarded-for': lines },
      timeout: 10_000,
    }, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', reject);
    req.end(body);
  });
}

async function restart(env = {}, options = {}) {
  await server.stop();
  server = await startServer(data.dir, [], { env: { ...guards, ...env }, ...options });
}

before(async () => {
  data = makeDataDir({ arabicIndicDigits: true });  // limits in the site's digits
  server = await startServer(data.dir, [], { env: guards });
  const firstStory = (html) => html.match(/class="card__headline"><a href="([^"]+)"/)[1];
  enPath = firstStory(await pageOf('/en/'));
  arPath = firstStory(await pageOf('/ar/'));
});

after(async () => {
  await server?.stop();
  data?.remove();
});

test('the form appears once under each article, every field required and marked', async () => {
  const html = await pageOf(enPath);
  assert.equal(count(html, '<form class="comment-form__form"'), 1);
  assert.match(html, /<form class="comment-form__form" method="post" action="[^"]+#comment-form" novalidate[ >]/);
  for (const id of ['comment-name', 'comment-email', 'comment-title', 'comment-comment', 'comment-terms']) {
    assert.match(html, new RegExp(`id="${id}"[^>]* required`), id);
    assert.match(html, new RegExp(`<label[^>]*for="${id}">[^<]+<span class="field__required" aria-hidden="true"> \\*</span>`), id);
  }
  assert.match(html, /Every field marked \* is required/);
  assert.match(html, /Security check<span class="field__required"/);
  assert.match(html, /<altcha-widget challenge="\/comment-check\?article=\d+" name="altcha"/);
  assert.match(html, /I agree to the publishing terms/);
  assert.match(html, /data-limit="1500"/);
  assert.match(html, /Up to 80 characters/);
  assert.match(html, /<noscript>/);
  assert.match(html, /<script type="module" src="\/assets\/js\/comment-form.js"><\/script>/);
  // The section comes after the story and before related news.
  assert.ok(html.indexOf('id="comment-form"') > html.indexOf('class="story__footer"'));

  const ar = await pageOf(arPath);
  assert.match(ar, /<html lang="ar" dir="rtl"[ >]/);
  assert.match(ar, /أضف تعليقاً/);
  assert.match(ar, />الاسم<span class="field__required"/);
  assert.match(ar, /حتى ٨٠ حرفاً/);  // the limit in the site's digits
  assert.match(ar, /data-digits="arab"/);
  assert.match(ar, /أوافق على شروط النشر/);
});

test('the widget is the npm package\'s strict-CSP build, served as static files', async () => {
  const dist = join(repoRoot, 'node_modules/altcha/dist');
  for (const [asset, source] of [
    ['vendor/altcha/altcha.min.js', 'external/altcha.min.js'],
    ['vendor/altcha/altcha.css', 'external/altcha.css'],
    ['vendor/altcha/pbkdf2.js', 'workers/pbkdf2.js'],
    ['vendor/altcha/i18n/ar.js', 'i18n/ar.js'],
  ]) {
    const r = await get(`${server.url}/assets/${asset}`);
    assert.equal(r.status, 200, asset);
    const served = Buffer.from(await r.arrayBuffer());
    assert.ok(served.equals(readFileSync(join(dist, source))),
      `${asset} differs from node_modules/altcha; run scripts/vendor-altcha.sh`);
  }
  const script = await get(`${server.url}/assets/js/comment-form.js`);
  assert.match(script.headers.get('content-type'), /^text\/javascript/);
  assert.match(await script.text(), /PBKDF2\/SHA-256/);
});

test('the security check hands out fresh challenges that nothing caches', async () => {
  const url = await checkUrl(server.url, enPath);
  const a = await get(url);
  const b = await get(url);
  assert.equal(a.status, 200);
  assert.equal(a.headers.get('cache-control'), 'no-store');
  assert.match(a.headers.get('content-type'), /^application\/json/);
  const [ca, cb] = [await a.json(), await b.json()];
  assert.equal(ca.parameters.algorithm, 'PBKDF2/SHA-256');
  assert.notEqual(ca.parameters.nonce, cb.parameters.nonce);
  assert.match(ca.signature, /^[0-9a-f]{64}$/);
  const post = await postForm(url, {});
  assert.equal(post.status, 405);
  // A challenge is for one story: the widget names it, and a request naming none is refused.
  for (const bad of ['', '?article=', '?article=0', '?article=7x', '?article=-3']) {
    const r = await get(`${server.url}/comment-check${bad}`);
    assert.equal(r.status, 400, bad);
    assert.equal(r.headers.get('cache-control'), 'no-store');
  }
});

test('a solution earned on one story does not pass on another', async () => {
  const altcha = await solveCheck(server.url, arPath);
  const r = await postForm(`${server.url}${enPath}`, goodFields({ altcha, title: 'Farmed elsewhere' }));
  assert.equal(r.status, 422);
  assert.equal(textById(await r.text(), 'comment-check-error'), 'The security check did not pass. Please try it again.');
  assert.ok(!comments('list').some((l) => l[5] === 'Farmed elsewhere'), 'nothing stored');
});

test('one address, and one IP network, may fetch only so many challenges', async () => {
  await restart({ DATELINE_COMMENT_CHECK_LIMIT: '3', DATELINE_COMMENT_CHECK_SUBNET_LIMIT: '5',
    DATELINE_TRUSTED_PROXIES: '127.0.0.1' });
  await awaitWholeLimitWindow();
  const url = await checkUrl(server.url, enPath);
  const from = (address) => ({ headers: { 'x-forwarded-for': address } });
  for (let i = 0; i < 3; i += 1) assert.equal((await get(url, from('2001:db8:7:7::1'))).status, 200);
  const refused = await get(url, from('2001:db8:7:7::1'));
  assert.equal(refused.status, 429);
  const retry = Number(refused.headers.get('retry-after'));
  assert.ok(retry >= 1 && retry <= 600, `Retry-After ${retry}`);
  // Walking through the addresses of one /64 buys two more, then nothing.
  assert.equal((await get(url, from('2001:db8:7:7::2'))).status, 200);
  assert.equal((await get(url, from('2001:db8:7:7::3'))).status, 200);
  assert.equal((await get(url, from('2001:db8:7:7::4'))).status, 429);
  assert.equal((await get(url, from('2001:db8:7:8::1'))).status, 200, 'another network has its own');
  await restart();
});

test('a good comment is stored before the reader is told it was received', async () => {
  const r = await sendComment(server.url, enPath, { title: 'Stored before the answer' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), `${enPath}?comment=received#comment-form`);
  // The answer came after the commit: the comment is there for moderators already.
  const pending = comments('list', '--status', 'pending');
  assert.ok(pending.some((l) => l[5] === 'Stored before the answer'));

  const confirmation = await get(`${server.url}${enPath}?comment=received`);
  assert.equal(confirmation.headers.get('cache-control'), 'no-store');
  const html = await confirmation.text();
  assert.match(textById(html, 'comment-form-notice'), /Your comment was received and will appear here once a moderator approves it/);
  assert.doesNotMatch(html, /Stored before the answer/);  // pre-moderated

  const id = pending.find((l) => l[5] === 'Stored before the answer')[0];
  comments('approve', id);
  const shown = await pageOf(enPath);
  assert.match(shown, /<h3 class="comment__title">Stored before the answer<\/h3>/);
  assert.match(shown, /<p>Comment \d+: the new berths were overdue.<\/p>\n<p>Let us hope the ferry returns too.<\/p>/);
  assert.doesNotMatch(shown, /rana@example\.com/);
});

test('mistakes come back next to their fields, in the site language, with everything kept', async () => {
  const typed = {
    name: '',
    email: 'not an address',
    title: 'Quotes " and <tags> & Arabic: مرحبا',
    comment: '\r\nFirst line with "quotes" & <b>markup</b>\r\n\r\nSecond paragraph, كلام عربي.',
    terms: 'yes',
  };
  const r = await postForm(`${server.url}${enPath}`, typed);
  assert.equal(r.status, 422);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const html = await r.text();
  assert.equal(textById(html, 'comment-name-error'), 'Enter your name.');
  assert.equal(textById(html, 'comment-email-error'), 'Enter an e-mail address like name@example.com.');
  assert.equal(textById(html, 'comment-check-error'), 'Complete the security check.');
  assert.equal(textById(html, 'comment-title-error'), null);
  assert.match(html, /id="comment-name"[^>]*aria-describedby="comment-name-hint comment-name-error" aria-invalid="true"/);
  assert.match(html, /<li><a href="#comment-email">Enter an e-mail address like name@example.com.<\/a><\/li>/);
  assert.equal(inputValue(html, 'comment-email'), 'not an address');
  assert.equal(inputValue(html, 'comment-title'), typed.title);
  assert.equal(textareaValue(html), typed.comment.replace(/\r\n/g, '\n'));
  assert.match(html, /id="comment-terms"[^>]* checked/);
  assert.deepEqual(activeContent(html), []);

  const ar = await postForm(`${server.url}${arPath}`, { ...typed, name: 'سلمى', terms: '' });
  assert.equal(ar.status, 422);
  const arHtml = await ar.text();
  assert.equal(textById(arHtml, 'comment-email-error'), 'اكتب عنوان بريد إلكتروني مثل name@example.com.');
  assert.equal(textById(arHtml, 'comment-terms-error'), 'ضع علامة في المربع للموافقة على شروط النشر.');
  assert.match(arHtml, /لم يُرسل تعليقك بعد/);
  assert.equal(inputValue(arHtml, 'comment-name'), 'سلمى');
});

test('too long a comment is refused with the limit, counted in characters, and kept', async () => {
  const arabic = 'ع'.repeat(1500);  // 3000 bytes, 1500 characters: allowed
  const ok = await sendComment(server.url, arPath, { comment: arabic, title: 'حد الطول' });
  assert.equal(ok.status, 303);
  const long = `${arabic}ع`;
  const r = await sendComment(server.url, arPath, { comment: long, title: 'أطول من الحد' });
  assert.equal(r.status, 422);
  const html = await r.text();
  assert.equal(textById(html, 'comment-comment-error'), 'اختصر تعليقك إلى ١٥٠٠ حرف أو أقل.');
  assert.equal(textareaValue(html), long);
});

const hostile = [
  { what: 'markup', field: 'comment', value: '<img src=x onerror=alert(1)><script>alert(2)</script>' },
  { what: 'an attribute breakout', field: 'name', value: '" autofocus onfocus="alert(1)' },
  { what: 'a textarea breakout', field: 'comment', value: '</textarea><script>alert(1)</script>' },
  { what: 'a javascript: link', field: 'title', value: 'javascript:alert(1)' },
  { what: 'markup', field: 'email', value: '"><script>alert(1)</script>@evil.example' },
];

for (const { what, field, value } of hostile) {
  test(`${what} in the ${field} stays text, on the form and once published`, async () => {
    const marker = `Hostile ${what}`;
    const fields = { [field]: value, ...(field === 'title' ? {} : { title: marker }) };
    // First a refused submission (no security check): the form shows the value back, inert.
    const refused = await postForm(`${server.url}${enPath}`, goodFields(fields));
    assert.equal(refused.status, 422);
    const form = await refused.text();
    assert.deepEqual(activeContent(form), []);
    // Then a stored one, approved: the article shows it, inert.
    const r = await sendComment(server.url, enPath, fields);
    assert.equal(r.status, 303);
    const row = comments('list', '--status', 'pending').find((l) => l[5] === (field === 'title' ? value : marker));
    comments('approve', row[0]);
    const page = await pageOf(enPath);
    assert.deepEqual(activeContent(page), []);
    const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    if (field === 'email') assert.ok(!page.includes('evil.example'), 'the e-mail is never shown');
    else if (field !== 'comment') assert.ok(page.includes(escaped), `${field} shown as text`);
  });
}

const refusedInput = [
  { what: 'a bidi override', field: 'name', raw: encodeURIComponent('Rana\u202Egnp.exe'), key: 'invalid' },
  { what: 'malformed UTF-8', field: 'title', raw: 'Bad%FFbyte', key: 'invalid' },
  { what: 'a NUL byte', field: 'comment', raw: 'nul%00here', key: 'invalid' },
  { what: 'very long input', field: 'name', raw: 'n'.repeat(10_000), key: 'too_long' },
];

for (const { what, field, raw, key } of refusedInput) {
  test(`${what} in the ${field} is refused with a clear error`, async () => {
    const altcha = await solveCheck(server.url, enPath);
    const fields = new URLSearchParams(goodFields({ altcha, title: `Refused: ${what}` }));
    fields.delete(field);
    const body = `${fields}&${field}=${raw}`;
    const before = comments('list').length;
    const r = await postForm(`${server.url}${enPath}`, body);
    assert.equal(r.status, 422);
    const html = await r.text();
    const error = textById(html, `comment-${field}-error`);
    assert.ok(error, `no error next to ${field}`);
    if (key === 'invalid') assert.match(error, /characters we cannot accept/);
    if (key === 'too_long') assert.match(error, /80 characters or fewer/);
    assert.equal(comments('list').length, before);  // nothing stored
    assert.doesNotMatch(html, /\u0000/);
    assert.deepEqual(activeContent(html), []);
  });
}

test('each security check answer works once', async () => {
  const altcha = await solveCheck(server.url, enPath);
  const first = await postForm(`${server.url}${enPath}`, goodFields({ altcha, title: 'First use' }));
  assert.equal(first.status, 303);
  const again = await postForm(`${server.url}${enPath}`, goodFields({ altcha, title: 'Replayed' }));
  assert.equal(again.status, 422);
  assert.equal(textById(await again.text(), 'comment-check-error'), 'This security check was already used. Please do it again.');
  const forged = JSON.parse(Buffer.from(altcha, 'base64').toString());
  forged.challenge.parameters.cost = 1;
  const tampered = await postForm(`${server.url}${enPath}`, goodFields({
    altcha: Buffer.from(JSON.stringify(forged)).toString('base64'), title: 'Tampered' }));
  assert.equal(textById(await tampered.text(), 'comment-check-error'), 'The security check did not pass. Please try it again.');
  assert.ok(!comments('list').some((l) => l[5] === 'Replayed' || l[5] === 'Tampered'));
});

test('without the widget, the reader answers a question instead', async () => {
  const first = await postForm(`${server.url}${enPath}`, goodFields({ title: 'Sent without scripts' }));
  assert.equal(first.status, 422);
  let html = await first.text();
  let question = questionOn(html);
  assert.ok(question, 'the form asks a question');
  assert.match(question.text, /^What is [a-z]+ plus [a-z]+\? Answer in digits\.$/);
  // A wrong answer: refused, and a new question (the old one is spent).
  const wrong = await postForm(`${server.url}${enPath}`, goodFields({
    title: 'Sent without scripts', question: question.token, answer: String(Number(question.answer) + 1) }));
  assert.equal(wrong.status, 422);
  html = await wrong.text();
  assert.equal(textById(html, 'comment-check-error'), 'The security check did not pass. Please try it again.');
  const second = questionOn(html);
  assert.notEqual(second.token, question.token);
  const right = await postForm(`${server.url}${enPath}`, goodFields({
    title: 'Sent without scripts', question: second.token, answer: second.answer }));
  assert.equal(right.status, 303);

  const ar = await postForm(`${server.url}${arPath}`, goodFields({ title: 'بلا نصوص برمجية' }));
  question = questionOn(await ar.text());
  assert.match(question.text, /^كم يساوي \S+ زائد \S+؟ اكتب الجواب بالأرقام\.$/);
  const arabicDigits = question.answer.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
  const arRight = await postForm(`${server.url}${arPath}`, goodFields({
    title: 'بلا نصوص برمجية', question: question.token, answer: arabicDigits }));
  assert.equal(arRight.status, 303);
});

test('a filled honeypot looks received but files the comment under spam', async () => {
  const r = await sendComment(server.url, enPath, { title: 'Robot offer', website: 'http://spam.example' });
  assert.equal(r.status, 303);
  assert.ok(comments('list', '--status', 'spam').some((l) => l[5] === 'Robot offer'));
  assert.ok(!comments('list', '--status', 'pending').some((l) => l[5] === 'Robot offer'));
});

test('sending the same comment twice keeps one', async () => {
  const fields = { title: 'Said once', comment: 'Only once, please.' };
  assert.equal((await sendComment(server.url, enPath, fields)).status, 303);
  assert.equal((await sendComment(server.url, enPath, fields)).status, 303);
  assert.equal(comments('list').filter((l) => l[5] === 'Said once').length, 1);
});

test('posts forged from other sites, and malformed posts, are refused in the site language', async () => {
  const altcha = await solveCheck(server.url, enPath);
  const fields = goodFields({ altcha, title: 'Forged' });
  const evil = await postForm(`${server.url}${enPath}`, fields, { origin: 'https://evil.example' });
  assert.equal(evil.status, 403);
  assert.match(await evil.text(), /comments can only be sent from the form under our own articles/);
  const crossSite = await postForm(`${server.url}${arPath}`, fields, { 'sec-fetch-site': 'cross-site' });
  assert.equal(crossSite.status, 403);
  assert.match(await crossSite.text(), /يُرجى إرسال النموذج من صفحتنا/);
  for (const headers of [{ 'sec-fetch-site': 'same-site' }, { origin: 'null' },
    { origin: 'http://127.0.0.1.evil.example' }]) {
    const r = await postForm(`${server.url}${enPath}`, fields, headers);
    assert.equal(r.status, 403, JSON.stringify(headers));
  }
  assert.ok(!comments('list').some((l) => l[5] === 'Forged'));
  // The same request from our own page goes through.
  const own = await postForm(`${server.url}${enPath}`, fields, {
    origin: server.url, 'sec-fetch-site': 'same-origin' });
  assert.equal(own.status, 303);
  // Behind a proxy that rewrites Host, the site's public origin is ours too.
  const proxied = await sendComment(server.url, enPath, { title: 'Through the proxy' },
    { origin: 'http://localhost:8080' });
  assert.equal(proxied.status, 303);

  const text = await fetch(`${server.url}${enPath}`, { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' }, redirect: 'manual' });
  assert.equal(text.status, 415);
  const lookalike = await postForm(`${server.url}${enPath}`, 'name=x', { 'content-type': 'application/x-www-form-urlencodedX' });
  assert.equal(lookalike.status, 415);
  const upper = await postForm(`${server.url}${enPath}`, 'name=x', { 'content-type': 'Application/X-WWW-Form-Urlencoded; charset=UTF-8' });
  assert.equal(upper.status, 422);
  const malformed = await postForm(`${server.url}${enPath}`, 'name=%ZZ');
  assert.equal(malformed.status, 400);
  assert.match(await malformed.text(), /Your browser sent something we could not read/);
  for (const path of ['/en/', '/en/business/', '/healthz', '/assets/css/site.css']) {
    const r = await postForm(`${server.url}${path}`, fields);
    assert.equal(r.status, 405, path);
    assert.equal(r.headers.get('allow'), 'GET, HEAD', path);
  }
  const missing = await postForm(`${server.url}/en/business/no-such-story`, fields);
  assert.equal(missing.status, 404);
});

test('a closed article keeps the reader\'s text and takes nothing', async () => {
  const slug = decodeURIComponent(enPath.split('/').pop());
  // The reader began while the form was there; comments closed while they wrote.
  const altcha = await solveCheck(server.url, enPath);
  comments('close', '--site', 'en', '--article', slug);
  try {
    assert.doesNotMatch(await pageOf(enPath), /id="comment-form"/);
    const r = await postForm(`${server.url}${enPath}`, goodFields({ altcha, title: 'Too late', comment: 'Written after closing.' }));
    assert.equal(r.status, 403);
    const html = await r.text();
    assert.match(textById(html, 'comment-form-notice'), /Comments on this story are closed/);
    assert.equal(textareaValue(html), 'Written after closing.');
    assert.ok(!comments('list').some((l) => l[5] === 'Too late'));
  } finally {
    comments('open', '--site', 'en', '--article', slug);
  }
});

test('too quick a submission is held back, with the text kept', async () => {
  await restart({ DATELINE_COMMENT_MIN_FILL_SECONDS: '2' }, { movableClock: true });
  const r = await sendComment(server.url, enPath, { title: 'In a hurry' });
  assert.equal(r.status, 422);
  const html = await r.text();
  assert.match(html, /<li><a href="#comment-form">That was very quick/);
  assert.equal(inputValue(html, 'comment-title'), 'In a hurry');
  const altcha = await solveCheck(server.url, enPath);
  server.moveClock(2);
  const later = await postForm(`${server.url}${enPath}`, goodFields({ altcha, title: 'In a hurry' }));
  assert.equal(later.status, 303);
});

test('after a mistake, the fill time still counts from when the reader began', async () => {
  // The reader took their time, but forgot the e-mail address.
  const first = await solveCheck(server.url, enPath);
  server.moveClock(2);
  const mistake = await postForm(`${server.url}${enPath}`, goodFields({ altcha: first, email: '', title: 'Took my time' }));
  assert.equal(mistake.status, 422);
  const started = (await mistake.text()).match(/<input type="hidden" name="started" value="([^"]+)">/)?.[1];
  assert.ok(started, 'the form shown again carries when the reader began');
  // They fix it at once: a fresh check, seconds old, but not "too quick".
  const fixed = await postForm(`${server.url}${enPath}`, goodFields({
    altcha: await solveCheck(server.url, enPath), title: 'Took my time', started: decode(started) }));
  assert.equal(fixed.status, 303);
  // The same note does not serve another story.
  const elsewhere = await postForm(`${server.url}${arPath}`, goodFields({
    altcha: await solveCheck(server.url, arPath), title: 'Borrowed note', started: decode(started) }));
  assert.equal(elsewhere.status, 422);
  assert.match(await elsewhere.text(), /كان ذلك سريعاً جداً/);
  await restart();
});

test('"send it again" from a kept comment shows the form filled in, ready to check and send', async () => {
  const r = await postForm(`${server.url}${enPath}`, {
    resume: '1', name: 'Kept Reader', email: 'kept@example.com', title: 'Kept title',
    comment: 'Kept\r\n\r\ntext', terms: 'yes' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const html = await r.text();
  assert.equal(inputValue(html, 'comment-name'), 'Kept Reader');
  assert.equal(textareaValue(html), 'Kept\n\ntext');
  assert.doesNotMatch(html, /comment-form-summary|field__error/);
  assert.ok(!comments('list').some((l) => l[5] === 'Kept title'), 'nothing is stored by showing it');
});

test('too many comments from one address get 429, a clear message and the text kept', async () => {
  await restart({ DATELINE_COMMENT_ADDRESS_LIMIT: '2', DATELINE_TRUSTED_PROXIES: '127.0.0.1' });
  await awaitWholeLimitWindow();
  const from = (address) => ({ 'x-forwarded-for': address });
  // A refused attempt counts too: it cost the server as much.
  const refused = await postForm(`${server.url}${enPath}`, goodFields({ name: '' }), from('203.0.113.9'));
  assert.equal(refused.status, 422);
  const r = await sendComment(server.url, enPath, { title: 'Burst 1' }, from('203.0.113.9'));
  assert.equal(r.status, 303);
  const limited = await sendComment(server.url, arPath, { title: 'Burst 2', comment: 'نص محفوظ' }, from('203.0.113.9'));
  assert.equal(limited.status, 429);
  const retry = Number(limited.headers.get('retry-after'));
  assert.ok(retry >= 1 && retry <= 600, `Retry-After ${retry}`);
  assert.equal(limited.headers.get('cache-control'), 'no-store');
  // A small page, no story rendered: it says when to try again and keeps the text to send.
  const html = await limited.text();
  assert.match(textById(html, 'error-text'), /أُرسلت عدة تعليقات من اتصالك في وقت قصير. يُرجى إرسال هذا التعليق مجدداً بعد نحو (دقيقة|دقيقتين|[٠-٩]+ (دقائق|دقيقة))؛/);
  assert.doesNotMatch(html, /class="story__body"/);
  const kept = html.match(/<textarea[^>]*id="kept-comment"[^>]*>\n?([\s\S]*?)<\/textarea>/);
  assert.equal(decode(kept[1]), 'نص محفوظ');
  assert.match(html, new RegExp(`<form method="post" action="${arPath}#comment-form">`));
  // Another reader behind the same proxy has a budget of their own; a client cannot claim
  // another address by sending an X-Forwarded-For line of its own first.
  const other = await sendComment(server.url, enPath, { title: 'Someone else' }, from('198.51.100.7'));
  assert.equal(other.status, 303);
  // Two X-Forwarded-For lines: the client's own, then the proxy's.
  const spoofedStatus = await postWithForwardedLines(
    goodFields({ altcha: await solveCheck(server.url, enPath), title: 'Spoofed' }), ['203.0.113.9', '192.0.2.99']);
  // The nearest line is the proxy's: 192.0.2.99, a fresh budget, not the exhausted 203.0.113.9.
  assert.equal(spoofedStatus, 303);
  const spoofedFirst = await postWithForwardedLines(goodFields({ title: 'Spoofed again' }),
    ['192.0.2.77', '203.0.113.9']);
  assert.equal(spoofedFirst, 429, 'a first line of the client\'s own does not buy a fresh budget');
  await restart();
});

test('the form in cached pages is the same for everyone; one reader\'s answers are never cached', async () => {
  await restart({ DATELINE_PAGE_CACHE_MB: '64' });
  const a = await get(`${server.url}${arPath}`);
  const b = await get(`${server.url}${arPath}`);
  assert.equal(b.headers.get('x-dateline-cache'), 'hit');
  assert.equal(await a.text(), await b.text());
  const refused = await postForm(`${server.url}${arPath}`, goodFields({ name: '', title: 'لا يُخزَّن' }));
  assert.equal(refused.status, 422);
  assert.equal(refused.headers.get('cache-control'), 'no-store');
  assert.equal(refused.headers.get('x-dateline-cache'), null);
  const after = await get(`${server.url}${arPath}`);
  assert.equal(after.headers.get('x-dateline-cache'), 'hit');
  const page = await after.text();
  assert.doesNotMatch(page, /لا يُخزَّن|comment-name-error|name="question"|name="started"/);
  const received = await get(`${server.url}${arPath}?comment=received`);
  assert.equal(received.headers.get('x-dateline-cache'), null);
  assert.equal(received.headers.get('cache-control'), 'no-store');
  await restart();
});
