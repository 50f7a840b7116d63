#include "app/network_setup.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "domain/slug.hpp"
#include "storage/site_store.hpp"

namespace dateline::app {

namespace json = boost::json;

namespace {

constexpr UnixTime hour = 3600;

Result<json::object> read_json_object(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::invalid(file.string() + ": cannot be opened");
    std::stringstream buffer;
    buffer << in.rdbuf();
    boost::system::error_code ec;
    json::value v = json::parse(buffer.str(), ec);
    if (ec) return Error::invalid(file.string() + ": not valid JSON (" + ec.message() + ")");
    if (!v.is_object()) return Error::invalid(file.string() + ": the top level is not an object");
    return std::move(v.as_object());
}

std::string text(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string{};
}

std::int64_t number(const json::object& o, std::string_view key, std::int64_t fallback = 0) {
    const auto* v = o.if_contains(key);
    if (v && v->is_int64()) return v->get_int64();
    if (v && v->is_double()) return static_cast<std::int64_t>(v->get_double());
    return fallback;
}

const json::array& array(const json::object& o, std::string_view key) {
    static const json::array empty;
    const auto* v = o.if_contains(key);
    return v && v->is_array() ? v->get_array() : empty;
}

Status validate_site(const SiteSpec& s) {
    const std::string which = "site '" + s.site.slug + "'";
    std::string origin, path;
    if (!domain::is_valid_slug(s.site.slug))
        return Error::invalid(which + ": the slug must be lowercase letters, digits and hyphens");
    if (s.site.name.empty() || s.site.language.empty())
        return Error::invalid(which + " needs a name and a language");
    if (!domain::is_known_time_zone(s.site.time_zone))
        return Error::invalid(which + ": unknown time zone '" + s.site.time_zone + "'");
    if (!domain::split_base_url(s.site.base_url, origin, path))
        return Error::invalid(which +
                              ": its address must be an http(s) URL whose path ends in '/'");
    constexpr std::size_t largest_limit = 100'000;
    const auto& limits = s.site.comment_limits;
    if (s.site.comments_close_after_days < 0 || limits.name < 1 || limits.title < 1 ||
        limits.body < 1 || limits.name > largest_limit || limits.title > largest_limit ||
        limits.body > largest_limit)
        return Error::invalid(which +
                              ": comment limits must be from 1 to 100000 characters, and "
                              "close_after_days 0 (never) or more");
    for (const auto& section : s.sections) {
        if (!domain::is_valid_slug(section.slug) || domain::is_reserved_section_slug(section.slug))
            return Error::invalid(which + ": '" + section.slug +
                                  "' cannot be a section slug (lowercase letters, digits and "
                                  "hyphens; not tags, news, assets, media, healthz or comment-check)");
    }
    return success();
}

}  // namespace

Status remove_network(db::Database& database) {
    return db::in_transaction<Done>(database, [](db::Connection& c) -> Status {
        // Sites, their sections, tags, authors and articles follow through ON DELETE CASCADE.
        for (const char* sql : {"DELETE FROM networks", "DELETE FROM media"})
            if (auto done = c.execute(sql); !done) return done.error();
        return success();
    });
}

Result<std::string> normalise_public_url(const std::string& url) {
    std::string trimmed = url;
    while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
    std::string origin, path;
    if (!domain::split_base_url(trimmed + "/", origin, path))
        return Error::invalid(
            "The public URL '" + url +
                "' is not an absolute http or https URL without query or fragment.",
            "public-url");
    return trimmed;
}

Result<NetworkSpec> read_network_spec(const std::filesystem::path& file,
                                      const std::string& public_url) {
    auto root = read_json_object(file);
    if (!root) return root.error();
    NetworkSpec spec;
    const auto* network = root->if_contains("network");
    if (!network || !network->is_object())
        return Error::invalid(file.string() + ": no \"network\" object");
    spec.network.slug = text(network->get_object(), "slug");
    spec.network.name = text(network->get_object(), "name");
    spec.network.default_site_slug = text(network->get_object(), "default_site");
    for (const auto& entry : array(*root, "sites")) {
        if (!entry.is_object()) continue;
        const auto& o = entry.get_object();
        SiteSpec s;
        s.site.slug = text(o, "slug");
        s.site.name = text(o, "name");
        s.site.tagline = text(o, "tagline");
        s.site.language = text(o, "language");
        s.site.direction =
            text(o, "direction") == "rtl" ? domain::TextDirection::Rtl : domain::TextDirection::Ltr;
        s.site.time_zone = text(o, "time_zone");
        // A site on its own host names its whole base URL; otherwise it lives below the public URL.
        s.site.base_url =
            text(o, "base_url").empty() ? public_url + text(o, "path") : text(o, "base_url");
        const auto* digits = o.if_contains("arabic_indic_digits");
        s.site.arabic_indic_digits = digits && digits->is_bool() && digits->get_bool();
        s.site.footer_credit = text(o, "footer_credit");
        s.site.publisher_address = text(o, "publisher_address");
        if (const auto* c = o.if_contains("comments"); c && c->is_object()) {
            const auto& comments = c->get_object();
            const auto* open = comments.if_contains("open");
            s.site.comments_open = !open || !open->is_bool() || open->get_bool();
            s.site.comments_close_after_days =
                static_cast<int>(number(comments, "close_after_days", 0));
            s.site.comment_limits.name = static_cast<std::size_t>(number(comments, "max_name", 80));
            s.site.comment_limits.title =
                static_cast<std::size_t>(number(comments, "max_title", 120));
            s.site.comment_limits.body =
                static_cast<std::size_t>(number(comments, "max_comment", 1500));
        }
        for (const auto& link : array(o, "social"))
            if (link.is_object())
                s.site.social_links.push_back(
                    {text(link.get_object(), "network"), text(link.get_object(), "url")});
        int position = 0;
        for (const auto& section : array(o, "sections"))
            if (section.is_object())
                s.sections.push_back({0, 0, text(section.get_object(), "slug"),
                                      text(section.get_object(), "name"), position++});
        for (const auto& author : array(o, "authors"))
            if (author.is_object())
                s.authors.push_back({0, 0, text(author.get_object(), "slug"),
                                     text(author.get_object(), "name"),
                                     text(author.get_object(), "role")});
        if (auto valid = validate_site(s); !valid) {
            Error e = valid.error();
            e.message = file.string() + ": " + e.message;
            return e;
        }
        spec.sites.push_back(std::move(s));
    }
    if (spec.sites.empty()) return Error::invalid(file.string() + ": no sites");
    return spec;
}

NetworkSpec default_network_spec(const std::string& public_url) {
    NetworkSpec spec;
    spec.network = {0, "network", "News network", "news"};
    SiteSpec site;
    site.site.slug = "news";
    site.site.name = "News";
    site.site.language = "en";
    site.site.time_zone = "UTC";
    site.site.base_url = public_url + "/";
    site.sections.push_back({0, 0, "news", "News", 0});
    spec.sites.push_back(std::move(site));
    return spec;
}

Status create_network(db::Database& database, const NetworkSpec& spec) {
    auto created = db::in_transaction<Done>(database, [&](db::Connection& c) -> Status {
        storage::SiteStore store(c);
        if (auto existing = store.network(); existing)
            return Error::conflict("This data directory already holds a network.");
        auto network_id = store.insert_network(spec.network);
        if (!network_id) return network_id.error();
        for (const auto& s : spec.sites) {
            domain::Site site = s.site;
            site.network_id = *network_id;
            auto site_id = store.insert_site(site);
            if (!site_id) return site_id.error();
            for (auto section : s.sections) {
                section.site_id = *site_id;
                if (auto id = store.insert_section(section); !id) return id.error();
            }
            for (const auto& author : s.authors)
                if (auto a = store.ensure_author(*site_id, author.slug, author.name, author.role);
                    !a)
                    return a.error();
        }
        return success();
    });
    return created;
}

Result<int> load_demo_articles(ArticleService& articles, const MediaService& media,
                               const NetworkSpec& spec, const std::filesystem::path& demo_dir,
                               UnixTime now) {
    int count = 0;
    std::map<std::string, domain::Id> stored_images;
    for (const auto& s : spec.sites) {
        std::map<std::string, std::string> author_names;
        for (const auto& a : s.authors) author_names[a.slug] = a.name;
        const auto folder = demo_dir / "articles" / s.site.slug;
        std::vector<std::filesystem::path> files;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.path().extension() == ".json") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            auto o = read_json_object(file);
            if (!o) return o.error();
            domain::ArticleDraft d;
            d.external_id = "demo:" + s.site.slug + ":" + file.stem().string();
            d.headline = text(*o, "headline");
            d.standfirst = text(*o, "standfirst");
            d.section_slug = text(*o, "section");
            for (const auto& tag : array(*o, "tags"))
                if (tag.is_string()) d.tag_names.emplace_back(tag.get_string());
            for (const auto& slug : array(*o, "authors")) {
                if (!slug.is_string()) continue;
                const auto name = author_names.find(std::string(slug.get_string()));
                if (name == author_names.end())
                    return Error::invalid(file.string() + ": unknown author '" +
                                          std::string(slug.get_string()) + "'");
                d.author_names.push_back(name->second);
            }
            d.dateline = text(*o, "dateline");
            d.source_credit = text(*o, "source");
            d.body_html = text(*o, "body_html");
            d.status = domain::ArticleStatus::Published;
            d.first_published_at = now - number(*o, "published_hours_ago", 1) * hour;
            d.updated_at =
                now - number(*o, "updated_hours_ago", number(*o, "published_hours_ago", 1)) * hour;
            if (const std::string image = text(*o, "image"); !image.empty()) {
                auto known = stored_images.find(image);
                if (known == stored_images.end()) {
                    auto added = media.add_file(demo_dir / "images" / image);
                    if (!added) {
                        Error e = added.error();
                        e.message = file.string() + ": " + e.message;
                        return e;
                    }
                    known = stored_images.emplace(image, added->id).first;
                }
                d.lead_image_id = known->second;
                d.lead_caption = text(*o, "caption");
                d.lead_credit = text(*o, "credit");
            }
            auto saved = articles.save(s.site.slug, d);
            if (!saved) {
                Error e = saved.error();
                e.message = file.string() + ": " + e.message;
                return e;
            }
            ++count;
        }
    }
    return count;
}

}  // namespace dateline::app
