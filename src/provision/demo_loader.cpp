#include "provision/demo_loader.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "provision/json_file.hpp"

namespace dateline::provision {

namespace {

constexpr UnixTime hour = 3600;

struct StoryFile {
    const domain::SiteSpec* site;
    std::filesystem::path file;
    boost::json::object object;
};

// Every story file of the demo, site by site in name order.
Result<std::vector<StoryFile>> read_story_files(const domain::NetworkSpec& spec,
                                                const std::filesystem::path& demo_dir) {
    std::vector<StoryFile> stories;
    for (const auto& s : spec.sites) {
        const auto folder = demo_dir / "articles" / s.site.slug;
        std::vector<std::filesystem::path> files;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.path().extension() == ".json") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (auto& file : files) {
            auto o = read_json_object(file);
            if (!o) return o.error();
            stories.push_back({&s, std::move(file), std::move(*o)});
        }
    }
    return stories;
}

// Stores and records each picture the stories name, once, all stored at once (their encoding is
// most of a demo's making): the media id by picture name. An error names the first story that
// shows the picture.
Result<std::map<std::string, domain::Id>> store_pictures(const app::MediaService& media,
                                                         const std::filesystem::path& demo_dir,
                                                         const std::vector<StoryFile>& stories) {
    std::vector<std::string> images;
    std::vector<std::filesystem::path> image_files;
    std::map<std::string, const std::filesystem::path*> first_named_by;
    for (const auto& story : stories)
        if (std::string image = text(story.object, "image");
            !image.empty() && first_named_by.emplace(image, &story.file).second) {
            image_files.push_back(demo_dir / "images" / image);
            images.push_back(std::move(image));
        }
    std::map<std::string, domain::Id> stored;
    auto pictures = media.store_files(image_files);
    for (std::size_t i = 0; i < images.size(); ++i) {
        Result<domain::Media> added =
            pictures[i] ? media.record(*pictures[i]) : Result<domain::Media>(pictures[i].error());
        if (!added) {
            Error e = added.error();
            e.message = first_named_by.at(images[i])->string() + ": " + e.message;
            return e;
        }
        stored.emplace(images[i], added->id);
    }
    return stored;
}

}  // namespace

Result<int> load_demo_articles(app::ArticleService& articles, const app::MediaService& media,
                               const domain::NetworkSpec& spec,
                               const std::filesystem::path& demo_dir, UnixTime now) {
    auto stories = read_story_files(spec, demo_dir);
    if (!stories) return stories.error();
    auto stored_images = store_pictures(media, demo_dir, *stories);
    if (!stored_images) return stored_images.error();

    int count = 0;
    // Stories by "<site>/<file stem>", and the translations to link once all are saved.
    std::map<std::string, domain::Id> saved_ids;
    std::vector<std::pair<domain::Id, std::pair<std::string, std::string>>> translations;
    for (const auto& [site, file, o] : *stories) {
        const auto& s = *site;
        domain::ArticleDraft d;
        d.external_id = "demo:" + s.site.slug + ":" + file.stem().string();
        d.headline = text(o, "headline");
        d.standfirst = text(o, "standfirst");
        d.section_slug = text(o, "section");
        for (const auto& tag : array(o, "tags"))
            if (tag.is_string()) d.tag_names.emplace_back(tag.get_string());
        for (const auto& slug : array(o, "authors")) {
            if (!slug.is_string()) continue;
            const auto author =
                std::find_if(s.authors.begin(), s.authors.end(),
                             [&](const auto& a) { return a.slug == slug.get_string(); });
            if (author == s.authors.end())
                return Error::invalid(file.string() + ": unknown author '" +
                                      std::string(slug.get_string()) + "'");
            d.author_names.push_back(author->name);
        }
        d.dateline = text(o, "dateline");
        d.source_credit = text(o, "source");
        d.body_html = text(o, "body_html");
        d.status = domain::ArticleStatus::Published;
        d.first_published_at = now - number(o, "published_hours_ago", 1) * hour;
        d.updated_at =
            now - number(o, "updated_hours_ago", number(o, "published_hours_ago", 1)) * hour;
        if (const std::string image = text(o, "image"); !image.empty()) {
            d.lead_image_id = stored_images->at(image);
            d.lead_caption = text(o, "caption");
            d.lead_credit = text(o, "credit");
        }
        auto saved = articles.save(s.site.slug, d);
        if (!saved) {
            Error e = saved.error();
            e.message = file.string() + ": " + e.message;
            return e;
        }
        saved_ids[s.site.slug + "/" + file.stem().string()] = saved->id;
        if (const std::string of = text(o, "translation_of"); !of.empty())
            translations.push_back({saved->id, {of, file.string()}});
        ++count;
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
