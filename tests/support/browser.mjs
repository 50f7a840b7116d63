// What the browser suites share: a real `dateline` server over a fresh demo network with Debian's
// Chromium driven through playwright-core (never a downloaded browser), the screen sizes they
// use, the screenshots folder, an axe-core runner (WCAG 2.1 A and AA), and a watcher that records
// every problem a reader's browser reports.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { makeDataDir, startServer, repoRoot } from './dateline.mjs';

/** The Chromium binary: $CHROMIUM_BIN, or Debian's package. */
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
/** Headless, without sandbox or GPU, and quiet: no background updates, sync or first-run UI. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Browser-context options for the screens the suites test on. */
export const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  // The most common laptop screen.
  desktop: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, isMobile: false },
};

/** Where screenshots go, for a human to look at. */
export const SCREENSHOTS = join(repoRoot, 'build/screenshots');

/** WCAG 2.2 AA, which brings `target-size` (targets at least 24 by 24 CSS pixels or spaced). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** How many offending nodes a failure lists per axe rule. */
const AXE_NODES_SHOWN = 8;

/** Launches Chromium from CHROMIUM with CHROMIUM_ARGS; resolves to the playwright Browser. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Registers before/after hooks that give the calling suite a demo data directory, a server on it
 * (`env` goes to the server, see startServer) and Chromium; returns an object whose `data`,
 * `server` and `browser` are set once the suite runs (`dataOptions` go to makeDataDir). `setUp(suite)`, if given, runs once the
 * server is up (before Chromium starts): a suite's own setup belongs there, not in a second
 * top-level before() hook, which node:test may start without waiting for this one. Afterwards the
 * hooks close the browser, stop the server, remove the data and assert that the server exited
 * cleanly.
 */
export function useBrowserSuite({ env = {}, setUp, dataOptions = {} } = {}) {
  const suite = { data: null, server: null, browser: null };
  before(async () => {
    suite.data = makeDataDir(dataOptions);
    suite.server = await startServer(suite.data.dir, [], { env });
    await setUp?.(suite);
    suite.browser = await launchChromium();
  });
  after(async () => {
    await suite.browser?.close();
    const code = await suite.server?.stop();
    suite.data?.remove();
    assert.ok(code === 0 || code === 'SIGTERM', `server exit: ${code}\n${suite.server?.stderr()}`);
  });
  return suite;
}

/** The path of screenshot `name` (e.g. `en-home-phone.png`) in SCREENSHOTS, creating the folder. */
export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/**
 * Records every problem a reader's browser reports on `page`, as human-readable lines pushed to
 * the returned `problems`: console errors (CSP violations are reported there too), uncaught
 * exceptions, failed requests and HTTP errors (status >= 400). It also installs a
 * `securitypolicyviolation` listener in every document; read it with cspViolations(page).
 *
 * Options: `origin` (e.g. the server's URL): any request elsewhere (but `data:`) is a problem;
 * `ignoreAborted`: a request that fails with net::ERR_ABORTED (cancelled, e.g. by leaving the
 * page) is not a problem.
 *
 * Returns { problems, requested, expectHttpError }: `requested` lists the path of every request;
 * `expectHttpError(method, url, status)` declares one expected HTTP error, so that its response,
 * and Chromium's console line about it ("... status of 422 ..."), are not problems.
 */
export async function watchPage(page, { origin, ignoreAborted = false } = {}) {
  const problems = [];
  const requested = [];
  const expected = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    requested.push(url.pathname);
    if (origin !== undefined && url.protocol !== 'data:' && url.origin !== origin) {
      problems.push(`request off the site: ${req.url()}`);
    }
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    const url = where.split('#')[0];
    if (expected.some((e) => e.url === url && new RegExp(`status of ${e.status}\\b`).test(msg.text()))) return;
    problems.push(`console error: ${msg.text()} (${where})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (ignoreAborted && req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() < 400) return;
    const method = res.request().method();
    if (expected.some((e) => e.status === res.status() && e.method === method && e.url === res.url())) return;
    problems.push(`HTTP ${res.status()}: ${method} ${res.url()}`);
  });
  // Init scripts run outside the page's CSP, so the listener works in every document, even a
  // script-free one.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const source = e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : '';
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}${source}`);
    });
  });
  return {
    problems,
    requested,
    expectHttpError: (method, url, status) => expected.push({ method, url, status }),
  };
}

/**
 * Opens a page in a new context of `browser` (with `contextOptions`) and watches it:
 * { context, page, ...watchPage(page, watchOptions) }. The caller closes the context.
 */
export async function openWatchedPage(browser, contextOptions = {}, watchOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  return { context, page, ...(await watchPage(page, watchOptions)) };
}

/** CSP violations seen by the current document of a watched page; read before leaving each page. */
export function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

function formatAxeViolations(violations) {
  return violations.map((v) => {
    const shown = v.nodes.slice(0, AXE_NODES_SHOWN);
    const nodes = shown.map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n');
    const more = v.nodes.length > shown.length ? `\n    ... and ${v.nodes.length - shown.length} more node(s)` : '';
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
  }).join('\n');
}

/**
 * Runs axe-core (AXE_TAGS) on the whole page as it stands. Asserts that axe really ran (more than
 * ten rules passed); returns a failure text naming `where` and each violation, or '' if none.
 */
export async function axeFailures(page, where) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.ok(results.passes.length > 10, `axe ran its rules on ${where} (${results.passes.length} passed)`);
  if (results.violations.length === 0) return '';
  return `${where}: ${results.violations.length} violation(s)\n${formatAxeViolations(results.violations)}`;
}

/** Asserts that a list of axeFailures() results holds no failure; logs the failures first. */
export function assertNoAxeFailures(results) {
  const failures = results.filter(Boolean);
  if (failures.length) console.log(failures.join('\n'));
  assert.equal(failures.length, 0, `axe violations:\n${failures.join('\n')}`);
}
