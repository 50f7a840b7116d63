-- The foundation schema: networks, sites, their taxonomy and people, media and articles.
-- Times are Unix seconds (UTC); text is UTF-8.

CREATE TABLE networks (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    default_site_slug TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    network_id INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    tagline TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
    time_zone TEXT NOT NULL,
    base_url TEXT NOT NULL UNIQUE,
    arabic_indic_digits INTEGER NOT NULL DEFAULT 0,
    footer_credit TEXT NOT NULL DEFAULT '',
    publisher_address TEXT NOT NULL DEFAULT ''
);

CREATE TABLE site_social_links (
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    network TEXT NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (site_id, position)
);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (site_id, slug)
);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (site_id, slug)
);

CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    UNIQUE (site_id, slug)
);

CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL UNIQUE,
    mime_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    headline TEXT NOT NULL,
    standfirst TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    body_text TEXT NOT NULL DEFAULT '',
    dateline TEXT NOT NULL DEFAULT '',
    source_credit TEXT NOT NULL DEFAULT '',
    section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    lead_media_id INTEGER REFERENCES media(id) ON DELETE SET NULL,
    lead_caption TEXT NOT NULL DEFAULT '',
    lead_credit TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
    first_published_at INTEGER,
    updated_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    external_id TEXT,
    UNIQUE (site_id, slug),
    UNIQUE (site_id, external_id)
);

CREATE INDEX articles_site_published ON articles (site_id, status, first_published_at DESC);
CREATE INDEX articles_section_published ON articles (section_id, status, first_published_at DESC);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);

CREATE INDEX article_tags_tag ON article_tags (tag_id);
