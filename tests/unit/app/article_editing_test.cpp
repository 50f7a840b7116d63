// The newsroom's operations on stories: who may do what, the editorial states, revisions,
// concurrent edits and scheduled publishing (app::ArticleService with an account).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "../support_database.hpp"
#include "app/article_service.hpp"
#include "app/audit_service.hpp"
#include "app/network_setup.hpp"
#include "app/reader_service.hpp"
#include "app/user_service.hpp"
#include "domain/wire_item.hpp"
#include "provision/network_file.hpp"

namespace dateline::app {

using domain::ArticleAction;
using domain::ArticleStatus;
using domain::Role;
using testing_support::FixedClock;
using testing_support::TestDatabase;

namespace {

constexpr UnixTime now = 1'795'000'000;
constexpr UnixTime hour = 3600;
const std::string password = "correct horse battery staple";

domain::ArticleDraft content(std::string headline, std::string markdown = "First line.") {
    domain::ArticleDraft d;
    d.headline = std::move(headline);
    d.body_source = std::move(markdown);
    d.section_slug = "news";
    d.author_names = {"Rana Haddad"};
    d.tag_names = {"Harbour"};
    return d;
}

domain::ArticleDraft content_sport() {
    auto d = content("Derby day");
    d.section_slug.clear();
    return d;
}

}  // namespace

class ArticleEditingTest : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        if (database.skipped()) GTEST_SKIP() << "no PostgreSQL test cluster (run through ctest)";
        ASSERT_TRUE(database.get());
        domain::NetworkSpec spec = provision::default_network_spec("http://news.example");
        auto second = spec.sites.front();
        second.site.slug = "sport";
        second.site.name = "Sport";
        second.site.base_url = "http://sport.example";
        spec.sites.push_back(second);
        ASSERT_TRUE(create_network(*database, spec).ok());
        author = add("author@news.example", Role::Author, {"news"});
        other_author = add("other@news.example", Role::Author, {"news"});
        editor = add("editor@news.example", Role::Editor, {"news"});
        sport_editor = add("sport@news.example", Role::Editor, {"sport"});
        moderator = add("moderator@news.example", Role::Moderator, {"news"});
        admin = add("admin@news.example", Role::Admin, {});
    }

    domain::User add(const std::string& email, Role role, std::vector<std::string> sites) {
        auto added =
            UserService(*database, clock).add({email, "", role, std::move(sites)}, password);
        EXPECT_TRUE(added.ok()) << added.error().message;
        return added ? *added : domain::User{};
    }

    domain::Article published_story() {
        auto draft = service.create(editor, "news", content("Harbour reopens"));
        EXPECT_TRUE(draft.ok()) << draft.error().message;
        auto done = service.act(editor, draft->id, ArticleAction::Publish);
        EXPECT_TRUE(done.ok()) << done.error().message;
        return *done;
    }

    bool readers_see(const std::string& slug) {
        ReaderService reader(*database, clock);
        auto directory = reader.directory();
        auto found = reader.article(*directory->site_by_slug("news"), slug);
        return found.ok() && found->has_value();
    }

    TestDatabase database{GetParam()};
    FixedClock clock{now};
    media::ImageLibrary images{database.dir() / "media"};
    MediaService media{*database, images, clock};
    ArticleService service{*database, media, clock};
    domain::User author, other_author, editor, sport_editor, moderator, admin;
};

TEST_P(ArticleEditingTest, AnAuthorWritesADraftInMarkdownAndHandsItToTheEditors) {
    auto draft = service.create(
        author, "news", content("Harbour reopens", "Ships **return** today.\nCranes wait."));
    ASSERT_TRUE(draft.ok()) << draft.error().message;
    EXPECT_EQ(draft->status, ArticleStatus::Draft);
    EXPECT_EQ(draft->revision, 1);
    EXPECT_EQ(draft->created_by, author.id);
    EXPECT_EQ(draft->body_source, "Ships **return** today.\nCranes wait.");
    EXPECT_EQ(draft->body_html, "<p>Ships <strong>return</strong> today.</p><p>Cranes wait.</p>");
    EXPECT_EQ(draft->slug, "harbour-reopens");
    EXPECT_FALSE(readers_see("harbour-reopens"));

    EXPECT_EQ(service.act(author, draft->id, ArticleAction::Publish).error().code,
              ErrorCode::Forbidden);
    auto submitted = service.act(author, draft->id, ArticleAction::Submit);
    ASSERT_TRUE(submitted.ok()) << submitted.error().message;
    EXPECT_EQ(submitted->status, ArticleStatus::Review);
    // Handed over, it is the editors' now.
    EXPECT_EQ(service.revise(author, draft->id, content("Changed"), 1).error().code,
              ErrorCode::Forbidden);
    EXPECT_EQ(service.article(other_author, draft->id).error().code, ErrorCode::Forbidden);

    auto published = service.act(editor, draft->id, ArticleAction::Publish);
    ASSERT_TRUE(published.ok()) << published.error().message;
    EXPECT_EQ(published->status, ArticleStatus::Published);
    EXPECT_EQ(published->first_published_at, now);
    EXPECT_TRUE(readers_see("harbour-reopens"));
}

TEST_P(ArticleEditingTest, EachAccountWorksOnlyWhereItMay) {
    EXPECT_EQ(service.create(author, "sport", content("Derby")).error().code, ErrorCode::Forbidden);
    EXPECT_EQ(service.create(moderator, "news", content("Derby")).error().code,
              ErrorCode::Forbidden);
    EXPECT_EQ(service.create(editor, "nowhere", content("Derby")).error().code,
              ErrorCode::NotFound);
    const auto story = published_story();
    EXPECT_EQ(service.act(sport_editor, story.id, ArticleAction::Unpublish).error().code,
              ErrorCode::Forbidden);
    EXPECT_EQ(
        service.revise(sport_editor, story.id, content("Mine now"), story.revision).error().code,
        ErrorCode::Forbidden);
    auto disabled = editor;
    disabled.disabled = true;
    EXPECT_EQ(service.article(disabled, story.id).error().code, ErrorCode::Forbidden);
    EXPECT_EQ(service.act(editor, story.id + 100, ArticleAction::Publish).error().code,
              ErrorCode::NotFound);
}

TEST_P(ArticleEditingTest, TheSecondEditorToSaveIsToldAndNothingOfTheFirstIsLost) {
    const auto story = published_story();
    auto first =
        service.revise(editor, story.id, content("Harbour reopens at dawn"), story.revision);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first->revision, story.revision + 1);
    auto second =
        service.revise(editor, story.id, content("Harbour reopens at noon"), story.revision);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);
    EXPECT_EQ(second.error().field, "revision");
    EXPECT_EQ(service.article(editor, story.id)->headline, "Harbour reopens at dawn");
    // From the revision it now has, the second editor's save goes through.
    EXPECT_TRUE(
        service.revise(editor, story.id, content("Harbour reopens at noon"), first->revision).ok());
}

TEST_P(ArticleEditingTest, EditingAPublishedStoryMovesLastUpdatedAndKeepsItsAddress) {
    const auto story = published_story();
    EXPECT_FALSE(story.was_updated());
    clock.set(now + 2 * hour);
    auto renamed = content("Harbour reopens");
    renamed.slug = "harbour-story";
    auto refused = service.revise(editor, story.id, renamed, story.revision);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "slug");
    auto edited =
        service.revise(editor, story.id, content("Harbour reopens", "New facts."), story.revision);
    ASSERT_TRUE(edited.ok()) << edited.error().message;
    EXPECT_EQ(edited->updated_at, now + 2 * hour);
    EXPECT_EQ(edited->first_published_at, now);
    EXPECT_TRUE(edited->was_updated());
    EXPECT_EQ(edited->slug, "harbour-reopens");
    EXPECT_EQ(edited->status, ArticleStatus::Published);
}

TEST_P(ArticleEditingTest, WireCopyKeepsItsMarkupUntilItsTextIsChanged) {
    domain::ArticleDraft wire = content("Port strike ends");
    wire.body_source.clear();
    wire.body_html =
        "<p>Talks ended <a href=\"https://wire.example/a\">at dawn</a>.</p><p>Ships sail.</p>";
    wire.external_id = "urn:wire:7";
    auto saved = service.save("news", wire);
    ASSERT_TRUE(saved.ok());
    auto story = service.article(editor, saved->id);
    ASSERT_TRUE(story.ok());
    ASSERT_TRUE(story->body_source.empty());
    // The editor's form shows the text; sent back as it was (a trailing newline aside), the
    // markup stays.
    auto same = content("Port strike ends, talks over", story->body_text + "\n");
    auto kept = service.revise(editor, saved->id, same, story->revision);
    ASSERT_TRUE(kept.ok()) << kept.error().message;
    EXPECT_EQ(kept->body_html, story->body_html);
    EXPECT_NE(kept->body_html.find("<a href"), std::string::npos);
    EXPECT_TRUE(kept->body_source.empty());
    auto changed = service.revise(
        editor, saved->id, content("Port strike ends", "Talks ended at dawn."), kept->revision);
    ASSERT_TRUE(changed.ok());
    EXPECT_EQ(changed->body_html, "<p>Talks ended at dawn.</p>");
    EXPECT_EQ(changed->body_source, "Talks ended at dawn.");
}

TEST_P(ArticleEditingTest, RevisionsAreListedReadAndRestored) {
    auto story = service.create(editor, "news", content("First headline", "One."));
    ASSERT_TRUE(story.ok());
    auto second = service.revise(editor, story->id, content("Second headline", "Two."), 1);
    ASSERT_TRUE(second.ok());
    auto revisions = service.revisions(editor, story->id);
    ASSERT_TRUE(revisions.ok()) << revisions.error().message;
    ASSERT_EQ(revisions->size(), 2u);
    EXPECT_EQ((*revisions)[0].revision, 2);
    EXPECT_EQ((*revisions)[0].saved_by, editor.id);
    EXPECT_EQ((*revisions)[0].saved_by_name, "editor");
    auto first = service.revision(editor, story->id, 1);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->content.headline, "First headline");
    EXPECT_EQ(first->content.body_source, "One.");
    EXPECT_EQ(first->content.tag_names, std::vector<std::string>{"Harbour"});
    EXPECT_EQ(service.revision(editor, story->id, 9).error().code, ErrorCode::NotFound);

    auto restored = service.restore(editor, story->id, 1, 2);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(restored->revision, 3);
    EXPECT_EQ(restored->headline, "First headline");
    EXPECT_EQ(restored->body_html, "<p>One.</p>");
    EXPECT_EQ(service.revisions(editor, story->id)->size(), 3u);
}

TEST_P(ArticleEditingTest, AScheduledStoryIsPublishedOnceAtItsTimeByOneOfTwoNodes) {
    auto story = service.create(editor, "news", content("Budget vote"));
    ASSERT_TRUE(story.ok());
    EXPECT_EQ(service.act(editor, story->id, ArticleAction::Schedule, now - 60).error().field,
              "publish_at");
    EXPECT_EQ(service.act(editor, story->id, ArticleAction::Schedule).error().field, "publish_at");
    auto scheduled = service.act(editor, story->id, ArticleAction::Schedule, now + hour);
    ASSERT_TRUE(scheduled.ok()) << scheduled.error().message;
    EXPECT_EQ(scheduled->status, ArticleStatus::Scheduled);
    EXPECT_TRUE(service.publish_due()->empty());
    EXPECT_FALSE(readers_see("budget-vote"));

    clock.set(now + hour + 1);
    EXPECT_TRUE(readers_see("budget-vote"));  // readers see it on time, whatever the state
    auto node = db::open_database(database.url(), 1);
    ASSERT_TRUE(node.ok());
    ArticleService second(**node, media, clock);
    Result<std::vector<domain::Id>> found[2] = {std::vector<domain::Id>{},
                                                std::vector<domain::Id>{}};
    std::thread a([&] { found[0] = service.publish_due(); });
    std::thread b([&] { found[1] = second.publish_due(); });
    a.join();
    b.join();
    ASSERT_TRUE(found[0].ok()) << found[0].error().message;
    ASSERT_TRUE(found[1].ok()) << found[1].error().message;
    EXPECT_EQ(found[0]->size() + found[1]->size(), 1u);
    auto after = service.article(editor, story->id);
    EXPECT_EQ(after->status, ArticleStatus::Published);
    EXPECT_EQ(after->first_published_at, now + hour);
    EXPECT_TRUE(service.publish_due()->empty());
}

TEST_P(ArticleEditingTest, UnpublishingHidesAStoryAndPublishingAgainKeepsItsFirstTime) {
    const auto story = published_story();
    clock.set(now + hour);
    auto down = service.act(editor, story.id, ArticleAction::Unpublish);
    ASSERT_TRUE(down.ok()) << down.error().message;
    EXPECT_EQ(down->status, ArticleStatus::Unpublished);
    EXPECT_FALSE(readers_see("harbour-reopens"));
    EXPECT_EQ(service.act(editor, story.id, ArticleAction::Unpublish).error().field, "action");
    auto back = service.act(editor, story.id, ArticleAction::Publish);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->first_published_at, now);
    EXPECT_TRUE(readers_see("harbour-reopens"));
}

TEST_P(ArticleEditingTest, APublicNoteGoesOnAPublishedStoryWithItsTimeAndMovesLastUpdated) {
    auto draft = service.create(editor, "news", content("Council vote"));
    ASSERT_TRUE(draft.ok());
    EXPECT_EQ(service.add_note(editor, draft->id, domain::NoteKind::Correction, "Too early.")
                  .error()
                  .field,
              "note");
    const auto story = published_story();
    clock.set(now + 2 * hour);
    EXPECT_EQ(
        service.add_note(author, story.id, domain::NoteKind::Correction, "Mine.").error().code,
        ErrorCode::Forbidden);
    EXPECT_EQ(service.add_note(editor, story.id, domain::NoteKind::Update, "  \n").error().field,
              "note");
    EXPECT_EQ(service
                  .add_note(editor, story.id, domain::NoteKind::Update,
                            std::string(domain::max_note_chars + 1, 'x'))
                  .error()
                  .field,
              "note");
    auto noted = service.add_note(editor, story.id, domain::NoteKind::Correction,
                                  "An earlier version gave the wrong berth number.");
    ASSERT_TRUE(noted.ok()) << noted.error().message;
    ASSERT_EQ(noted->notes.size(), 1u);
    EXPECT_EQ(noted->notes[0].kind, domain::NoteKind::Correction);
    EXPECT_EQ(noted->notes[0].noted_at, now + 2 * hour);
    EXPECT_EQ(noted->updated_at, now + 2 * hour);
    EXPECT_EQ(noted->revision, story.revision);  // a note is not a change of the text
    clock.set(now + 3 * hour);
    ASSERT_TRUE(
        service.add_note(editor, story.id, domain::NoteKind::Update, "Ships are queuing.").ok());

    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    auto page = reader.story(*directory->site_by_slug("news"), "harbour-reopens", 1);
    ASSERT_TRUE(page.ok() && page->has_value());
    const auto& notes = (*page)->article->notes;
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0].text, "An earlier version gave the wrong berth number.");
    EXPECT_EQ(notes[1].kind, domain::NoteKind::Update);
    EXPECT_TRUE((*page)->article->was_updated());
}

TEST_P(ArticleEditingTest, AnUploadedPictureBecomesTheLeadPictureAndAFailedSaveKeepsNoFile) {
    std::ifstream in(
        std::filesystem::path(DATELINE_SOURCE_DIR) / "demo/images/airport-terminal.jpg",
        std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string photo = bytes.str();
    const auto files = [&] {
        std::error_code ec;
        const std::filesystem::directory_iterator it(images.directory(), ec);
        return ec ? 0 : std::distance(it, std::filesystem::directory_iterator());
    };
    auto story = service.create(other_author, "news", content("Terminal opens"));
    ASSERT_TRUE(story.ok());

    EXPECT_EQ(service.set_picture(author, story->id, photo, 1).error().code, ErrorCode::Forbidden);
    EXPECT_EQ(files(), 0) << "refused before anything was stored";
    EXPECT_EQ(service.set_picture(editor, story->id, std::string_view("GIF89a, or so it says"), 1)
                  .error()
                  .field,
              "image");
    EXPECT_EQ(service.set_picture(editor, story->id, photo, 7).error().field, "revision");
    EXPECT_EQ(files(), 0) << "the refused save took its new files with it";

    auto pictured = service.set_picture(editor, story->id, photo, 1);
    ASSERT_TRUE(pictured.ok()) << pictured.error().message;
    ASSERT_TRUE(pictured->lead_image.has_value());
    EXPECT_EQ(pictured->lead_image->width, 1200);
    EXPECT_EQ(pictured->revision, 2);
    EXPECT_EQ(pictured->headline, "Terminal opens");
    EXPECT_EQ(files(), 11)
        << "the picture, its three smaller copies, a WebP copy of each, and its three crops";
    auto removed = service.set_picture(editor, story->id, std::nullopt, 2);
    ASSERT_TRUE(removed.ok());
    EXPECT_FALSE(removed->lead_image.has_value());
    EXPECT_EQ(files(), 11)
        << "a removed picture's files stay: other stories or revisions may use them";
}

TEST_P(ArticleEditingTest, TheAuditLogKeepsWhatChangedWhatReadersSeeByWhomForAdminsOnly) {
    auto story = service.create(author, "news", content("Ferry strike"));
    ASSERT_TRUE(story.ok());
    ASSERT_TRUE(service.revise(author, story->id, content("Ferry strike ends"), 1).ok());
    ASSERT_TRUE(service.act(author, story->id, ArticleAction::Submit).ok());
    ASSERT_TRUE(service.act(editor, story->id, ArticleAction::Publish).ok());
    clock.set(now + hour);
    ASSERT_TRUE(service.revise(editor, story->id, content("Ferry strike ends at noon"), 2).ok());
    ASSERT_TRUE(
        service.add_note(editor, story->id, domain::NoteKind::Update, "Boats sail again.").ok());
    ASSERT_TRUE(service.act(editor, story->id, ArticleAction::Unpublish).ok());
    auto later = service.create(editor, "news", content("Night service returns"));
    ASSERT_TRUE(service.act(editor, later->id, ArticleAction::Schedule, now + 2 * hour).ok());
    clock.set(now + 3 * hour);
    ASSERT_TRUE(service.publish_due().ok());

    AuditService audit(*database);
    EXPECT_EQ(audit.read(editor, {}).error().code, ErrorCode::Forbidden);
    auto entries = audit.read(admin, {});
    ASSERT_TRUE(entries.ok()) << entries.error().message;
    std::vector<std::string> lines;
    for (auto it = entries->rbegin(); it != entries->rend(); ++it)
        if (it->article_id)
            lines.push_back(std::string(domain::to_string(it->action)) + " by " + it->actor.name +
                            (it->detail.empty() ? "" : " (" + it->detail + ")"));
    // The draft's own edit is not there: drafts change all day, readers saw none of it.
    const std::vector<std::string> expected = {
        "article.submit by author <author@news.example>",
        "article.publish by editor <editor@news.example>",
        "article.edit by editor <editor@news.example> (revision 3)",
        "article.note by editor <editor@news.example> (update: Boats sail again.)",
        "article.unpublish by editor <editor@news.example>",
        "article.schedule by editor <editor@news.example> (for 2026-11-18T13:06:40Z)",
        "article.publish_on_schedule by scheduler",
    };
    EXPECT_EQ(lines, expected);
    EXPECT_EQ(entries->front().subject, "Night service returns");
    EXPECT_FALSE(entries->front().actor.user_id.has_value());
    // A page at a time, newest first.
    auto first = audit.read(admin, {std::nullopt, std::nullopt, 2});
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 2u);
    auto next = audit.read(admin, {std::nullopt, first->back().id, 2});
    ASSERT_TRUE(next.ok());
    ASSERT_FALSE(next->empty());
    EXPECT_LT(next->front().id, first->back().id);
}

TEST_P(ArticleEditingTest, TranslationsOnSisterSitesAreLinkedOneASiteAndShownToReaders) {
    auto english = service.create(editor, "news", content("Harbour reopens"));
    auto other_english = service.create(editor, "news", content("Harbour reopens, again"));
    auto sport = service.create(sport_editor, "sport", content_sport());
    ASSERT_TRUE(english.ok() && other_english.ok() && sport.ok());
    EXPECT_EQ(service.link_translation(editor, english->id, sport->id).error().code,
              ErrorCode::Forbidden);
    EXPECT_EQ(service.link_translation(admin, english->id, other_english->id).error().field,
              "translation");
    auto linked = service.link_translation(admin, english->id, sport->id);
    ASSERT_TRUE(linked.ok()) << linked.error().message;
    ASSERT_TRUE(linked->translation_group.has_value());
    auto both = service.translations(admin, english->id);
    ASSERT_TRUE(both.ok());
    ASSERT_EQ(both->size(), 1u);
    EXPECT_EQ(both->front().id, sport->id);
    auto second = service.link_translation(admin, other_english->id, sport->id);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);

    // Readers see a translation once it is published, not before.
    ASSERT_TRUE(service.act(admin, english->id, ArticleAction::Publish).ok());
    ReaderService reader(*database, clock);
    auto directory = reader.directory();
    auto page = reader.story(*directory->site_by_slug("news"), "harbour-reopens", 1);
    ASSERT_TRUE(page.ok() && page->has_value());
    EXPECT_TRUE((*page)->translations.empty());
    ASSERT_TRUE(service.act(admin, sport->id, ArticleAction::Publish).ok());
    page = reader.story(*directory->site_by_slug("news"), "harbour-reopens", 1);
    ASSERT_EQ((*page)->translations.size(), 1u);
    EXPECT_EQ((*page)->translations.front().headline, "Derby day");

    auto unlinked = service.unlink_translation(admin, english->id);
    ASSERT_TRUE(unlinked.ok());
    EXPECT_FALSE(unlinked->translation_group.has_value());
    EXPECT_FALSE(service.article(admin, sport->id)->translation_group.has_value())
        << "a group of one ends";
}

TEST_P(ArticleEditingTest, TheListShowsEachAccountWhatItMayReadFilteredAsAsked) {
    ASSERT_TRUE(service.create(author, "news", content("Author's own draft")).ok());
    ASSERT_TRUE(service.create(other_author, "news", content("Someone else's draft")).ok());
    const auto story = published_story();
    ASSERT_TRUE(service.create(sport_editor, "sport", content_sport()).ok());

    auto headlines = [&](const domain::User& user, ArticleQuery query) {
        std::vector<std::string> out;
        auto found = service.list(user, query);
        EXPECT_TRUE(found.ok()) << found.error().message;
        if (found)
            for (const auto& a : *found) out.push_back(a.headline);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(headlines(author, {}), std::vector<std::string>{"Author's own draft"});
    EXPECT_EQ(headlines(editor, {}),
              (std::vector<std::string>{"Author's own draft", "Harbour reopens",
                                        "Someone else's draft"}));
    ArticleQuery published;
    published.status = ArticleStatus::Published;
    EXPECT_EQ(headlines(editor, published), std::vector<std::string>{"Harbour reopens"});
    ArticleQuery words;
    words.text = "HARBOUR";
    EXPECT_EQ(headlines(editor, words), std::vector<std::string>{"Harbour reopens"});
    ArticleQuery wildcard;
    wildcard.text = "%";
    EXPECT_TRUE(headlines(editor, wildcard).empty());
    ArticleQuery sport;
    sport.site = "sport";
    EXPECT_EQ(service.list(editor, sport).error().code, ErrorCode::Forbidden);
    EXPECT_EQ(headlines(sport_editor, sport), std::vector<std::string>{"Derby day"});
    EXPECT_TRUE(headlines(moderator, {}).empty());
}

// An agency's embargo holds whoever publishes: an editor's Publish schedules the story for the
// embargo, an editor's save keeps it, and only a later version of the item lifts it.
TEST_P(ArticleEditingTest, AnEmbargoHoldsTheStoryWhoeverPublishesIt) {
    domain::WireItem item;
    item.guid = "urn:wire:embargoed";
    item.headline = "Budget figures due at noon";
    item.body_html = "<p>Figures.</p>";
    item.first_created = now - hour;
    item.embargoed_until = now + 2 * hour;
    auto imported = service.import_wire_item("news", item, false, "news");
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    ASSERT_FALSE(imported->visible);

    auto pressed = service.act(editor, imported->id, ArticleAction::Publish);
    ASSERT_TRUE(pressed.ok()) << pressed.error().message;
    EXPECT_EQ(pressed->status, ArticleStatus::Scheduled);
    EXPECT_EQ(pressed->first_published_at, now + 2 * hour);
    EXPECT_FALSE(readers_see(imported->slug));
    auto early = service.act(editor, imported->id, ArticleAction::Schedule, now + hour);
    ASSERT_TRUE(early.ok());
    EXPECT_EQ(early->first_published_at, now + 2 * hour) << "not before the embargo";

    // An editor's save says nothing of the embargo: the story keeps it.
    auto edited = content("Budget figures due at noon, in full");
    edited.status = ArticleStatus::Published;
    edited.first_published_at = now;
    auto saved = service.save("news", [&] {
        auto d = edited;
        d.external_id = item.guid;
        return d;
    }());
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_FALSE(saved->visible);
    EXPECT_FALSE(readers_see(imported->slug));

    // The agency lifts it in a new version: the story is out.
    item.embargoed_until.reset();
    item.version = "2";
    auto lifted = service.import_wire_item("news", item, true, "news");
    ASSERT_TRUE(lifted.ok()) << lifted.error().message;
    EXPECT_TRUE(lifted->visible);
    EXPECT_TRUE(readers_see(imported->slug));
}

INSTANTIATE_TEST_SUITE_P(Backends, ArticleEditingTest,
                         testing::ValuesIn(testing_support::backend_names),
                         [](const auto& backend) { return std::string(backend.param); });

}  // namespace dateline::app
