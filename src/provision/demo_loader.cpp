#include "provision/demo_loader.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "provision/json_file.hpp"

namespace dateline::provision {

namespace {

constexpr UnixTime hour = 3600;

}  // namespace

Result<int> load_demo_articles(app::ArticleService& articles, const app::MediaService& media,
                               const domain::NetworkSpec& spec,
                               const std::filesystem::path& demo_dir, UnixTime now) {
    int count = 0;
    std::map<std::string, domain::Id> stored_images;
    // Stories by "<site>/<file stem>", and the translations to link once all are saved.
    std::map<std::string, domain::Id> saved_ids;
    std::vector<std::pair<domain::Id, std::pair<std::string, std::string>>> translations;
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
            saved_ids[s.site.slug + "/" + file.stem().string()] = saved->id;
            if (const std::string of = text(*o, "translation_of"); !of.empty())
                translations.push_back({saved->id, {of, file.string()}});
            ++count;
        }
    }
    for (const auto& [id, link] : translations) {
        const auto& [of, file] = link;
        const auto original = saved_ids.find(of);
        if (original == saved_ids.end())
            return Error::invalid(std::string(file)
                                      .append(": translation_of names no demo story '")
                                      .append(of)
                                      .append("'"));
        if (auto linked = articles.link_translation_as("demo", id, original->second); !linked) {
            Error e = linked.error();
            e.message = file + ": " + e.message;
            return e;
        }
    }
    return count;
}

}  // namespace dateline::provision
