#include "site/static_export.hpp"

#include <fstream>
#include <vector>

#include "domain/paths.hpp"
#include "site/page_view.hpp"
#include "site/syndication.hpp"

namespace dateline::site {

namespace {

namespace fs = std::filesystem;
using app::ListingRequest;

class Exporter {
  public:
    Exporter(ReaderSite& site, const ExportOptions& options) : site_(site), options_(options) {}

    // `path` of `site` as a reader asking for it would get it, written where a web server looks
    // for it: a page as its folder's index.html (`/en/world/story` and `/en/world/` alike), a
    // file (a feed, a sitemap, robots.txt) under its own name. Folders are named by the path's
    // segments percent-decoded (an Arabic slug is UTF-8 on disk, as nginx looks it up);
    // parse_target refused ".", ".." and slashes in a segment.
    enum class Kind { Page, File };
    Status write(const domain::Site& site, const std::string& path, Kind kind) {
        auto target = http::parse_target(path);
        if (!target) return Error::internal("The path " + path + " does not parse.");
        fs::path file = options_.out;
        for (const auto& segment : target->segments) file /= segment;
        if (kind == Kind::Page) file /= "index.html";
        const http::Response response = render(site, path, std::move(*target));
        if (response.status != 200)
            return Error::internal("The address " + path + " answered " +
                                   std::to_string(response.status) + " instead of 200.");
        if (auto written = write_file(file, response.payload()); !written) return written;
        if (kind == Kind::File) {
            ++summary_.files;
        } else {
            ++summary_.pages;
            if (options_.progress) options_.progress(summary_.pages);
        }
        return success();
    }
    Status page(const domain::Site& site, const std::string& path) {
        return write(site, path, Kind::Page);
    }
    Status file(const domain::Site& site, const std::string& path) {
        return write(site, path, Kind::File);
    }

    // The feeds of a listing at `path`, in every format.
    Status feeds(const domain::Site& site, const std::string& path) {
        for (const auto format : feed_formats)
            if (auto done = file(site, path + std::string(feed_file(format))); !done) return done;
        return success();
    }

    // A listing and every older page of it, and the page each links to as newer (a window of
    // its own, ending where the older one begins); `read` reads a page's neighbours.
    Status listing(const domain::Site& site, const std::string& path,
                   const std::function<Result<app::ArticlePage>(const ListingRequest&)>& read) {
        ListingRequest at;
        for (;;) {
            if (auto done = page(site, listing_url(path, at)); !done) return done;
            auto listed = read(at);
            if (!listed) return listed.error();
            if (listed->newer && !listed->newest) {
                const ListingRequest newer{ListingRequest::From::NewerThan, *listed->newer};
                if (auto done = page(site, listing_url(path, newer)); !done) return done;
            }
            if (!listed->older) return success();
            at = {ListingRequest::From::OlderThan, *listed->older};
        }
    }

    Status not_found_page(const domain::Site& site) {
        const std::string path = site.path_prefix() + "no-such-page/";
        auto target = http::parse_target(path);
        if (!target) return Error::internal("The path " + path + " does not parse.");
        return write_file(options_.out / "404.html",
                          render(site, path, std::move(*target)).payload());
    }

    Status root_page(const domain::Site& fallback) {
        const std::string home = fallback.path_prefix();
        if (home == "/") return success();  // the default site's home is the root already
        // Only the site's path and language, both validated when stored (a percent-encoded path,
        // a BCP 47 tag): nothing HTML would read as markup, and nothing written by people.
        const std::string page = "<!doctype html>\n<html lang=\"" + fallback.language +
                                 "\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
                                 "content=\"0; url=" +
                                 home + "\"><link rel=\"canonical\" href=\"" + home + "\"><title>" +
                                 home + "</title></head><body><p><a href=\"" + home + "\">" + home +
                                 "</a></p></body></html>\n";
        return write_file(options_.out / "index.html", page);
    }

    Result<std::size_t> copy_tree(const fs::path& from, const fs::path& to) {
        std::error_code ec;
        std::size_t files = 0;
        if (!fs::exists(from, ec)) return files;
        fs::create_directories(to, ec);
        for (const auto& entry : fs::recursive_directory_iterator(from, ec)) {
            const fs::path target = to / entry.path().lexically_relative(from);
            if (entry.is_directory()) {
                fs::create_directories(target, ec);
            } else if (entry.is_regular_file()) {
                fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing, ec);
                ++files;
            }
            if (ec)
                return Error::unavailable("Could not copy " + entry.path().string() + ".",
                                          ec.message());
        }
        if (ec) return Error::unavailable("Could not read " + from.string() + ".", ec.message());
        summary_.files += files;
        return files;
    }

    const ExportSummary& summary() const { return summary_; }

  private:
    http::Response render(const domain::Site& site, const std::string& path, http::Target target) {
        http::Request request;
        request.method = http::Method::Get;
        request.method_name = "GET";
        request.raw_target = path;
        request.host = site.host();
        request.target = std::move(target);
        return site_.handle(request);
    }

    Status write_file(const fs::path& file, std::string_view body) {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
        out.close();
        if (ec || !out)
            return Error::unavailable("Could not write " + file.string() + ".",
                                      ec ? ec.message() : "write failed");
        return success();
    }

    ReaderSite& site_;
    const ExportOptions& options_;
    ExportSummary summary_;
};

}  // namespace

Result<ExportSummary> export_static(ReaderSite& site, app::ReaderService& reader,
                                    const app::NetworkDirectory& directory,
                                    const fs::path& assets_dir, const fs::path& media_dir,
                                    const ExportOptions& options) {
    Exporter exporter(site, options);
    bool any = false;
    for (const auto& s : directory.sites) {
        if (options.site && s.slug != *options.site) continue;
        any = true;
        const std::string prefix = s.path_prefix();
        if (auto done = exporter.page(s, prefix); !done) return done.error();
        // Every story the site lists, a page of the site's listing at a time, then its sections,
        // the tags its stories carry and the authors of their bylines.
        ListingRequest at;
        for (;;) {
            auto listed = reader.site_page(s, at);
            if (!listed) return listed.error();
            for (const auto& a : listed->articles)
                if (auto done = exporter.page(s, story_path(s, *a)); !done) return done.error();
            if (!listed->older) break;
            at = {ListingRequest::From::OlderThan, *listed->older};
        }
        if (auto done = exporter.feeds(s, prefix); !done) return done.error();
        // A listing's pages and its feeds.
        auto listing = [&](const std::string& path, const auto& page_of) -> Status {
            if (auto done = exporter.listing(s, path, page_of); !done) return done.error();
            return exporter.feeds(s, path);
        };
        for (const auto& section : directory.sections_of(s)) {
            auto done =
                listing(domain::section_path(prefix, section.slug),
                        [&](const ListingRequest& r) { return reader.section_page(section, r); });
            if (!done) return done.error();
        }
        auto sectionless = reader.sectionless_page(s, {});
        if (!sectionless) return sectionless.error();
        if (!sectionless->articles.empty()) {
            auto done =
                listing(domain::section_path(prefix, domain::sectionless_segment),
                        [&](const ListingRequest& r) { return reader.sectionless_page(s, r); });
            if (!done) return done.error();
        }
        auto tags = reader.listed_tags(s);
        if (!tags) return tags.error();
        for (const auto& tag : *tags) {
            auto done = listing(domain::tag_path(prefix, tag.slug),
                                [&](const ListingRequest& r) { return reader.tag_page(tag, r); });
            if (!done) return done.error();
        }
        auto authors = reader.listed_authors(s);
        if (!authors) return authors.error();
        for (const auto& author : *authors) {
            auto done =
                listing(domain::author_path(prefix, author.slug),
                        [&](const ListingRequest& r) { return reader.author_page(author, r); });
            if (!done) return done.error();
        }
        // The sitemaps, as the index lists them, and the search's description.
        // The search page answers queries, which a copy of files cannot: a static copy's search
        // box needs a serving node behind the search path (docs/operations.md). Its
        // description is a file like any other.
        std::vector<std::string> names{
            std::string(domain::opensearch_file), std::string(domain::web_manifest_file),
            std::string(domain::sitemap_file), std::string(domain::sitemap_pages_file)};
        auto news = reader.news_stories(s, 1);
        if (!news) return news.error();
        if (!news->empty()) names.emplace_back(domain::sitemap_news_file);
        auto spans = reader.story_spans(s);
        if (!spans) return spans.error();
        for (const auto& span : *spans) names.push_back(domain::sitemap_stories_file(span.number));
        for (const auto& name : names)
            if (auto done = exporter.file(s, prefix + name); !done) return done.error();
    }
    if (!any) return Error::not_found("The network has no site '" + *options.site + "'.");
    if (const auto* fallback = directory.site_by_slug(directory.network.default_site_slug)) {
        if (auto done = exporter.not_found_page(*fallback); !done) return done.error();
        if (!options.site) {
            if (auto done = exporter.root_page(*fallback); !done) return done.error();
            for (const char* file : {"/robots.txt", "/favicon.ico"})
                if (auto done = exporter.file(*fallback, file); !done) return done.error();
        }
    }
    for (const auto& [from, to] : {std::pair{assets_dir, options.out / "assets"},
                                   std::pair{media_dir, options.out / "media"}})
        if (auto copied = exporter.copy_tree(from, to); !copied) return copied.error();
    return exporter.summary();
}

}  // namespace dateline::site
