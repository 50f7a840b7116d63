// Small HTML helpers for the HTTP suites: a tokenizer that reads tags and attributes the way a
// browser's tokenizer does (quoted and unquoted values, raw-text elements, comments), so a test
// sees the markup a reader's browser would build, plus element lookup and entity decoding.
// It is not a full HTML parser: it is enough to find elements and attributes in server output.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta',
  'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed',
  'noframes', 'noscript', 'plaintext']);

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes character references (named ones the server may emit, and all numeric ones). */
export function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Escapes text the way any correct HTML serializer may: used to look for text in raw markup. */
export function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Tokenizes `html` into start and end tags: { type: 'start'|'end', name, attrs: [[name, value]],
 * start, end } with `start`/`end` the offsets of the tag in `html`. Attribute values are decoded.
 */
export function tokenize(html) {
  const tokens = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const close = html.indexOf('>', lt);
      i = close < 0 ? n : close + 1;
      continue;
    }
    const isEnd = html[lt + 1] === '/';
    const nameStart = isEnd ? lt + 2 : lt + 1;
    if (!/[a-zA-Z]/.test(html[nameStart] ?? '')) {
      i = lt + 1;  // a bare '<' in text
      continue;
    }
    let j = nameStart;
    while (j < n && !/[\s/>]/.test(html[j])) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    const attrs = [];
    // Attributes, per the HTML tokenizer's before/after attribute name and value states.
    for (;;) {
      while (j < n && /[\s/]/.test(html[j])) j++;
      if (j >= n || html[j] === '>') break;
      let k = j + 1;  // the first character may be '=' and still be part of the name
      while (k < n && !/[\s/>=]/.test(html[k])) k++;
      const attrName = html.slice(j, k).toLowerCase();
      j = k;
      while (j < n && /\s/.test(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && /\s/.test(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, j + 1);
          const stop = close < 0 ? n : close;
          value = html.slice(j + 1, stop);
          j = stop + 1;
        } else {
          let k2 = j;
          while (k2 < n && !/[\s>]/.test(html[k2])) k2++;
          value = html.slice(j, k2);
          j = k2;
        }
      }
      attrs.push([attrName, decode(value)]);
    }
    const end = Math.min(j + 1, n);
    tokens.push({ type: isEnd ? 'end' : 'start', name, attrs, start: lt, end });
    i = end;
    if (!isEnd && RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      i = close < 0 ? n : close;
    }
  }
  return tokens;
}

/** The value of attribute `name` of a token, or undefined. */
export function attr(token, name) {
  const found = token.attrs.find(([n]) => n === name);
  return found ? found[1] : undefined;
}

export function hasClass(token, cls) {
  return (attr(token, 'class') ?? '').split(/\s+/).includes(cls);
}

/**
 * Elements of `html` that match: { tag, cls, where(token) }. Each result is { token, name,
 * attrs, inner (raw inner HTML), outer, text (decoded text content) }.
 */
export function select(html, { tag, cls, where } = {}) {
  const tokens = tokenize(html);
  const out = [];
  tokens.forEach((t, index) => {
    if (t.type !== 'start') return;
    if (tag && t.name !== tag) return;
    if (cls && !hasClass(t, cls)) return;
    if (where && !where(t)) return;
    let innerEnd = t.end;
    let outerEnd = t.end;
    if (!VOID.has(t.name)) {
      let depth = 0;
      for (let k = index; k < tokens.length; k++) {
        const u = tokens[k];
        if (u.name !== t.name) continue;
        if (u.type === 'start') depth++;
        else if (--depth === 0) {
          innerEnd = u.start;
          outerEnd = u.end;
          break;
        }
      }
      if (depth !== 0) innerEnd = outerEnd = html.length;
    }
    const inner = html.slice(t.end, innerEnd);
    out.push({ token: t, name: t.name, attrs: t.attrs, inner, outer: html.slice(t.start, outerEnd), text: textOf(inner) });
  });
  return out;
}

/** The single element that matches, or a thrown error that says how many did. */
export function one(html, query) {
  const found = select(html, query);
  if (found.length !== 1) {
    throw new Error(`expected exactly one element matching ${JSON.stringify(query)}, found ${found.length}`);
  }
  return found[0];
}

/** Decoded text content of an HTML fragment, whitespace collapsed. */
export function textOf(fragment) {
  const tokens = tokenize(fragment);
  let text = '';
  let at = 0;
  for (const t of tokens) {
    text += fragment.slice(at, t.start);
    at = t.end;
  }
  text += fragment.slice(at);
  return decode(text).replace(/\s+/g, ' ').trim();
}

/** Number of non-overlapping occurrences of `needle` in `haystack`. */
export function count(haystack, needle) {
  if (!needle) throw new Error('count: empty needle');
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'srcset', 'xlink:href',
  'background', 'data', 'ping', 'cite', 'longdesc', 'manifest', 'codebase']);
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'style', 'base', 'portal']);

/**
 * What in `html` a browser would treat as active content: elements that run or load code, event
 * handler attributes, inline styles, and URL attributes with a script-capable scheme. Returns a
 * list of human-readable findings (empty when the markup is inert).
 */
export function activeContent(html) {
  const findings = [];
  for (const t of tokenize(html)) {
    if (t.type !== 'start') continue;
    const where = html.slice(t.start, Math.min(t.end, t.start + 160));
    // The theme's own scripts are files under /assets/ (the CSP forbids inline ones).
    const themeScript = t.name === 'script' && (attr(t, 'src') ?? '').startsWith('/assets/');
    if (ACTIVE_ELEMENTS.has(t.name) && !themeScript) findings.push(`<${t.name}> element: ${where}`);
    if (t.name === 'meta' && (attr(t, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
      findings.push(`meta refresh: ${where}`);
    }
    for (const [name, value] of t.attrs) {
      if (name.startsWith('on')) findings.push(`event handler attribute ${name}: ${where}`);
      if (name === 'style') findings.push(`inline style attribute: ${where}`);
      if (name === 'srcdoc') findings.push(`srcdoc attribute: ${where}`);
      if (URL_ATTRIBUTES.has(name)) {
        // Browsers drop ASCII whitespace and control characters inside a URL's scheme.
        const squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        // A data: image loaded as an image (an <img>, a favicon) runs no script; a data: URL
        // that a reader can navigate to or that loads as a document is active.
        const asImage = ((t.name === 'img' || t.name === 'source') && (name === 'src' || name === 'srcset')) ||
          (t.name === 'link' && name === 'href' && /\bicon\b/.test(attr(t, 'rel') ?? ''));
        const image = asImage && /^data:image\//.test(squeezed);
        if (/^(javascript|vbscript|data|livescript):/.test(squeezed) && !image) {
          findings.push(`${name} with a ${squeezed.split(':')[0]}: URL: ${where}`);
        }
      }
    }
  }
  return findings;
}
