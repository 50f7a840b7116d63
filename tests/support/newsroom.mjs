// A browser's view of the newsroom for the Node suites: its cookies, its forms' tokens, signing in.
import assert from 'node:assert/strict';
import { dateline, get } from './dateline.mjs';

/** The password the suites give the accounts they make. */
export const PASSWORD = 'the desk passphrase';

/** A browser's cookie jar for one origin: what Set-Cookie set, sent back as Cookie. */
export class Browser {
  constructor(base) { this.base = base; this.jar = new Map(); }
  cookie(name) { return this.jar.get(name); }
  /** `form`: fields sent URL-encoded; `multipart`: a FormData sent as multipart/form-data. */
  async request(path, { method = 'GET', form, multipart, headers = {} } = {}) {
    const sent = { ...headers };
    if (this.jar.size) sent.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      body = new URLSearchParams(form).toString();
      sent['content-type'] = 'application/x-www-form-urlencoded';
      sent.origin ??= this.base;
    } else if (multipart) {
      body = multipart;  // fetch writes the boundary into the Content-Type
      sent.origin ??= this.base;
    }
    const res = await get(this.base + path, { method, headers: sent, body });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (/Max-Age=0/.test(line)) this.jar.delete(name); else this.jar.set(name, value);
    }
    return res;
  }
  async formToken(path) {
    const html = await (await this.request(path)).text();
    return html.match(/name="form_token" value="([0-9a-f]{64})"/)[1];
  }
  async signIn(email = 'desk@news.example', typed = PASSWORD) {
    const token = await this.formToken('/newsroom/login');
    return this.request('/newsroom/login', { method: 'POST', form: { email, password: typed, form_token: token } });
  }
}


/** Makes an account with `dateline user add` (PASSWORD, named Rana Haddad); fails the test if refused. */
export function addUser(dir, email, role = 'editor', sites = ['en']) {
  const r = dateline(['user', 'add', '--data', dir, '--email', email, '--role', role, '--name', 'Rana Haddad',
    ...sites.flatMap((s) => ['--site', s]), '--password-file', '-'], { input: `${PASSWORD}\n` });
  assert.equal(r.status, 0, r.stderr);
}
