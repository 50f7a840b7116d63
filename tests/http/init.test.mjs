// `init` checks the network it is given and leaves nothing half-made when it fails.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateline, repoRoot } from '../support/dateline.mjs';
import { loadDemo } from '../support/demo.mjs';

const work = mkdtempSync(join(tmpdir(), 'dateline-init-'));
after(() => rmSync(work, { recursive: true, force: true }));

const network = JSON.parse(readFileSync(join(repoRoot, 'demo/network.json'), 'utf8'));

function demoWith(name, change) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'articles/en'), { recursive: true });
  const copy = structuredClone(network);
  change(copy, dir);
  writeFileSync(join(dir, 'network.json'), JSON.stringify(copy));
  return dir;
}

test('a broken demo article fails init, names the file, and a later init starts clean', () => {
  const demo = demoWith('broken-article', (_, dir) => {
    cpSync(join(repoRoot, 'demo/articles/en/01-oman-coastal-highway.json'), join(dir, 'articles/en/01-good.json'));
    cpSync(join(repoRoot, 'demo/images'), join(dir, 'images'), { recursive: true });
    writeFileSync(join(dir, 'articles/en/02-broken.json'), '{"headline": ');
  });
  const data = join(work, 'data-1');
  const failed = dateline(['init', '--data', data, '--demo', '--demo-dir', demo]);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /02-broken\.json: not valid JSON/);
  assert.notEqual(dateline(['sites', '--data', data]).status, 0, 'no network is left behind');
  const again = dateline(['init', '--data', data, '--demo']);
  assert.equal(again.status, 0, again.stderr);
  const stories = loadDemo().sites.reduce((n, site) => n + site.articles.length, 0);
  assert.match(again.stdout, new RegExp(`with ${stories} articles`));
});

test('a demo picture that is not a picture fails init, naming the story that shows it, and leaves nothing', () => {
  const demo = demoWith('broken-picture', (_, dir) => {
    const story = JSON.parse(readFileSync(join(repoRoot, 'demo/articles/en/01-oman-coastal-highway.json'), 'utf8'));
    mkdirSync(join(dir, 'images'));
    cpSync(join(repoRoot, 'demo/images', story.image), join(dir, 'images', story.image));
    writeFileSync(join(dir, 'images/not-a-picture.jpg'), 'plain words, no picture');
    writeFileSync(join(dir, 'articles/en/01-good.json'), JSON.stringify(story));
    writeFileSync(join(dir, 'articles/en/02-bad-picture.json'), JSON.stringify({ ...story, image: 'not-a-picture.jpg' }));
    writeFileSync(join(dir, 'articles/en/03-same-bad-picture.json'), JSON.stringify({ ...story, image: 'not-a-picture.jpg' }));
  });
  const data = join(work, 'data-broken-picture');
  const failed = dateline(['init', '--data', data, '--demo', '--demo-dir', demo]);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /02-bad-picture\.json: the picture \S*not-a-picture\.jpg: The file is not a JPEG, PNG, WebP or GIF image/);
  assert.notEqual(dateline(['sites', '--data', data]).status, 0, 'no network is left behind');
});

test('a demo translation of no demo story fails init, naming the file and the story it names', () => {
  const demo = demoWith('lost-translation', (_, dir) => {
    const story = JSON.parse(readFileSync(join(repoRoot, 'demo/articles/en/01-oman-coastal-highway.json'), 'utf8'));
    writeFileSync(join(dir, 'articles/en/01-translated.json'), JSON.stringify({ ...story, image: undefined, translation_of: 'ar/99-missing' }));
  });
  const data = join(work, 'data-lost-translation');
  const failed = dateline(['init', '--data', data, '--demo', '--demo-dir', demo]);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /01-translated\.json: translation_of names no demo story 'ar\/99-missing'/);
  assert.notEqual(dateline(['sites', '--data', data]).status, 0, 'no network is left behind');
});

for (const [name, change, message] of [
  ['reserved section', (n) => { n.sites[0].sections.push({ slug: 'tags', name: 'Tags' }); }, /'tags' cannot be a section slug/],
  ['bad section slug', (n) => { n.sites[0].sections.push({ slug: 'Big News', name: 'x' }); }, /'Big News' cannot be a section slug/],
  ['unknown time zone', (n) => { n.sites[1].time_zone = 'Mars/Olympus'; }, /unknown time zone 'Mars\/Olympus'/],
  ['unknown share network', (n) => { n.sites[0].share = ['x', 'myspace']; }, /'myspace' is not a network stories can be shared on/],
  ['an api section', (n) => { n.sites[0].sections.push({ slug: 'api', name: 'API' }); }, /'api' cannot be a section slug/],
  ['bad site slug', (n) => { n.sites[0].slug = '../en'; }, /slug must be lowercase/],
  ['zero comment limit', (n) => { n.sites[0].comments = { max_comment: 0 }; }, /max_comment: A comment field's limit is from 1 to 100000 characters/],
]) {
  test(`init refuses a network with a ${name}`, () => {
    const demo = demoWith(name.replace(/ /g, '-'), change);
    const data = join(work, `data-${name.replace(/ /g, '-')}`);
    const r = dateline(['init', '--data', data, '--demo', '--demo-dir', demo]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, message);
    assert.notEqual(dateline(['sites', '--data', data]).status, 0);
  });
}
