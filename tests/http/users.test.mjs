// `dateline user`: newsroom accounts from the command line, on whichever backend the suite runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateline, makeDataDir } from '../support/dateline.mjs';

let data;
const user = (args, input) => dateline(['user', ...args, '--data', data.dir], input === undefined ? {} : { input });
const list = () => user(['list']).stdout.trim().split('\n').filter(Boolean).map((line) => line.split('\t'));

before(() => { data = makeDataDir(); });
after(() => data.remove());

test('an editor is added for two sites, under the address in lower case, with an Argon2id hash', () => {
  const file = join(data.dir, 'password.txt');
  writeFileSync(file, 'a passphrase for the desk\n');
  const r = user(['add', '--email', ' Rana@News.Example ', '--role', 'editor', '--name', 'رنا حداد',
    '--site', 'en', '--site', 'ar', '--password-file', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Added editor rana@news\.example/);
  const [row] = list().filter((fields) => fields[1] === 'rana@news.example');
  assert.deepEqual(row.slice(1), ['rana@news.example', 'editor', 'en,ar', 'active', 'رنا حداد', 'password']);
  const hash = data.sql("SELECT password_hash FROM users WHERE email = 'rana@news.example'").trim();
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.ok(!hash.includes('passphrase'));
});

test('the password can come on standard input; an admin names no site', () => {
  const r = user(['add', '--email', 'chief@news.example', '--role', 'admin', '--password-file', '-'], 'the chief editor passphrase\n');
  assert.equal(r.status, 0, r.stderr);
  const [row] = list().filter((fields) => fields[1] === 'chief@news.example');
  assert.deepEqual(row.slice(2, 5), ['admin', '*', 'active']);
});

test('bad input is refused with a reason, and no account is written', () => {
  const before = list().length;
  const cases = [
    [['add', '--email', 'RANA@news.example', '--role', 'author', '--site', 'en', '--password-file', '-'], 'a good long passphrase\n', /already an account/],
    [['add', '--email', 'x@news.example', '--role', 'chief', '--site', 'en', '--password-file', '-'], 'a good long passphrase\n', /unknown role 'chief'/],
    [['add', '--email', 'x@news.example', '--role', 'author', '--site', 'en', '--password-file', '-'], 'short\n', /at least 12 characters/],
    [['add', '--email', 'x@news.example', '--role', 'author', '--site', 'fr', '--password-file', '-'], 'a good long passphrase\n', /no site 'fr'/],
    [['add', '--email', 'x@news.example', '--role', 'author', '--password-file', '-'], 'a good long passphrase\n', /sites this account works on/],
    [['add', '--email', 'x@news.example', '--role', 'admin', '--site', 'en', '--password-file', '-'], 'a good long passphrase\n', /admin works on every site/],
    [['add', '--email', 'not-an-address', '--role', 'author', '--site', 'en', '--password-file', '-'], 'a good long passphrase\n', /not a usable e-mail address/],
    // No terminal to ask at, and no file: say how to give it.
    [['add', '--email', 'x@news.example', '--role', 'author', '--site', 'en'], '', /--password-file/],
    [['add', '--email', 'x@news.example', '--role', 'author', '--site', 'en', '--password-file', '/nonexistent/pw'], undefined, /Cannot read the password file/],
  ];
  for (const [args, input, message] of cases) {
    const r = user(args, input);
    assert.equal(r.status, 1, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message);
  }
  assert.equal(list().length, before);
});

test('a disabled account is listed as such, and can be enabled again', () => {
  assert.equal(user(['disable', '--email', 'rana@NEWS.example']).status, 0);
  assert.equal(list().find((f) => f[1] === 'rana@news.example')[4], 'disabled');
  assert.equal(user(['enable', '--email', 'rana@news.example']).status, 0);
  assert.equal(list().find((f) => f[1] === 'rana@news.example')[4], 'active');
  const missing = user(['disable', '--email', 'nobody@news.example']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no account with the address nobody@news\.example/);
});

test('reset-password replaces the hash, and refuses a weak password without touching it', () => {
  const hash = () => data.sql("SELECT password_hash FROM users WHERE email = 'rana@news.example'").trim();
  const before = hash();
  const weak = user(['reset-password', '--email', 'rana@news.example', '--password-file', '-'], 'weak\n');
  assert.equal(weak.status, 1);
  assert.equal(hash(), before);
  const r = user(['reset-password', '--email', 'rana@news.example', '--password-file', '-'], 'a brand new passphrase\n');
  assert.equal(r.status, 0, r.stderr);
  assert.notEqual(hash(), before);
  assert.match(hash(), /^\$argon2id\$/);
});
