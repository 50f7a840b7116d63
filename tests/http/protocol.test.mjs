// HTTP/1.1 details a proxy or a client relies on: Host, the absolute form, request ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDemoServer, waitUntil } from '../support/dateline.mjs';
import { exchange, parseResponse, rawRequest } from '../support/raw-http.mjs';

const demo = useDemoServer();

async function send(text) {
  const r = await exchange(demo.server.port, text);
  return parseResponse(r.data);
}

test('an HTTP/1.1 request without a Host header gets 400', async () => {
  const res = await send('GET /en/ HTTP/1.1\r\nConnection: close\r\n\r\n');
  assert.equal(res.status, 400);
});

test('two Host headers get 400', async () => {
  const res = await send('GET /en/ HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nConnection: close\r\n\r\n');
  assert.equal(res.status, 400);
});

test('the absolute form of a target is served like the origin form', async () => {
  const res = await send(`GET http://127.0.0.1:${demo.server.port}/en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  assert.equal(res.status, 200);
  assert.match(res.body.toString(), /<html lang="en" dir="ltr"[ >]/);
});

test('every response carries a request id of its own, also in the access log', async () => {
  const a = (await rawRequest(demo.server.port, '/en/')).response;
  const b = (await rawRequest(demo.server.port, '/nowhere')).response;
  const idA = a.headers['x-request-id'];
  const idB = b.headers['x-request-id'];
  assert.match(idA, /^r[0-9a-f]+$/);
  assert.notEqual(idA, idB);
  // The access log is written in batches, within a quarter of a second. The reader's address
  // loses its last byte; the line ends with the page cache's answer.
  const line = new RegExp(`${idA} 127\\.0\\.0\\.0 "GET /en/" 200 \\d+ \\d+us (hit|miss)\n`);
  await waitUntil('the access log names the request', () => line.test(demo.server.stderr()));
});
