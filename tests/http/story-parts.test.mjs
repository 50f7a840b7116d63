// A story page's own parts (its heading, meta, body and structured data) are written once per
// story and site snapshot and kept with the theme (site::KeptStoryParts), here with the page cache
// off so that every request renders: kept parts must give the very page written ones give, and a
// change of the story or of its site must write them again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, useDemoServer, waitUntil } from '../support/dateline.mjs';

const demo = useDemoServer({ env: { DATELINE_PAGE_CACHE_MB: '0' } });

const story = () => {
  const [id, path] = demo.data.sql(
    "SELECT a.id || '|' || '/en/' || s.slug || '/' || a.slug FROM articles a " +
    "JOIN sections s ON s.id = a.section_id JOIN sites t ON t.id = a.site_id " +
    "WHERE t.slug = 'en' AND a.status = 'published' ORDER BY a.id LIMIT 1").trim().split('|');
  return { id, path };
};

const page = async (path) => {
  const res = await get(`${demo.server.url}${path}`);
  assert.equal(res.status, 200, path);
  assert.equal(res.headers.get('x-dateline-cache'), 'miss', 'rendered, not cached');
  const html = await res.text();
  return {
    html,
    headline: html.match(/<h1 class="story__headline">([^<]*)<\/h1>/)?.[1],
    jsonHeadline: html.match(/"@type":"NewsArticle".*?"headline":"([^"]*)"/)?.[1],
    shareTitle: html.match(/https:\/\/x\.com\/intent\/post\?text=([^&]*)&amp;/)?.[1],
    times: html.match(/<span class="story__published">.*?<\/span>/)?.[0],
    published: html.match(/"datePublished":"([^"]+)"/)?.[1],
    share: [...html.matchAll(/story__share-link--([a-z]+)/g)].map((m) => m[1]).join(' '),
  };
};

test('a story page from kept parts is the page its written parts made', async () => {
  const { path } = story();
  const written = await page(path);
  assert.ok(written.headline && written.times && written.jsonHeadline, 'the story page shows its parts');
  for (let i = 0; i < 3; i++) assert.equal((await page(path)).html, written.html, `render ${i + 2}`);
});

test('a story edited shows at once in every part, its kept parts let go', async () => {
  const { id, path } = story();
  const before = await page(path);
  const headline = demo.data.sql(`SELECT headline FROM articles WHERE id = ${id}`).trim();
  // As an edit another node made: the row's revision moves (ArticleStore::unchanged).
  demo.data.sql(`UPDATE articles SET headline = headline || ' at dawn', revision = revision + 1 WHERE id = ${id}`);
  try {
    const after = await page(path);
    assert.equal(after.headline, `${before.headline} at dawn`);
    assert.equal(after.jsonHeadline, `${before.jsonHeadline} at dawn`);
    assert.equal(after.shareTitle, `${before.shareTitle}%20at%20dawn`);
  } finally {
    demo.data.sql(`UPDATE articles SET headline = '${headline.replaceAll("'", "''")}', revision = revision + 1 WHERE id = ${id}`);
  }
  assert.equal((await page(path)).headline, before.headline);
});

test('a site\'s time zone and share networks changed show in its story pages\' kept parts', async () => {
  const { path } = story();
  const before = await page(path);
  const [zone, networks] = demo.data.sql(
    "SELECT time_zone || '|' || share_networks FROM sites WHERE slug = 'en'").trim().split('|');
  assert.equal(before.share, networks, 'a link for each network the site shares on');
  const other = zone === 'Pacific/Kiritimati' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
  demo.data.sql(`UPDATE sites SET time_zone = '${other}', share_networks = 'email' WHERE slug = 'en'`);
  try {
    await waitUntil('the story\'s times in the new zone, and only the e-mail link', async () => {
      const now = await page(path);
      return now.times !== before.times && now.published !== before.published && now.share === 'email';
    });
  } finally {
    demo.data.sql(`UPDATE sites SET time_zone = '${zone}', share_networks = '${networks}' WHERE slug = 'en'`);
  }
  await waitUntil('the story page as it was', async () => (await page(path)).html === before.html);
});
