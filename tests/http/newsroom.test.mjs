// The newsroom's sign-in over real HTTP: cookies, forgery tokens, throttling, sign-out, and both
// languages. Accounts are made with `dateline user add` on the running server's data.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { dateline, useDemoServer, makeDataDir, startServer } from '../support/dateline.mjs';
import { Browser, PASSWORD as password, addUser } from '../support/newsroom.mjs';

const demo = useDemoServer();

before(() => {
  addUser(demo.data.dir, 'desk@news.example');
  addUser(demo.data.dir, 'second@news.example');
  addUser(demo.data.dir, 'leaver@news.example');
});

test('the desk asks for sign-in, and every newsroom answer is no-store', async () => {
  const b = new Browser(demo.server.url);
  const desk = await b.request('/newsroom/');
  assert.equal(desk.status, 303);
  assert.equal(desk.headers.get('location'), '/newsroom/login');
  assert.equal((await b.request('/newsroom')).headers.get('location'), '/newsroom/');
  const login = await b.request('/newsroom/login');
  assert.equal(login.status, 200);
  assert.equal(login.headers.get('cache-control'), 'no-store');
  assert.match(login.headers.get('content-security-policy'), /default-src 'self'/);
  const html = await login.text();
  assert.match(html, /<html lang="en" dir="ltr">/);
  assert.match(html, /autocomplete="username"/);
  assert.match(html, /autocomplete="current-password"/);
  assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
  const missing = await b.request('/newsroom/nowhere');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('cache-control'), 'no-store');
});

test('the right password opens a session in a strict, HttpOnly cookie; the desk greets its owner', async () => {
  const b = new Browser(demo.server.url);
  const res = await b.signIn('Desk@News.Example');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/newsroom/');
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dateline_session='));
  assert.match(cookie, /^dateline_session=[0-9a-f]{64}; Path=\/newsroom; Max-Age=43200; HttpOnly; SameSite=Strict$/);
  const desk = await b.request('/newsroom/');
  assert.equal(desk.status, 200);
  assert.match(await desk.text(), /Signed in as \u2068Rana Haddad\u2069 \(editor\)\./);
  // The sign-in page sends a signed-in editor on to the desk.
  assert.equal((await b.request('/newsroom/login')).headers.get('location'), '/newsroom/');
});

test('a wrong password or an unknown address gets one answer, 422, and no session', async () => {
  for (const [email, typed] of [['desk@news.example', 'not the passphrase'], ['nobody@news.example', password]]) {
    const b = new Browser(demo.server.url);
    const res = await b.signIn(email, typed);
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /role="alert">The e-mail address or the password is not right\.</);
    assert.match(html, new RegExp(`value="${email.replace('.', '\\.')}"`));  // the address is kept
    assert.equal(b.cookie('dateline_session'), undefined);
  }
});

test('a sign-in without its form token, or posted from another site, changes nothing', async () => {
  const b = new Browser(demo.server.url);
  const token = await b.formToken('/newsroom/login');
  const attempts = [
    { email: 'desk@news.example', password },  // no token
    { email: 'desk@news.example', password, form_token: 'f'.repeat(64) },  // not the cookie's
  ];
  for (const form of attempts) {
    const res = await b.request('/newsroom/login', { method: 'POST', form });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /This form has expired/);
  }
  const forged = await b.request('/newsroom/login', {
    method: 'POST', form: { email: 'desk@news.example', password, form_token: token },
    headers: { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' },
  });
  assert.equal(forged.status, 403);
  assert.equal(b.cookie('dateline_session'), undefined);
});

test('signing in again replaces the session token', async () => {
  const b = new Browser(demo.server.url);
  await b.signIn();
  const first = b.cookie('dateline_session');
  // A sign-in form opened elsewhere (the sign-in page itself sends a signed-in browser on), then
  // posted by the browser that holds the first session.
  const elsewhere = new Browser(demo.server.url);
  const token = await elsewhere.formToken('/newsroom/login');
  b.jar.set('dateline_form', elsewhere.cookie('dateline_form'));
  const res = await b.request('/newsroom/login', { method: 'POST', form: { email: 'desk@news.example', password, form_token: token } });
  assert.equal(res.status, 303);
  const second = b.cookie('dateline_session');
  assert.notEqual(second, first);
  const old = new Browser(demo.server.url);
  old.jar.set('dateline_session', first);
  assert.equal((await old.request('/newsroom/')).status, 303);
});

test('sign-out needs the desk\'s form token, and ends the session', async () => {
  const b = new Browser(demo.server.url);
  await b.signIn();
  const token = b.cookie('dateline_session');
  const refused = await b.request('/newsroom/logout', { method: 'POST', form: { form_token: '0'.repeat(64) } });
  assert.equal(refused.status, 403);
  assert.equal((await b.request('/newsroom/')).status, 200);
  const formToken = await b.formToken('/newsroom/');
  const out = await b.request('/newsroom/logout', { method: 'POST', form: { form_token: formToken } });
  assert.equal(out.status, 303);
  assert.equal(out.headers.get('location'), '/newsroom/login');
  const again = new Browser(demo.server.url);
  again.jar.set('dateline_session', token);
  assert.equal((await again.request('/newsroom/')).status, 303);
});

test('sign-out everywhere ends the account\'s other sessions too', async () => {
  const laptop = new Browser(demo.server.url);
  const phone = new Browser(demo.server.url);
  await laptop.signIn('second@news.example');
  await phone.signIn('second@news.example');
  assert.equal((await phone.request('/newsroom/')).status, 200);
  const formToken = await laptop.formToken('/newsroom/');
  const out = await laptop.request('/newsroom/logout-everywhere', { method: 'POST', form: { form_token: formToken } });
  assert.equal(out.status, 303);
  assert.equal((await phone.request('/newsroom/')).status, 303);
  assert.equal((await laptop.request('/newsroom/')).status, 303);
});

test('disabling an account ends its sessions and refuses its sign-in like a wrong password', async () => {
  const b = new Browser(demo.server.url);
  await b.signIn('leaver@news.example');
  assert.equal((await b.request('/newsroom/')).status, 200);
  assert.equal(dateline(['user', 'disable', '--data', demo.data.dir, '--email', 'leaver@news.example']).status, 0);
  assert.equal((await b.request('/newsroom/')).status, 303);
  const res = await new Browser(demo.server.url).signIn('leaver@news.example');
  assert.equal(res.status, 422);
});

test('the newsroom speaks Arabic, right to left, when asked or preferred', async () => {
  const b = new Browser(demo.server.url);
  const preferred = await b.request('/newsroom/login', { headers: { 'accept-language': 'ar-LB,ar;q=0.9,en;q=0.5' } });
  assert.match(await preferred.text(), /<html lang="ar" dir="rtl">[\s\S]*<h1>تسجيل الدخول<\/h1>/);
  const asked = await b.request('/newsroom/login?lang=ar', { headers: { 'accept-language': 'en' } });
  assert.match(await asked.text(), /<html lang="ar" dir="rtl">/);
  // Remembered for the next screens, whatever the browser prefers.
  const wrong = await b.signIn('desk@news.example', 'not the passphrase');
  assert.match(await wrong.text(), /عنوان البريد الإلكتروني أو كلمة المرور غير صحيحين/);
  await b.signIn();
  assert.match(await (await b.request('/newsroom/')).text(), /دخلت باسم \u2068Rana Haddad\u2069 \(محرر\)/);
});

test('too many failed sign-ins for an account get 429 with the time to wait', async () => {
  addUser(demo.data.dir, 'target@news.example');
  const b = new Browser(demo.server.url);
  for (let i = 0; i < 5; i += 1) assert.equal((await b.signIn('target@news.example', `guess number ${i}`)).status, 422);
  const res = await b.signIn('target@news.example', password);  // even the right one, now
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get('retry-after')) > 0);
  assert.match(await res.text(), /Too many attempts to sign in\. Try again in \d+ minutes?\./);
  assert.equal(b.cookie('dateline_session'), undefined);
});

test('behind TLS the cookies are Secure; a host no site has is misdirected', async () => {
  const data = makeDataDir({ publicUrl: 'https://news.example' });
  const server = await startServer(data.dir);
  try {
    const headers = await new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: server.port, path: '/newsroom/login', headers: { host: 'news.example' } },
        (res) => { res.resume(); resolve({ status: res.statusCode, cookies: res.headers['set-cookie'] }); }).on('error', reject);
    });
    assert.equal(headers.status, 200);
    assert.match(headers.cookies[0], /^dateline_form=[0-9a-f]{64}; Path=\/newsroom; Secure; HttpOnly; SameSite=Strict$/);
    const other = await new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: server.port, path: '/newsroom/login', headers: { host: 'evil.example' } },
        (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject);
    });
    assert.equal(other, 421);
  } finally {
    await server.stop();
    data.remove();
  }
});

test('a session left unused for an hour ends; one in use lasts until its twelfth hour', async () => {
  const data = makeDataDir();
  const server = await startServer(data.dir, [], { movableClock: true });
  try {
    addUser(data.dir, 'desk@news.example');
    const idle = new Browser(server.url);
    const busy = new Browser(server.url);
    await idle.signIn();
    await busy.signIn();
    for (let step = 1; step <= 14; step += 1) {  // 11 hours 40 minutes, used every 50 minutes
      server.moveClock(50 * 60);
      assert.equal((await busy.request('/newsroom/')).status, 200, `after ${step} × 50 minutes`);
    }
    assert.equal((await idle.request('/newsroom/')).status, 303);
    server.moveClock(30 * 60);  // 12 hours 10 minutes since sign-in, used 30 minutes ago
    assert.equal((await busy.request('/newsroom/')).status, 303);
  } finally {
    await server.stop();
    data.remove();
  }
});
