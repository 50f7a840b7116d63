// The demo network as written in demo/: the oracle the page suites compare the served pages with.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './dateline.mjs';
import { select } from './html.mjs';
import { get } from './dateline.mjs';

export const demoDir = join(repoRoot, 'demo');

/** { network, sites: [{ ...site from network.json, articles: [{ file, ...article }] }] } */
export function loadDemo() {
  const spec = JSON.parse(readFileSync(join(demoDir, 'network.json'), 'utf8'));
  for (const site of spec.sites) {
    const folder = join(demoDir, 'articles', site.slug);
    site.articles = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((file) => ({ file, ...JSON.parse(readFileSync(join(folder, file), 'utf8')) }));
  }
  return spec;
}

/** Size of every section and tag listing of a demo site: [{ kind, key, path, count }]. */
export function listingSizes(site) {
  const sections = new Map();
  const tags = new Map();
  for (const a of site.articles) {
    sections.set(a.section, (sections.get(a.section) ?? 0) + 1);
    for (const t of a.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  return [
    ...[...sections].map(([key, count]) => ({ kind: 'section', key, path: `${site.path}${key}/`, count })),
    ...[...tags].map(([key, count]) => ({ kind: 'tag', key, count })),
  ];
}

/**
 * Finds the served URL path of a demo article from its section's listing (link text equal to the
 * headline). Throws when the listing does not link it.
 */
export async function articlePath(baseUrl, site, article) {
  const res = await get(`${baseUrl}${site.path}${article.section}/`);
  const html = await res.text();
  const link = select(html, { tag: 'a', where: (t) => t.attrs.some(([n]) => n === 'href') })
    .find((a) => a.text === article.headline);
  if (!link) throw new Error(`the ${article.section} listing of ${site.slug} does not link "${article.headline}"`);
  return link.attrs.find(([n]) => n === 'href')[1];
}
