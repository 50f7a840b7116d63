// HTTP/1.1 over a plain loopback socket, for what fetch would normalise or refuse to send:
// dot segments, encoded slashes, bad bytes, oversized headers, several requests on one socket.
import net from 'node:net';

/**
 * Parses one response at the start of `buffer`. Returns { status, reason, headers (lower-case
 * names), body (Buffer), rest (Buffer) }, or null while the response is incomplete. `head` says
 * the request was HEAD (a Content-Length but no body).
 */
export function parseResponse(buffer, { head = false } = {}) {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const m = lines[0].match(/^HTTP\/1\.[01] (\d{3}) ?(.*)$/);
  if (!m) throw new Error(`not an HTTP response: ${JSON.stringify(lines[0])}`);
  const headers = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const status = Number(m[1]);
  const length = head || status === 304 || status === 204 ? 0 : Number(headers['content-length'] ?? 0);
  const bodyStart = end + 4;
  if (buffer.length < bodyStart + length) return null;
  return {
    status,
    reason: m[2],
    headers,
    body: buffer.subarray(bodyStart, bodyStart + length),
    rest: buffer.subarray(bodyStart + length),
  };
}

/**
 * Sends `request` (a string or Buffer, written as is) on a new connection and collects every byte
 * until the server closes it or `timeoutMs` passes. Resolves { data, closed, error } and never
 * rejects: a reset after the answer still gives the answer.
 */
export function exchange(port, request, { timeoutMs = 5000 } = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    let settled = false;
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = (closed, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), closed, error });
    };
    const timer = setTimeout(() => finish(false, new Error('timed out')), timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (e) => finish(true, e));
  });
}

/** A GET (or other method) with Host and Connection: close, target sent byte for byte. */
export function requestText(target, { method = 'GET', headers = {} } = {}) {
  let text = `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n`;
  for (const [k, v] of Object.entries({ Connection: 'close', ...headers })) text += `${k}: ${v}\r\n`;
  return `${text}\r\n`;
}

/** One request on its own connection, parsed; `response` is null when none (complete) came. */
export async function rawRequest(port, target, options = {}) {
  const result = await exchange(port, requestText(target, options), options);
  const response = result.data.length ? parseResponse(result.data, { head: options.method === 'HEAD' }) : null;
  return { ...result, response };
}

/**
 * A persistent connection: send() writes, next() resolves with the next complete response (or
 * rejects when the server closes first or `timeoutMs` passes).
 */
export class Connection {
  constructor(port) {
    this.buffer = Buffer.alloc(0);
    this.closed = false;
    this.waiters = [];
    this.socket = net.connect({ host: '127.0.0.1', port });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('data', (d) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      this.wake();
    });
    this.socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    this.socket.on('error', () => {});
  }

  wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  async send(text) {
    await this.ready;
    this.socket.write(text);
  }

  next({ head = false, timeoutMs = 5000 } = {}) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no response in time')), timeoutMs);
      const check = () => {
        const r = parseResponse(this.buffer, { head });
        if (r) {
          clearTimeout(timer);
          this.buffer = r.rest;
          resolve(r);
        } else if (this.closed) {
          clearTimeout(timer);
          reject(new Error(`connection closed before a complete response (${this.buffer.length} bytes)`));
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  close() {
    this.socket.destroy();
  }
}

/**
 * Sends `head`, a request's head announcing a body it does not send, and resolves with the
 * answer's head as text (empty if none came within `timeoutMs`): what the server decides before
 * reading any of the body.
 */
export function answerToHead(port, head, { timeoutMs = 5000 } = {}) {
  return new Promise((resolve) => {
    let text = '';
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(text);
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('connect', () => socket.write(head));
    socket.on('data', (d) => { text += d; if (text.includes('\r\n\r\n')) finish(); });
    socket.on('close', finish);
    socket.on('error', finish);
  });
}
