// Two-step sign-in over real HTTP: setting it up from the account screen (the key from its QR
// code's page and its text), signing in with a code, codes refused when wrong or used twice,
// turning it off, and the console's reset for a lost phone. Codes are computed here as an
// authenticator app computes them (RFC 6238, HMAC-SHA-1), from the key the screen shows.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { dateline, useDemoServer } from '../support/dateline.mjs';
import { Browser, addUser } from '../support/newsroom.mjs';
import { awayFromStepEdge, codeOf, fromBase32 } from '../support/totp.mjs';

const demo = useDemoServer();

before(() => {
  addUser(demo.data.dir, 'twostep@news.example');
  addUser(demo.data.dir, 'lostphone@news.example');
});

/** Signs in and turns two-step sign-in on with the code of the step before; returns the
 * browser, the key and a form token. */
async function setUp(email) {
  const b = new Browser(demo.server.url);
  assert.equal((await b.signIn(email)).status, 303);
  const account = await b.request('/newsroom/account');
  assert.equal(account.status, 200);
  assert.match(await account.text(), /Set up two-step sign-in/);
  const token = await b.formToken('/newsroom/account');
  const started = await b.request('/newsroom/account/two-step/start', { method: 'POST', form: { form_token: token } });
  assert.equal(started.status, 303);
  const setup = await (await b.request('/newsroom/account')).text();
  const keyText = setup.match(/<p class="key" dir="ltr"><code>([A-Z2-7 ]+)<\/code>/)[1];
  const key = fromBase32(keyText);
  assert.equal(key.length, 20, '160 bits, as RFC 4226 recommends');
  assert.match(setup, /<img class="qr" src="\/newsroom\/account\/two-step\/code\.svg" alt="[^"]+"/);
  const qr = await b.request('/newsroom/account/two-step/code.svg');
  assert.equal(qr.status, 200);
  assert.equal(qr.headers.get('content-type'), 'image/svg+xml');
  assert.equal(qr.headers.get('cache-control'), 'no-store');
  assert.match(await qr.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
  const wrong = await b.request('/newsroom/account/two-step/confirm',
    { method: 'POST', form: { form_token: token, code: codeOf(key, 5) } });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /role="alert">The code is not right/);
  await awayFromStepEdge();
  const on = await b.request('/newsroom/account/two-step/confirm',
    { method: 'POST', form: { form_token: token, code: codeOf(key, -1) } });
  assert.equal(on.status, 303);
  assert.equal(on.headers.get('location'), '/newsroom/account?done=on');
  assert.match(await (await b.request('/newsroom/account?done=on')).text(), /Two-step sign-in is on/);
  // Not shown any more once it is on: the key is not given out again.
  assert.equal((await b.request('/newsroom/account/two-step/code.svg')).status, 404);
  return { b, key, token };
}

test('with two-step sign-in on, the password alone opens nothing; the code then does, once', async () => {
  const { key } = await setUp('twostep@news.example');
  const b = new Browser(demo.server.url);
  const first = await b.signIn('twostep@news.example');
  assert.equal(first.status, 303);
  assert.equal(first.headers.get('location'), '/newsroom/login/code');
  const halfCookie = first.headers.getSetCookie().find((c) => c.startsWith('dateline_session='));
  assert.match(halfCookie, /Max-Age=300; HttpOnly; SameSite=Strict/, 'the password holds for five minutes');
  assert.equal((await b.request('/newsroom/')).headers.get('location'), '/newsroom/login', 'no desk yet');
  assert.equal((await b.request('/newsroom/articles')).status, 303);
  const form = await b.request('/newsroom/login/code');
  assert.equal(form.status, 200);
  const html = await form.text();
  assert.match(html, /autocomplete="one-time-code"/);
  assert.match(html, /inputmode="numeric"/);
  const token = html.match(/name="form_token" value="([0-9a-f]{64})"/)[1];

  const wrong = await b.request('/newsroom/login/code', { method: 'POST', form: { form_token: token, code: codeOf(key, 5) } });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /role="alert">The code is not right, or was used already\./);
  const code = codeOf(key);
  const right = await b.request('/newsroom/login/code', { method: 'POST', form: { form_token: token, code } });
  assert.equal(right.status, 303);
  assert.equal(right.headers.get('location'), '/newsroom/');
  const full = right.headers.getSetCookie().find((c) => c.startsWith('dateline_session='));
  assert.match(full, /Max-Age=43200/);
  assert.notEqual(full.split(';')[0], halfCookie.split(';')[0], 'a new token once the code is given');
  assert.equal((await b.request('/newsroom/')).status, 200);

  // The same code again, with the password again, is refused: a code is good once.
  const other = new Browser(demo.server.url);
  await other.signIn('twostep@news.example');
  const otherToken = (await (await other.request('/newsroom/login/code')).text()).match(/name="form_token" value="([0-9a-f]{64})"/)[1];
  const replay = await other.request('/newsroom/login/code', { method: 'POST', form: { form_token: otherToken, code } });
  assert.equal(replay.status, 422);
  // A code form without its token is the expired-form page.
  const forged = await other.request('/newsroom/login/code', { method: 'POST', form: { code: codeOf(key, 1) } });
  assert.equal(forged.status, 403);
});

test('turning it off takes a code; the console resets it for a lost phone and ends the sessions', async () => {
  const { b, key, token } = await setUp('lostphone@news.example');
  const refused = await b.request('/newsroom/account/two-step/remove', { method: 'POST', form: { form_token: token, code: 'abcdef' } });
  assert.equal(refused.status, 422);
  const off = await b.request('/newsroom/account/two-step/remove', { method: 'POST', form: { form_token: token, code: codeOf(key) } });
  assert.equal(off.status, 303);
  assert.match(await (await b.request('/newsroom/account?done=off')).text(), /Two-step sign-in is off\./);
  // On again, then reset at the console.
  await setUpAgain(b);
  assert.equal((await b.request('/newsroom/')).status, 200);
  const listed = dateline(['user', 'list', '--data', demo.data.dir]).stdout;
  assert.match(listed, /lostphone@news\.example\t.*\ttwo-step\n/);
  const reset = dateline(['user', 'reset-two-step', '--data', demo.data.dir, '--email', 'lostphone@news.example']);
  assert.equal(reset.status, 0, reset.stderr);
  assert.match(reset.stdout, /Two-step sign-in is off for lostphone@news\.example/);
  assert.equal((await b.request('/newsroom/')).headers.get('location'), '/newsroom/login', 'its sessions ended');
  const plain = new Browser(demo.server.url);
  assert.equal((await plain.signIn('lostphone@news.example')).headers.get('location'), '/newsroom/');
  const unknown = dateline(['user', 'reset-two-step', '--data', demo.data.dir, '--email', 'nobody@news.example']);
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /no account/);
});

// Sets two-step sign-in up again for a signed-in browser with a fresh key, with the code of the
// step ahead.
async function setUpAgain(b) {
  const token = await b.formToken('/newsroom/account');
  await b.request('/newsroom/account/two-step/start', { method: 'POST', form: { form_token: token } });
  const setup = await (await b.request('/newsroom/account')).text();
  const key = fromBase32(setup.match(/<p class="key" dir="ltr"><code>([A-Z2-7 ]+)<\/code>/)[1]);
  const on = await b.request('/newsroom/account/two-step/confirm', { method: 'POST', form: { form_token: token, code: codeOf(key, 1) } });
  assert.equal(on.status, 303);
}

test('the account screen and the code form speak Arabic, right to left', async () => {
  const b = new Browser(demo.server.url);
  await b.signIn('twostep@news.example');
  const form = await (await b.request('/newsroom/login/code?lang=ar')).text();
  assert.match(form, /<html lang="ar" dir="rtl">/);
  assert.match(form, /الرمز من تطبيقك/);
});
