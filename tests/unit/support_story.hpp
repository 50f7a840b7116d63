#pragma once

#include <gtest/gtest.h>

#include "app/article_service.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "provision/network_file.hpp"
#include "support_database.hpp"

namespace dateline::testing_support {

/// A network with one site ("news") and one published story, "Harbour reopens", as readers see it.
struct PublishedStory {
    domain::Site site;
    domain::Article article;
};

/// Creates the network and the story, first published at `published_at`. Fails the test (and
/// returns empty values) when anything cannot be made.
inline PublishedStory publish_story(TestDatabase& database, const Clock& clock,
                                    UnixTime published_at) {
    PublishedStory out;
    EXPECT_TRUE(
        app::create_network(*database, provision::default_network_spec("http://news.example"))
            .ok());
    domain::ArticleDraft d;
    d.headline = "Harbour reopens";
    d.body_html = "<p>Body</p>";
    d.section_slug = "news";
    d.status = domain::ArticleStatus::Published;
    d.first_published_at = published_at;
    media::ImageLibrary images(database.dir() / "media");
    app::MediaService media(*database, images, clock);
    EXPECT_TRUE(app::ArticleService(*database, media, clock).save("news", d).ok());
    app::ReaderService reader(*database, clock);
    auto directory = reader.directory();
    if (!directory || !directory->site_by_slug("news")) return out;
    out.site = *directory->site_by_slug("news");
    auto found = reader.article(out.site, "harbour-reopens");
    if (found && *found) out.article = **found;
    return out;
}

}  // namespace dateline::testing_support
