// The HTML helper the HTTP suites rely on (tests/support/html.mjs) reads markup as a browser does:
// it finds active content that a tokenizer written by hand, or a regular expression, would miss,
// and it does not report markup that is only text. No server needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activeContent, attr, decode, elements, one, select, textOf } from '../support/html.mjs';

const page = (body) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

// Each: markup, what a finding must say. The comment says what a naive reading gets wrong.
const active = [
  // Attributes separated by '/' instead of spaces.
  ['<img/src="x"/onerror=alert(1)>', /event handler attribute onerror/],
  ['<svg/onload=alert(1)>', /event handler attribute onload/],
  // Upper and mixed case tag and attribute names, and scheme.
  ['<SCRIPT>alert(1)</SCRIPT>', /<script> element/],
  ['<ScRiPt>alert(1)</sCrIpT>', /<script> element/],
  ['<IMG SRC=x ONERROR=alert(1)>', /event handler attribute onerror/],
  ['<A HREF="JaVaScRiPt:alert(1)">x</A>', /href with a javascript: URL/],
  // Character references in the scheme: named ones beyond &amp;, and numeric ones without ';'.
  ['<a href="javascript&colon;alert(1)">x</a>', /href with a javascript: URL/],
  ['<a href="java&Tab;script:alert(1)">x</a>', /href with a javascript: URL/],
  ['<a href="jav&NewLine;ascript&colon;alert(1)">x</a>', /href with a javascript: URL/],
  ['<a href="&#106avascript:alert(1)">x</a>', /href with a javascript: URL/],
  ['<a href="&#x6A;avascript&#58alert(1)">x</a>', /href with a javascript: URL/],
  ['<a href=" &#x09;vbscript:msgbox(1)">x</a>', /href with a vbscript: URL/],
  ['<iframe src="data&colon;text/html,<script>alert(1)</script>"></iframe>', /src with a data: URL/],
  // Unquoted attribute values.
  ['<a href=javascript:alert(1)>x</a>', /href with a javascript: URL/],
  ['<p onclick=alert(1)>x</p>', /event handler attribute onclick/],
  ['<form><button formaction=javascript:alert(1)>go</button></form>', /formaction with a javascript: URL/],
  // Foreign content: <script> inside <svg> is an SVG script, and <style> there is not raw text.
  ['<svg><script>alert(1)</script></svg>', /<script> element/],
  ['<svg><style><img src=x onerror=alert(1)></style></svg>', /event handler attribute onerror/],
  ['<math><style><img src=x onerror=alert(1)></style></math>', /event handler attribute onerror/],
  ['<svg><a xlink:href="javascript:alert(1)"><rect/></a></svg>', /xlink:href with a javascript: URL/],
  // Comments end where the standard says: '<!-->' and '--!>' close them.
  ['<!--><script>alert(1)</script>-->', /<script> element/],
  ['<!-- --!><img src=x onerror=alert(1)> -->', /event handler attribute onerror/],
  // <noscript> is raw text with scripting on and markup with it off: both readings count.
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', /event handler attribute onerror/],
  ['<noscript><img src=x onerror=alert(1)></noscript>', /event handler attribute onerror/],
  // Template contents, and attributes a second <body> tag adds to the page's body.
  ['<template><script>alert(1)</script></template>', /<script> element/],
  ['<p>x</p><body onload=alert(1)>', /event handler attribute onload/],
  ['<meta http-equiv=Refresh content="0;url=https://evil.example/">', /meta refresh/],
  ['<p style=color:red>x</p>', /inline style attribute/],
];

// Markup that shows script-like text, or loads what cannot run: a browser runs none of it.
const inert = [
  '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; javascript:alert(1)</p>',
  '<p>&amp;lt;script&amp;gt; and &lt;svg onload=alert(1)&gt;</p>',
  '<p title="<script>alert(1)</script> onerror=alert(1)">a quoted attribute holds text</p>',
  '<textarea><script>alert(1)</script><img src=x onerror=alert(1)></textarea>',
  '<!-- <script>alert(1)</script> <img src=x onerror=alert(1)> -->',
  '<a href="https://example.com/?q=javascript:alert(1)">a link</a>',
  '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
  '<script src="/assets/js/comment-form.js" defer></script>',
];

describe('activeContent', () => {
  for (const [markup, expected] of active) {
    it(`finds ${markup}`, () => {
      for (const html of [markup, page(markup)]) {
        const findings = activeContent(html);
        assert.ok(findings.some((f) => expected.test(f)), `${expected} in ${JSON.stringify(findings)}`);
      }
    });
  }

  for (const markup of inert) {
    it(`reports nothing in ${markup}`, () => {
      assert.deepEqual(activeContent(page(markup)), []);
    });
  }

  it('reports an element once, not once per reading', () => {
    assert.equal(activeContent(page('<script>alert(1)</script>')).length, 1);
  });
});

describe('reading pages', () => {
  it('closes elements where the parser does and decodes attribute values', () => {
    const html = page('<P CLASS="lead x">one<p>two <b>bold</b><a href="/x?a=1&amp;b=2" title=&quot;q&quot;>l</a>');
    assert.deepEqual(select(html, { tag: 'p' }).map((p) => p.text), ['one', 'two boldl']);
    assert.equal(one(html, { cls: 'lead' }).inner, 'one');
    const a = one(html, { tag: 'a' });
    assert.equal(attr(a.token, 'href'), '/x?a=1&b=2');
    assert.equal(attr(a.token, 'title'), '"q"');
    assert.equal(a.outer, '<a href="/x?a=1&amp;b=2" title=&quot;q&quot;>l</a>');
    assert.throws(() => one(html, { tag: 'p' }), /found 2/);
  });

  it('reads a fragment without making up a document around it', () => {
    assert.deepEqual(elements('<p>a</p><img src=x>').map((e) => e.name), ['p', 'img']);
    assert.equal(select('<p>a</p>', { tag: 'body' }).length, 0);
    assert.equal(one(page('<p>a</p>'), { tag: 'html' }).token.attrs[0][1], 'en');
  });

  it('gives text as the reader sees it', () => {
    assert.equal(textOf('<p>  a &lt;b&gt;\n c&amp;d </p><!-- hidden -->'), 'a <b> c&d');
    assert.equal(decode('&lt;&colon;&#106;&#x61;&amp;lt;&nbsp;'), '<:ja&lt;\u00a0');
  });
});
