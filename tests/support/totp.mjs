// What an authenticator app computes (RFC 6238 over RFC 4226, HMAC-SHA-1, six digits, 30-second
// steps), from the key the newsroom's account screen shows, for the suites that sign in in two steps.
import { createHmac } from 'node:crypto';

/** The bytes of an RFC 4648 base32 key as the screen writes it (groups of four, no padding). */
export function fromBase32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0; let value = 0; const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const digit = alphabet.indexOf(c);
    if (digit < 0) throw new Error(`not base32: ${text}`);
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) { bits -= 8; out.push((value >> bits) & 0xff); }
  }
  return Buffer.from(out);
}

/**
 * The six-digit code of `key` for the 30-second step `offset` steps from now. A code is good
 * once, and so is every step before it: a suite uses the window's codes (a step back, this one,
 * a step ahead) in increasing order, which the clock moving on keeps.
 */
export function codeOf(key, offset = 0) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + offset));
  const mac = createHmac('sha1', key).update(counter).digest();
  const at = mac[19] & 0xf;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * Waits, if the current 30-second step has fewer than `marginSeconds` left, until the next one
 * begins. A code a step back is good only until the step turns (then it is two back), and a
 * browser may take seconds to send it on a loaded machine: call this before taking a code.
 */
export async function awayFromStepEdge(marginSeconds = 8) {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < marginSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}
