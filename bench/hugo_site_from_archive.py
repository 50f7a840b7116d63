#!/usr/bin/env python3
"""Writes a Dateline network as a Hugo site, for bench/export_vs_hugo.sh.

Usage: hugo_site_from_archive.py DATA_DIR THEME_DIR HUGO_TEMPLATES_DIR OUT_DIR

Reads DATA_DIR/dateline.db (SQLite, read-only) and writes OUT_DIR as one multilingual Hugo site:
one Hugo language per Dateline site, keyed by the site's path prefix (/en/, /ar/), so that one
`hugo` run builds the whole network as one `dateline export` does. Every story readers can see
(published or scheduled, publication time passed) becomes content/<lang>/<section>/<slug>.html:
JSON front matter (headline, standfirst, dateline, byline, tags, section, lead image with caption
and credit, published and updated times in the site's zone) and the body HTML as it is stored
(an .html content file: Hugo renders it as it is, no Markdown). Each section gets an _index.html
with its name and position. The layouts, i18n strings and shared settings are copied from
HUGO_TEMPLATES_DIR (bench/hugo/); the per-site settings (name, tagline, direction, time zone,
footer, social links) go to config/_default/languages.toml. The theme's assets and the data
directory's pictures go to static/, as `dateline export` copies them.
Python 3 standard library only.
"""
import datetime
import json
import os
import shutil
import sqlite3
import sys
import time
import urllib.parse
import zoneinfo

MEDIA_VARIANT_WIDTHS = (480, 960)  # src/domain/article.hpp: media_variant_widths


def toml_string(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def iso_in(zone, unix):
    return datetime.datetime.fromtimestamp(unix, zone).isoformat()


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    data_dir, theme_dir, templates_dir, out = sys.argv[1:]
    db = sqlite3.connect("file:" + os.path.join(data_dir, "dateline.db") + "?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    now = int(time.time())

    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(templates_dir, out)
    shutil.copytree(os.path.join(theme_dir, "assets"), os.path.join(out, "static", "assets"))
    media_dir = os.path.join(data_dir, "media")
    if os.path.isdir(media_dir):
        shutil.copytree(media_dir, os.path.join(out, "static", "media"))

    network = db.execute("SELECT * FROM networks LIMIT 1").fetchone()
    sites = db.execute("SELECT * FROM sites ORDER BY id").fetchall()
    default_lang = None
    languages = []
    counts = {}
    for weight, site in enumerate(sites, start=1):
        path = urllib.parse.urlsplit(site["base_url"]).path.strip("/")
        if not path or "/" in path:
            sys.exit(f"site {site['slug']}: base URL {site['base_url']} is not /<prefix>/")
        lang = path
        if site["slug"] == network["default_site_slug"]:
            default_lang = lang
        zone = zoneinfo.ZoneInfo(site["time_zone"])
        social = db.execute(
            "SELECT network, url FROM site_social_links WHERE site_id = ? ORDER BY position",
            (site["id"],)).fetchall()
        languages.append((lang, weight, site, social))

        content = os.path.join(out, "content", lang)
        sections = {}
        for s in db.execute("SELECT * FROM sections WHERE site_id = ? ORDER BY position, id",
                            (site["id"],)):
            sections[s["id"]] = s["slug"]
            os.makedirs(os.path.join(content, s["slug"]), exist_ok=True)
            with open(os.path.join(content, s["slug"], "_index.html"), "w", encoding="utf-8") as f:
                json.dump({"title": s["name"], "weight": s["position"] + 1}, f, ensure_ascii=False)
                f.write("\n")

        authors = {}
        for r in db.execute(
                "SELECT aa.article_id, au.name FROM article_authors aa "
                "JOIN authors au ON au.id = aa.author_id JOIN articles a ON a.id = aa.article_id "
                "WHERE a.site_id = ? ORDER BY aa.article_id, aa.position", (site["id"],)):
            authors.setdefault(r[0], []).append(r[1])
        tags = {}
        for r in db.execute(
                "SELECT at.article_id, t.name FROM article_tags at "
                "JOIN tags t ON t.id = at.tag_id JOIN articles a ON a.id = at.article_id "
                "WHERE a.site_id = ? ORDER BY at.article_id, at.position", (site["id"],)):
            tags.setdefault(r[0], []).append(r[1])

        written = 0
        for a in db.execute(
                "SELECT a.*, m.file_name, m.width, m.height FROM articles a "
                "LEFT JOIN media m ON m.id = a.lead_media_id "
                "WHERE a.site_id = ? AND a.status IN ('published', 'scheduled') "
                "AND a.first_published_at <= ? ORDER BY a.id", (site["id"], now)):
            section = sections.get(a["section_id"])
            front = {
                "title": a["headline"],
                "slug": a["slug"],
                "date": iso_in(zone, a["first_published_at"]),
                "lastmod": iso_in(zone, a["updated_at"]),
                "standfirst": a["standfirst"],
                "dateline": a["dateline"],
                "source": a["source_credit"],
                "byline": authors.get(a["id"], []),
                "tags": tags.get(a["id"], []),
                "sectionkey": section or "",
            }
            if a["file_name"]:
                stem, dot, ext = a["file_name"].rpartition(".")
                front["image"] = {
                    "file": a["file_name"],
                    "width": a["width"],
                    "height": a["height"],
                    # The smaller copies that exist (src/domain/article.cpp: media_variants)
                    "variants": [{"file": f"{stem}-w{w}.{ext}", "width": w}
                                 for w in MEDIA_VARIANT_WIDTHS if w < a["width"]],
                    "caption": a["lead_caption"],
                    "credit": a["lead_credit"],
                }
            folder = os.path.join(content, section) if section else content
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, a["slug"] + ".html"), "w", encoding="utf-8") as f:
                json.dump(front, f, ensure_ascii=False, indent=1)
                f.write("\n\n")
                f.write(a["body_html"])
                f.write("\n")
            written += 1
        counts[lang] = written

    with open(os.path.join(out, "config", "_default", "languages.toml"), "w",
              encoding="utf-8") as f:
        for lang, weight, site, social in languages:
            f.write(f"[{lang}]\n")
            f.write(f"languageCode = {toml_string(site['language'])}\n")
            f.write(f"languageName = {toml_string(site['name'])}\n")
            f.write(f"languageDirection = {toml_string(site['direction'])}\n")
            f.write(f"title = {toml_string(site['name'])}\n")
            f.write(f"timeZone = {toml_string(site['time_zone'])}\n")
            f.write(f"contentDir = {toml_string('content/' + lang)}\n")
            f.write(f"weight = {weight}\n")
            f.write(f"[{lang}.params]\n")
            f.write(f"tagline = {toml_string(site['tagline'])}\n")
            f.write(f"footerCredit = {toml_string(site['footer_credit'])}\n")
            f.write(f"publisherAddress = {toml_string(site['publisher_address'])}\n")
            for network_name, url in social:
                f.write(f"[[{lang}.params.social]]\n")
                f.write(f"network = {toml_string(network_name)}\nurl = {toml_string(url)}\n")
            f.write("\n")
    with open(os.path.join(out, "config", "_default", "params.toml"), "a", encoding="utf-8") as f:
        f.write(f"\n# written by hugo_site_from_archive.py\nnetworkName = {toml_string(network['name'])}\n")
    with open(os.path.join(out, "config", "_default", "hugo.toml"), "a", encoding="utf-8") as f:
        f.write(f"\n# written by hugo_site_from_archive.py\n"
                f"defaultContentLanguage = {toml_string(default_lang or languages[0][0])}\n")
    print(" ".join(f"{lang}: {n} stories" for lang, n in counts.items()))


if __name__ == "__main__":
    main()
