// The Debian package as an operator installs it: built by CPack from this build, checked as
// dpkg sees it (its dependencies, its files, its maintainer scripts, its service unit), then
// unpacked into a temporary root whose binary serves the demo network from its own
// share/dateline, with the source tree out of its reach.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSocket } from '../support/notify-socket.mjs';

const repoRoot = join(import.meta.dirname, '../..');
const buildDir = process.env.DATELINE_BUILD_DIR ?? join(repoRoot, 'build/release');
const scratch = mkdtempSync(join(tmpdir(), 'dateline-package-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, ...options });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `${command} ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

// The package is built once, into this test's own folder (not the build's package/ folder).
run('cpack', ['-G', 'DEB', '-B', join(scratch, 'out')], { cwd: buildDir });
const deb = join(scratch, 'out', readdirSync(join(scratch, 'out')).find((f) => f.endsWith('.deb')));
const root = join(scratch, 'root');
run('dpkg-deb', ['-x', deb, root]);
// The installed binary, made to find its files only where the package put them.
process.env.DATELINE_BIN = join(root, 'usr/bin/dateline');
const { dateline, startServer, get } = await import('../support/dateline.mjs');

test('the package declares what it needs and installs the files the service reads', () => {
  const control = run('dpkg-deb', ['-f', deb]);
  assert.match(control, /^Package: dateline$/m);
  assert.match(control, /^Architecture: amd64$/m);
  const depends = control.match(/^Depends: (.*)$/m)?.[1] ?? '';
  // dpkg-shlibdeps found the libraries the binary links.
  for (const library of ['libsqlite3-0', 'libpq5', 'libvips42', 'libicu72', 'libsodium23', 'libsystemd0', 'libctemplate3', 'adduser'])
    assert.match(depends, new RegExp(`\\b${library}\\b`), `Depends names ${library}: ${depends}`);
  const files = run('dpkg-deb', ['-c', deb]);
  for (const path of ['./usr/bin/dateline', './lib/systemd/system/dateline.service', './etc/dateline/dateline.toml',
    './usr/share/dateline/themes/default/theme.json', './usr/share/dateline/newsroom/templates/login.tpl',
    './usr/share/dateline/api/openapi.json', './usr/share/dateline/demo/network.json',
    './usr/share/doc/dateline/README.md', './usr/share/doc/dateline/operations.md',
    './usr/share/doc/dateline/examples/nginx.conf', './usr/share/doc/dateline/examples/Caddyfile'])
    assert.ok(files.includes(` ${path}\n`), `${path} is in the package`);
  assert.ok(!files.includes('/build/'), 'nothing of the build tree');
  // The configuration may hold a database password: not readable by every user.
  assert.match(files, /^-rw-r----- root\/root .* \.\/etc\/dateline\/dateline\.toml$/m);
  assert.ok(!files.includes('/demo/art/'), 'not the demo drawings\' sources');
  // The configuration survives upgrades and is the operator's: a conffile.
  const info = join(scratch, 'control');
  run('dpkg-deb', ['-e', deb, info]);
  assert.equal(readFileSync(join(info, 'conffiles'), 'utf8').trim(), '/etc/dateline/dateline.toml');
  for (const script of ['postinst', 'prerm', 'postrm']) {
    assert.ok(statSync(join(info, script)).mode & 0o111, `${script} is executable`);
    run('sh', ['-n', join(info, script)]);
  }
  assert.match(readFileSync(join(info, 'postinst'), 'utf8'), /adduser --system --group --home \/var\/lib\/dateline/);
});

test('the service unit is valid and hardened', () => {
  const unit = join(root, 'lib/systemd/system/dateline.service');
  const text = readFileSync(unit, 'utf8');
  assert.match(text, /^Type=notify$/m);
  assert.match(text, /^ExecStart=\/usr\/bin\/dateline serve --data \/var\/lib\/dateline$/m);
  assert.match(text, /^ReadWritePaths=\/var\/lib\/dateline$/m);
  // Checked as systemd would load it on this machine, its binary the unpacked one (verify
  // fails on a command that is not there, and warns on any directive it does not know).
  const here = join(scratch, 'dateline.service');
  writeFileSync(here, text.replaceAll('/usr/bin/dateline', join(root, 'usr/bin/dateline')));
  const verified = spawnSync('systemd-analyze', ['verify', '--man=no', here], { encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stderr);
  assert.equal(verified.stderr.trim(), '', 'no warning about the unit');
  // systemd's own review of the sandbox: 0 is fully locked down, 10 not at all.
  const review = spawnSync('systemd-analyze', ['security', '--offline=true', unit], { encoding: 'utf8' });
  const level = Number(review.stdout.match(/Overall exposure level for dateline\.service: ([\d.]+)/)?.[1]);
  assert.ok(level <= 1.5, `exposure level ${level}:\n${review.stdout}`);
});

test('the installed binary serves the demo network from its own files and tells systemd when it is ready', async (t) => {
  const data = join(scratch, 'data');
  const made = dateline(['init', '--data', data, '--demo']);
  assert.equal(made.status, 0, made.stderr);
  // The theme served is the installed copy: mark it and see the mark.
  const css = readdirSync(join(root, 'usr/share/dateline/themes/default/assets/css')).find((f) => f.endsWith('.css'));
  const installedCss = join(root, 'usr/share/dateline/themes/default/assets/css', css);
  writeFileSync(installedCss, `${readFileSync(installedCss, 'utf8')}\n/* installed copy */\n`);
  const notify = await createSocket(join(scratch, 'notify'));
  t.after(() => notify.close());
  const server = await startServer(data, ['--config', join(root, 'etc/dateline/dateline.toml')], {
    env: { NOTIFY_SOCKET: notify.path },
  });
  try {
    const ready = await notify.next();
    assert.match(ready, /^READY=1\nSTATUS=Serving 2 site\(s\) on 127\.0\.0\.1:\d+$/);
    const home = await get(`${server.url}/en/`);
    assert.equal(home.status, 200);
    const page = await home.text();
    const sheet = page.match(/<link rel="stylesheet" href="([^"]+site[^"]*\.css)"/)?.[1];
    assert.ok(sheet, 'the page links its stylesheet');
    assert.match(await (await get(`${server.url}${sheet}`)).text(), /installed copy/);
    assert.equal((await get(`${server.url}/newsroom/login`)).status, 200, 'the newsroom\'s templates');
    assert.equal((await get(`${server.url}/ar/`)).status, 200);
    // `systemctl reload`: SIGHUP, and the service says it reloads, then that it is ready again.
    server.process.kill('SIGHUP');
    assert.match(await notify.next(), /^RELOADING=1\n/);
    assert.match(await notify.next(), /^READY=1\n/);
    assert.equal((await get(`${server.url}/en/`)).status, 200);
  } finally {
    assert.equal(await server.stop(), 0);
  }
  assert.match(await notify.next(), /^STOPPING=1\n/);
});
