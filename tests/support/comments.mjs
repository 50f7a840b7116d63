// Sending the comment form as a browser would: the security check solved with the ALTCHA
// widget's own solver (the npm package the site serves), the fields form-encoded.
import { solveChallenge, pbkdf2 } from 'altcha/lib';
import { decode } from './html.mjs';

/** Where the form on an article's page fetches its security check (bound to that article). */
export async function checkUrl(baseUrl, articlePath) {
  const page = await fetch(`${baseUrl}${articlePath}`, { signal: AbortSignal.timeout(10_000) });
  const url = (await page.text()).match(/<altcha-widget challenge="([^"]+)"/)?.[1];
  if (!url) throw new Error(`no security check on ${articlePath} (${page.status})`);
  return `${baseUrl}${decode(url)}`;
}

/**
 * Fetches the challenge the form of the article at `articlePath` asks for, as the widget does, and
 * returns the payload the widget would put in the form.
 */
export async function solveCheck(baseUrl, articlePath) {
  const response = await fetch(await checkUrl(baseUrl, articlePath), { signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`comment-check answered ${response.status}`);
  const challenge = await response.json();
  const solution = await solveChallenge({ challenge, deriveKey: pbkdf2.deriveKey, timeout: 30_000 });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

let sent = 0;

/**
 * A complete, valid set of fields (override any of them). Each call's comment text differs, so
 * that duplicate detection never merges two tests' comments.
 */
export function goodFields(overrides = {}) {
  sent += 1;
  return {
    name: 'Rana Haddad',
    email: 'rana@example.com',
    title: 'Good to see the harbour busy',
    comment: `Comment ${sent}: the new berths were overdue.\r\n\r\nLet us hope the ferry returns too.`,
    terms: 'yes',
    website: '',
    ...overrides,
  };
}

/** POSTs the form (fields as an object or URLSearchParams), without following redirects. */
export function postForm(url, fields, headers = {}) {
  const body = fields instanceof URLSearchParams || typeof fields === 'string'
    ? fields : new URLSearchParams(fields);
  return fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
}

/** Solves a check and sends a comment with it. */
export async function sendComment(baseUrl, articlePath, overrides = {}, headers = {}) {
  const altcha = await solveCheck(baseUrl, articlePath);
  return postForm(`${baseUrl}${articlePath}`, goodFields({ altcha, ...overrides }), headers);
}

const englishNumbers = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const arabicNumbers = ['صفر', 'واحد', 'إثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];

/** The fallback question on a page, read as a person would: its two numbers and the token. */
export function questionOn(html) {
  const label = html.match(/<label for="comment-answer">([^<]*)<\/label>/);
  const token = html.match(/name="question" value="([^"]+)"/);
  if (!label || !token) return null;
  const words = [...englishNumbers, ...arabicNumbers];
  const found = label[1].split(/[\s?؟.,،]+/).filter((w) => words.includes(w))
    .map((w) => (englishNumbers.includes(w) ? englishNumbers.indexOf(w) : arabicNumbers.indexOf(w)));
  return { text: label[1], numbers: found, token: token[1], answer: String(found[0] + found[1]) };
}
