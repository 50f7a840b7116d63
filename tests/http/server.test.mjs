// The server's lifecycle and the CLI's contract: graceful shutdown on SIGTERM/SIGINT with requests
// in flight, clear refusals to start, --help everywhere, usage errors with exit code 2.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDataDir, startServer, dateline, binary, repoRoot } from '../support/dateline.mjs';
import { parseResponse, Connection } from '../support/raw-http.mjs';

let data;

before(() => {
  data = makeDataDir();
});

after(() => {
  data?.remove();
});

/** Resolves with the exit code (or signal) and how long after `since` the process exited. */
async function exitWithin(server, since, limitMs) {
  let timer;
  const result = await Promise.race([
    server.exited.then((code) => ({ code, ms: Date.now() - since })),
    new Promise((resolve) => { timer = setTimeout(() => resolve({ code: 'still running', ms: limitMs }), limitMs); }),
  ]);
  clearTimeout(timer);
  return result;
}

/**
 * One request on its own connection, recording every byte and when the first one arrived.
 * Resolves { data, firstByteAt, error } and never rejects.
 */
function request(port, target) {
  return new Promise((resolve) => {
    const chunks = [];
    let firstByteAt;
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (error) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), firstByteAt, error });
    };
    const timer = setTimeout(() => done(new Error('timed out')), 15_000);
    socket.on('connect', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    socket.on('data', (d) => { firstByteAt ??= Date.now(); chunks.push(d); });
    socket.on('close', () => done());
    socket.on('error', (e) => done(e));
  });
}

function assertComplete(data, what) {
  const r = parseResponse(data);
  assert.ok(r, `${what}: a complete response (${data.length} bytes received)`);
  assert.equal(r.status, 200, what);
  const body = r.body.toString('utf8');
  assert.ok(body.trimEnd().endsWith('</html>'), `${what}: the whole page`);
  return r;
}

describe('graceful shutdown', () => {
  it('SIGTERM during a burst: every response that started is complete, and the server exits 0', async (t) => {
    const server = await startServer(data.dir);
    let exitedCleanly = false;
    try {
      // Many pipelined requests on one keep-alive connection: the server is busy with them,
      // one after another, when the signal arrives.
      const pipelined = new Connection(server.port);
      await pipelined.send('GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(40));
      // And a burst of separate connections, for pages of both sites.
      const targets = [];
      for (let i = 0; i < 30; i++) targets.push(i % 2 ? '/ar/' : '/en/');
      const burst = targets.map((target) => request(server.port, target));

      const first = await pipelined.next({ timeoutMs: 10_000 });
      assert.equal(first.status, 200);
      const signalledAt = Date.now();
      server.process.kill('SIGTERM');

      const pipelinedResponses = [first];
      for (;;) {
        try {
          pipelinedResponses.push(await pipelined.next({ timeoutMs: 10_000 }));
        } catch {
          break;  // closed by the server once it stops taking requests
        }
      }
      pipelined.close();
      const results = await Promise.all(burst);
      const exit = await exitWithin(server, signalledAt, 10_000);
      exitedCleanly = exit.code === 0;

      for (const [i, r] of pipelinedResponses.entries()) {
        assert.equal(r.status, 200, `pipelined response ${i + 1}`);
        assert.ok(r.body.toString('utf8').trimEnd().endsWith('</html>'), `pipelined response ${i + 1} is whole`);
      }
      assert.equal(pipelined.buffer.length, 0, 'no partial response after the last complete one');
      let answered = 0;
      for (const [i, r] of results.entries()) {
        if (r.data.length === 0) continue;  // refused or closed before any answer: the client may retry
        assertComplete(r.data, `burst request ${i + 1} (${targets[i]})`);
        answered++;
      }
      const late = results.filter((r) => r.firstByteAt > signalledAt).length;
      t.diagnostic(`pipelined: ${pipelinedResponses.length}/40 answered; separate: ${answered}/${results.length} ` +
        `answered (${late} after the signal); exit ${exit.code} after ${exit.ms} ms`);
      assert.ok(answered + pipelinedResponses.length > 1, 'the server answered requests in the burst');
      assert.equal(exit.code, 0, `the server exits 0 (got ${exit.code})`);
      assert.ok(exit.ms < 5_000, `and within 5 s of SIGTERM (took ${exit.ms} ms)`);
    } finally {
      if (!exitedCleanly) await server.stop({ timeoutMs: 2_000 });
    }
  });

  it('a request that is still arriving when SIGTERM comes is answered in full', async () => {
    // A connection that has received part of a request is not idle: the request is in flight
    // (as with Go's net/http, where one byte read makes a connection active for Shutdown).
    const server = await startServer(data.dir);
    const c = new Connection(server.port);
    try {
      await c.send('GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n');  // the headers are not finished yet
      await new Promise((r) => setTimeout(r, 200));
      server.process.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      await c.send('Accept: text/html\r\n\r\n');
      const response = await c.next({ timeoutMs: 5_000 });
      assert.equal(response.status, 200);
      assert.ok(response.body.toString('utf8').trimEnd().endsWith('</html>'), 'the whole page');
      assert.equal(response.headers.connection, 'close', 'and the connection ends after it');
    } finally {
      c.close();
      const code = await server.stop({ timeoutMs: 5_000 });
      assert.equal(code, 0, 'the server still exits 0');
    }
  });

  it('an idle keep-alive connection does not hold up shutdown', async () => {
    const server = await startServer(data.dir);
    const c = new Connection(server.port);
    try {
      await c.send('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      assert.equal((await c.next()).status, 200);
      const signalledAt = Date.now();
      server.process.kill('SIGTERM');
      const exit = await exitWithin(server, signalledAt, 10_000);
      assert.equal(exit.code, 0, `exit code (got ${exit.code})`);
      assert.ok(exit.ms < 2_000, `exits promptly although a client keeps a connection open (took ${exit.ms} ms)`);
    } finally {
      c.close();
      await server.stop({ timeoutMs: 2_000 });
    }
  });

  it('SIGINT (Ctrl-C) stops the server cleanly too', async () => {
    const server = await startServer(data.dir);
    const signalledAt = Date.now();
    server.process.kill('SIGINT');
    const exit = await exitWithin(server, signalledAt, 10_000);
    if (exit.code !== 0) await server.stop({ timeoutMs: 2_000 });
    assert.equal(exit.code, 0, `exit code (got ${exit.code})`);
    assert.ok(exit.ms < 3_000, `within 3 s (took ${exit.ms} ms)`);
  });
});

describe('refusing to start', () => {
  function serve(args) {
    // Bounded: a server that starts when it should not is stopped after 10 s and fails the test.
    const r = spawnSync(binary, ['serve', ...args], { encoding: 'utf8', timeout: 10_000 });
    if (r.error && r.error.code !== 'ETIMEDOUT') throw r.error;
    return r;
  }

  it('a data directory that was never initialised: non-zero exit and a message that says what to do', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dateline-uninitialised-'));
    try {
      for (const dir of [empty, join(empty, 'missing')]) {
        const r = serve(['--data', dir, '--listen', '127.0.0.1:0']);
        assert.ok(r.status !== null && r.status !== 0, `exits non-zero (status ${r.status}, signal ${r.signal})`);
        assert.ok(r.stderr.includes(dir), `names the directory: ${r.stderr}`);
        assert.match(r.stderr, /dateline init/, `says how to create it: ${r.stderr}`);
        assert.doesNotMatch(r.stdout, /listening/, 'does not listen');
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a port that is already taken: non-zero exit and a message naming the address', async () => {
    const blocker = net.createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address();
    try {
      const r = serve(['--data', data.dir, '--listen', `127.0.0.1:${port}`]);
      assert.ok(r.status !== null && r.status !== 0, `exits non-zero (status ${r.status}, signal ${r.signal})`);
      assert.ok(r.stderr.includes(String(port)), `names the port: ${r.stderr}`);
      assert.match(r.stderr, /in use|cannot listen/i, `says why: ${r.stderr}`);
    } finally {
      blocker.close();
    }
  });

  it('an invalid --listen value: non-zero exit and a message showing the expected form', () => {
    for (const listen of ['nonsense', '127.0.0.1:99999', '127.0.0.1:']) {
      const r = serve(['--data', data.dir, '--listen', listen]);
      assert.ok(r.status !== null && r.status !== 0, `${listen}: exits non-zero (status ${r.status})`);
      assert.ok(r.stderr.includes(listen), `${listen}: quotes the value: ${r.stderr}`);
      assert.match(r.stderr, /HOST:PORT/, `${listen}: shows the expected form`);
    }
  });
});

describe('command line', () => {
  it('--help works for the program and for each command, with exit code 0', () => {
    const top = dateline(['--help']);
    assert.equal(top.status, 0);
    for (const command of ['init', 'serve', 'sites', 'import']) {
      assert.match(top.stdout, new RegExp(`\\b${command}\\b`), `the program help lists ${command}`);
    }
    const expected = {
      init: ['--data', '--demo', '--public-url'],
      serve: ['--data', '--listen'],
      sites: ['--data'],
      import: ['--data', '--site', '--section', '--publish', 'FILE'],
    };
    for (const [command, options] of Object.entries(expected)) {
      const r = dateline([command, '--help']);
      assert.equal(r.status, 0, `${command} --help exits 0`);
      assert.match(r.stdout, /Usage:/, `${command} --help shows the usage`);
      for (const option of options) assert.ok(r.stdout.includes(option), `${command} --help documents ${option}`);
      assert.equal(r.stderr, '', `${command} --help writes nothing on stderr`);
    }
  });

  it('--version prints the version', () => {
    const r = dateline(['--version']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^dateline \d+\.\d+\.\d+/);
  });

  it('an unknown option of a command is a usage error: exit code 2 and a message naming it', () => {
    for (const [args, option] of [
      [['serve', '--data', data.dir, '--bogus'], '--bogus'],
      [['import', '--data', data.dir, '--site', 'en', '--frobnicate', join(repoRoot, 'tests/fixtures/ninjs/ninjs-classic-harbour.json')], '--frobnicate'],
      [['sites', '--data', data.dir, '--verbose-please'], '--verbose-please'],
      [['init', '--data', join(tmpdir(), 'dateline-never-created'), '--demo', '--colour'], '--colour'],
    ]) {
      const r = dateline(args);
      assert.equal(r.status, 2, `${args.join(' ')}: exit code 2`);
      assert.ok(r.stderr.includes(option), `${args.join(' ')}: names ${option}: ${r.stderr}`);
      assert.equal(r.stdout, '', `${args.join(' ')}: nothing on stdout`);
    }
  });

  it('an unknown program option or command is a usage error naming it', () => {
    // A typo before or instead of the command ("dateline --verison", "dateline serv") must say
    // what was not understood, not only that a command is missing.
    for (const [args, word] of [[['--bogus'], '--bogus'], [['frobnicate'], 'frobnicate'], [['serv', '--data', data.dir], 'serv']]) {
      const r = dateline(args);
      assert.equal(r.status, 2, `${args.join(' ')}: exit code 2`);
      assert.ok(r.stderr.includes(word), `"${args.join(' ')}": names ${word}: ${r.stderr.trim()}`);
    }
  });

  it('a missing required option or command is a usage error too', () => {
    for (const args of [[], ['serve'], ['import', '--data', data.dir, '--site', 'en'], ['import', '--data', data.dir, 'x.json']]) {
      const r = dateline(args);
      assert.equal(r.status, 2, `"${args.join(' ')}": exit code 2`);
      assert.ok(r.stderr.trim().length > 0, `"${args.join(' ')}": says what is wrong`);
    }
  });
});
