// The service manager's end of systemd's notify protocol, for a test: a Unix datagram socket at
// a path (what systemd passes in NOTIFY_SOCKET), each message it receives handed out in order.
// Node has no Unix datagram sockets; Python's standard library does.
import { spawn } from 'node:child_process';

const listener = `
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print("bound", flush=True)
while True:
    message = s.recv(4096)
    print(message.decode().replace("\\\\", "\\\\\\\\").replace("\\n", "\\\\n"), flush=True)
`;

/** { path, next(): Promise<string> (rejects after 20 s), close() } once the socket is bound. */
export function createSocket(path) {
  const child = spawn('python3', ['-c', listener, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const messages = [];
  const waiting = [];
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (line === 'bound') {
          resolve({
            path,
            next: () => {
              if (messages.length) return Promise.resolve(messages.shift());
              return new Promise((r, fail) => {
                const timer = setTimeout(() => fail(new Error('no notification within 20 s')), 20_000);
                waiting.push((m) => { clearTimeout(timer); r(m); });
              });
            },
            close: () => child.kill(),
          });
          continue;
        }
        const message = line.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
        if (waiting.length) waiting.shift()(message);
        else messages.push(message);
      }
    });
  });
}
