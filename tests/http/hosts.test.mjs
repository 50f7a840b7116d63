// Several sites in one process on different hosts: the Host header picks the site, even when two
// sites share the same path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { dateline, makeDataDir, startServer } from '../support/dateline.mjs';

let data;
let demo;
let server;

function site(slug, name, language, direction, baseUrl) {
  return {
    slug, name, language, direction, base_url: baseUrl, time_zone: 'Asia/Dubai',
    tagline: '', social: [], sections: [{ slug: 'local', name: language === 'ar' ? 'أخبار' : 'News' }], authors: [],
  };
}

before(async () => {
  demo = mkdtempSync(join(tmpdir(), 'dateline-hosts-demo-'));
  writeFileSync(join(demo, 'network.json'), JSON.stringify({
    network: { slug: 'twin', name: 'Twin Cities Network', default_site: 'north' },
    sites: [
      site('north', 'North Courier', 'en', 'ltr', 'http://north.example/'),
      site('south', 'الجنوب اليوم', 'ar', 'rtl', 'http://south.example/'),
    ],
  }));
  data = makeDataDir({ demoDir: demo });
  server = await startServer(data.dir);
});

after(async () => {
  await server?.stop();
  data?.remove();
  rmSync(demo, { recursive: true, force: true });
});

// fetch() will not send a Host header of our choosing, so ask with node:http.
function getWithHost(host, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

test('sites lists both hosts', () => {
  const r = dateline(['sites', '--data', data.dir]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, 'north\ten\thttp://north.example/\nsouth\tar\thttp://south.example/\n');
});

test('the Host header chooses the site at the same path', async () => {
  const north = await getWithHost('north.example', '/');
  assert.equal(north.status, 200);
  assert.match(north.body, /<html lang="en" dir="ltr"[ >]/);
  assert.match(north.body, /North Courier/);
  const south = await getWithHost('SOUTH.example', '/');
  assert.equal(south.status, 200);
  assert.match(south.body, /<html lang="ar" dir="rtl"[ >]/);
  assert.match(south.body, /الجنوب اليوم/);
});

test('a section path resolves within the chosen host', async () => {
  const south = await getWithHost('south.example', '/local/');
  assert.equal(south.status, 200);
  assert.match(south.body, /<h1 class="listing__title">أخبار<\/h1>/);
});
