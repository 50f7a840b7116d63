#include "domain/editorial.hpp"

#include <gtest/gtest.h>

namespace dateline::domain {

namespace {

User account(Role role, std::vector<Id> sites, Id id = 7) {
    User u;
    u.id = id;
    u.role = role;
    u.site_ids = std::move(sites);
    return u;
}

Article story(Id site, ArticleStatus status, std::optional<Id> by) {
    Article a;
    a.site_id = site;
    a.status = status;
    a.created_by = by;
    return a;
}

}  // namespace

TEST(Editorial, EachActionMovesOnlyFromTheStatesItAppliesTo) {
    using S = ArticleStatus;
    using A = ArticleAction;
    EXPECT_EQ(next_status(S::Draft, A::Submit), S::Review);
    EXPECT_EQ(next_status(S::Review, A::Submit), std::nullopt);
    EXPECT_EQ(next_status(S::Review, A::Return), S::Draft);
    EXPECT_EQ(next_status(S::Published, A::Return), std::nullopt);
    for (const auto from : {S::Draft, S::Review, S::Scheduled, S::Unpublished})
        EXPECT_EQ(next_status(from, A::Publish), S::Published);
    for (const auto from : {S::Draft, S::Review, S::Scheduled})
        EXPECT_EQ(next_status(from, A::Schedule), S::Scheduled);
    EXPECT_EQ(next_status(S::Unpublished, A::Schedule), std::nullopt)
        << "its first publication time stays";
    EXPECT_EQ(next_status(S::Published, A::Publish), std::nullopt);
    EXPECT_EQ(next_status(S::Published, A::Schedule), std::nullopt);
    EXPECT_EQ(next_status(S::Published, A::Unpublish), S::Unpublished);
    EXPECT_EQ(next_status(S::Scheduled, A::Unpublish), S::Draft);
    EXPECT_EQ(next_status(S::Draft, A::Unpublish), std::nullopt);
    for (const auto a : {A::Submit, A::Return, A::Publish, A::Schedule, A::Unpublish})
        EXPECT_EQ(parse_article_action(to_string(a)), a);
    EXPECT_EQ(parse_article_action("delete"), std::nullopt);
}

TEST(Editorial, RolesDecideWhoWritesEditsAndPublishes) {
    const auto admin = account(Role::Admin, {});
    const auto editor = account(Role::Editor, {1});
    const auto author = account(Role::Author, {1});
    const auto moderator = account(Role::Moderator, {1});
    EXPECT_TRUE(may_write(admin, 2));
    EXPECT_TRUE(may_write(author, 1));
    EXPECT_FALSE(may_write(author, 2));
    EXPECT_FALSE(may_write(moderator, 1));
    EXPECT_TRUE(may_publish(editor, 1));
    EXPECT_FALSE(may_publish(editor, 2));
    EXPECT_FALSE(may_publish(author, 1));

    const auto own_draft = story(1, ArticleStatus::Draft, author.id);
    const auto own_review = story(1, ArticleStatus::Review, author.id);
    const auto other_draft = story(1, ArticleStatus::Draft, 99);
    EXPECT_TRUE(may_edit(author, own_draft));
    EXPECT_FALSE(may_edit(author, own_review));
    EXPECT_FALSE(may_edit(author, other_draft));
    EXPECT_TRUE(may_read(author, own_review));
    EXPECT_FALSE(may_read(author, other_draft));
    EXPECT_TRUE(may_act(author, own_draft, ArticleAction::Submit));
    EXPECT_FALSE(may_act(author, own_draft, ArticleAction::Publish));
    EXPECT_TRUE(may_edit(editor, other_draft));
    EXPECT_TRUE(may_act(editor, other_draft, ArticleAction::Publish));
    auto disabled = editor;
    disabled.disabled = true;
    EXPECT_FALSE(may_read(disabled, other_draft));

    // Adding a picture asks for a site to write on, any one.
    EXPECT_TRUE(may_write_somewhere(admin));
    EXPECT_TRUE(may_write_somewhere(author));
    EXPECT_FALSE(may_write_somewhere(moderator));
    EXPECT_FALSE(may_write_somewhere(account(Role::Editor, {})));
    EXPECT_FALSE(may_write_somewhere(disabled));
    auto disabled_admin = admin;
    disabled_admin.disabled = true;
    EXPECT_FALSE(may_write_somewhere(disabled_admin));
}

}  // namespace dateline::domain
