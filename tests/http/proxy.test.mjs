// The nginx and Caddy configurations the package ships (packaging/proxy/), each run as an
// operator would run it, with only its addresses, ports and certificate swapped for the test's:
// TLS in front of Dateline, the reader's Host passed on, and X-Forwarded-For set so that Dateline
// sees the reader (not the proxy, and not an address the reader made up).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDataDir, repoRoot, startServer, waitUntil } from '../support/dateline.mjs';

const work = mkdtempSync(join(tmpdir(), 'dateline-proxy-'));
let data;
let server;
let httpsPort;
let httpPort;

/** Two ports free on `host`, held together while chosen so that they differ. */
async function freePorts(host) {
  const probes = [createServer(), createServer()];
  const ports = await Promise.all(probes.map((probe) => new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, () => resolve(probe.address().port));
  })));
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}

/** The example with `from` replaced by `to`, which must be in it. */
function swap(text, from, to) {
  assert.ok(text.includes(from), `the example has ${from}`);
  return text.replaceAll(from, to);
}

let cert;
let key;

before(async () => {
  data = makeDataDir({ publicUrl: 'https://news.example' });
  server = await startServer(data.dir, [], {
    env: { DATELINE_TRUSTED_PROXIES: '127.0.0.1', DATELINE_LOG_ADDRESSES: 'full' },
  });
  cert = join(work, 'cert.pem');
  key = join(work, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-days', '1', '-subj', '/CN=news.example', '-addext', 'subjectAltName=DNS:news.example',
    '-keyout', key, '-out', cert], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
});

/** nginx running packaging/proxy/nginx.conf, with the test's ports and certificate. */
function startNginx(dir) {
  let site = readFileSync(join(repoRoot, 'packaging/proxy/nginx.conf'), 'utf8');
  site = swap(site, 'server 127.0.0.1:8080;', `server 127.0.0.1:${server.port};`);
  site = swap(site, '    listen 80;\n    listen [::]:80;\n', `    listen [::1]:${httpPort};\n`);
  site = swap(site, '    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n', `    listen [::1]:${httpsPort} ssl http2;\n`);
  site = swap(site, '/etc/letsencrypt/live/news.example/fullchain.pem', cert);
  site = swap(site, '/etc/letsencrypt/live/news.example/privkey.pem', key);
  for (const folder of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, folder));
  writeFileSync(join(dir, 'nginx.conf'), `${process.getuid() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
daemon off;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`);
  return spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' });
}

/**
 * Caddy running packaging/proxy/Caddyfile, with the test's ports and certificate (instead of one
 * from an ACME server) and without its admin endpoint.
 */
function startCaddy(dir) {
  let site = readFileSync(join(repoRoot, 'packaging/proxy/Caddyfile'), 'utf8');
  site = swap(site, 'news.example {\n', `news.example {\n\tbind ::1\n\ttls ${cert} ${key}\n`);
  site = swap(site, 'reverse_proxy 127.0.0.1:8080', `reverse_proxy 127.0.0.1:${server.port}`);
  const file = join(dir, 'Caddyfile');
  writeFileSync(file, `{\n\tadmin off\n\thttp_port ${httpPort}\n\thttps_port ${httpsPort}\n}\n${site}`);
  return spawn('caddy', ['run', '--config', file, '--adapter', 'caddyfile'], {
    stdio: 'ignore',
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
  });
}

after(async () => {
  await server?.stop();
  data?.remove();
  rmSync(work, { recursive: true, force: true });
});

/** GET over TLS through nginx, as a reader at ::1 asking for news.example. */
function secureGet(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '::1', port: httpsPort, path, servername: 'news.example', rejectUnauthorized: false,
      headers: { host: 'news.example', ...headers },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

for (const [name, start] of [['nginx', startNginx], ['Caddy', startCaddy]]) {
  describe(`behind ${name}`, () => {
    let proxy;
    before(async () => {
      const dir = join(work, name);
      mkdirSync(dir);
      [httpsPort, httpPort] = await freePorts('::1');
      proxy = start(dir);
      await waitUntil(`${name} answers`, async () => {
        try {
          const res = await fetch(`http://[::1]:${httpPort}/`, { redirect: 'manual', headers: { host: 'news.example' } });
          return res.status >= 300;
        } catch {
          return false;
        }
      });
    });
    after(async () => {
      if (proxy.exitCode !== null || proxy.signalCode !== null) return;
      const exited = new Promise((resolve) => proxy.once('exit', resolve));
      proxy.kill('SIGTERM');
      await exited;
    });

    test('readers reach the network over TLS, by its host name, and HTTP is sent to HTTPS', async () => {
      const home = await secureGet('/en/');
      assert.equal(home.status, 200);
      assert.match(home.body, /<html lang="en" dir="ltr"/);
      assert.match(home.body, /<link rel="canonical" href="https:\/\/news\.example\/en\/"/);
      assert.equal(home.headers['strict-transport-security'], 'max-age=63072000');
      assert.equal((await secureGet('/ar/')).status, 200);
      const plain = await new Promise((resolve, reject) => {
        const req = httpRequest({ host: '::1', port: httpPort, path: '/en/', headers: { host: 'news.example' } }, (res) => {
          res.resume();
          resolve(res);
        });
        req.once('error', reject);
        req.end();
      });
      assert.ok([301, 308].includes(plain.statusCode), `a permanent redirect (${plain.statusCode})`);
      // nginx names the host as asked; Caddy adds the port it listens on when it is not 443.
      assert.match(plain.headers.location, new RegExp(`^https://news\\.example(:${httpsPort})?/en/$`));
    });

    test(`Dateline sees the reader ${name} saw, not one a client names itself`, async () => {
      const res = await secureGet('/en/', { 'x-forwarded-for': '203.0.113.9' });
      assert.equal(res.status, 200);
      const id = res.headers['x-request-id'];
      const line = new RegExp(`${id} (\\S+) "GET /en/"`);
      await waitUntil('the request is logged', () => line.test(server.stderr()));
      assert.equal(server.stderr().match(line)[1], '::1', `the address ${name} saw, not the forged one nor ${name}'s own`);
    });
  });
}
