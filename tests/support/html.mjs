// HTML helpers for the HTTP suites, over parse5 (npm `parse5`), a parser that follows the HTML
// standard's tokenizer and tree construction: a test sees the tree a reader's browser builds from
// the server's markup (character references, implied end tags, raw text, comments, SVG and
// MathML content, misnested markup), then asks it for elements, attributes, text and active
// content.

import { parse, parseFragment, serialize, serializeOuter, defaultTreeAdapter } from 'parse5';

const PARSE_OPTIONS = { sourceCodeLocationInfo: true };
const HTML_NS = 'http://www.w3.org/1999/xhtml';

// A whole page starts with its doctype or <html>; anything else is a fragment, read in a <body>
// the way innerHTML reads it, so no <html>, <head> or <body> is made up around it.
function parseSource(html) {
  return /^\uFEFF?\s*<(!doctype|html[\s>\/])/i.test(html) ? parse(html, PARSE_OPTIONS) : parseFragment(html, PARSE_OPTIONS);
}

/** Every element under `root` in document order, <template> contents included. */
function* walk(root) {
  const stack = [...(root.childNodes ?? [])].reverse();
  while (stack.length) {
    const node = stack.pop();
    if (!node.tagName) continue;  // text, comment, doctype
    yield node;
    const children = node.tagName === 'template' && node.content ? node.content.childNodes : node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/**
 * What a test sees of an element: { name, attrs: [[name, value]], namespace, node }. Names are in
 * lower case (`xlink:href` for an attribute in a namespace); values are decoded, as the browser
 * reads them.
 */
function view(node) {
  const attrs = node.attrs.map((a) => [(a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase(), a.value]);
  return { name: node.tagName.toLowerCase(), attrs, namespace: node.namespaceURI, node };
}

/** The source of `node` in `html` (`inner`: between its tags), or its serialization without one. */
function sourceOf(html, node, inner) {
  const loc = node.sourceCodeLocation;
  if (!loc?.startTag) return inner ? serialize(node) : serializeOuter(node);
  const end = loc.endOffset ?? html.length;
  if (!inner) return html.slice(loc.startOffset, end);
  return html.slice(loc.startTag.endOffset, loc.endTag ? loc.endTag.startOffset : end);
}

/** The text content of `node` (text in raw-text elements included, comments not). */
function textContent(node) {
  if (node.nodeName === '#text') return node.value;
  if (!node.childNodes) return '';
  return node.childNodes.map(textContent).join('');
}

const collapse = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * Decodes character references the way the HTML parser does in text: every named reference of
 * the standard (with the legacy ones written without a `;`) and every numeric one.
 */
export function decode(text) {
  // A <textarea> context reads everything as text (RCDATA) with references decoded.
  const context = defaultTreeAdapter.createElement('textarea', HTML_NS, []);
  return parseFragment(context, text, {}).childNodes.map(textContent).join('');
}

/** Escapes text the way any correct HTML serializer may: used to look for text in raw markup. */
export function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Every element of `html` in document order as the browser builds it, each as
 * { name, attrs: [[name, value]], namespace, node }, with attribute values decoded.
 */
export function elements(html) {
  return [...walk(parseSource(html))].map(view);
}

/** The value of attribute `name` of an element, or undefined. */
export function attr(element, name) {
  const found = element.attrs.find(([n]) => n === name);
  return found ? found[1] : undefined;
}

export function hasClass(element, cls) {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(cls);
}

/**
 * Elements of `html` that match: { tag, cls, where(element) }. Each result is { token (the
 * element, as `elements` gives it), name, attrs, inner (its inner HTML in `html`), outer, text
 * (decoded text content, whitespace collapsed) }.
 */
export function select(html, { tag, cls, where } = {}) {
  const out = [];
  for (const node of walk(parseSource(html))) {
    const t = view(node);
    if (tag && t.name !== tag) continue;
    if (cls && !hasClass(t, cls)) continue;
    if (where && !where(t)) continue;
    out.push({ token: t, name: t.name, attrs: t.attrs, inner: sourceOf(html, node, true), outer: sourceOf(html, node, false),
      text: collapse(textContent(node)) });
  }
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

/** Decoded text content of an HTML page or fragment, whitespace collapsed. */
export function textOf(fragment) {
  return collapse(textContent(parseSource(fragment)));
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

function findingsOf(html, document, findings) {
  for (const node of walk(document)) {
    const t = view(node);
    const where = sourceOf(html, node, false).slice(0, 160);
    // The theme's own scripts are files under /assets/ (the CSP forbids inline ones).
    const themeScript = t.name === 'script' && t.namespace === HTML_NS && (attr(t, 'src') ?? '').startsWith('/assets/');
    // Structured data for search engines: browsers never run a script of that type (a data
    // block). Text that broke out of it would make a script element of its own, found here.
    const dataBlock = t.name === 'script' && t.namespace === HTML_NS && attr(t, 'src') === undefined &&
      attr(t, 'type') === 'application/ld+json';
    if (ACTIVE_ELEMENTS.has(t.name) && !themeScript && !dataBlock) findings.add(`<${t.name}> element: ${where}`);
    if (t.name === 'meta' && (attr(t, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
      findings.add(`meta refresh: ${where}`);
    }
    for (const [name, value] of t.attrs) {
      if (name.startsWith('on')) findings.add(`event handler attribute ${name}: ${where}`);
      if (name === 'style') findings.add(`inline style attribute: ${where}`);
      if (name === 'srcdoc') findings.add(`srcdoc attribute: ${where}`);
      if (URL_ATTRIBUTES.has(name)) {
        // Browsers drop ASCII whitespace and control characters inside a URL's scheme.
        const squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        // A data: image loaded as an image (an <img>, a favicon) runs no script; a data: URL
        // that a reader can navigate to or that loads as a document is active.
        const asImage = ((t.name === 'img' || t.name === 'source') && (name === 'src' || name === 'srcset')) ||
          (t.name === 'link' && name === 'href' && /\bicon\b/.test(attr(t, 'rel') ?? ''));
        const image = asImage && /^data:image\//.test(squeezed);
        if (/^(javascript|vbscript|data|livescript):/.test(squeezed) && !image) {
          findings.add(`${name} with a ${squeezed.split(':')[0]}: URL: ${where}`);
        }
      }
    }
  }
}

/**
 * What in `html`, loaded as a page, a browser would treat as active content: elements that run or
 * load code, event handler attributes, inline styles, and URL attributes with a script-capable
 * scheme, wherever the parser puts them (<template> contents included). The page is read twice,
 * with scripting on and off, because <noscript> holds raw text in one and markup in the other.
 * Returns a list of human-readable findings (empty when the markup is inert).
 */
export function activeContent(html) {
  const findings = new Set();
  for (const scriptingEnabled of [true, false]) {
    findingsOf(html, parse(html, { ...PARSE_OPTIONS, scriptingEnabled }), findings);
  }
  return [...findings];
}
