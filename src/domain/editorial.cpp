#include "domain/editorial.hpp"

#include <algorithm>

namespace dateline::domain {

namespace {

bool works_on(const User& user, Id site_id) {
    return std::find(user.site_ids.begin(), user.site_ids.end(), site_id) != user.site_ids.end();
}

bool wrote(const User& user, const Article& article) {
    return article.created_by && *article.created_by == user.id;
}

constexpr ArticleAction all_actions[] = {ArticleAction::Submit, ArticleAction::Return,
                                         ArticleAction::Publish, ArticleAction::Schedule,
                                         ArticleAction::Unpublish};

}  // namespace

std::string_view to_string(ArticleAction action) {
    switch (action) {
        case ArticleAction::Submit:
            return "submit";
        case ArticleAction::Return:
            return "return";
        case ArticleAction::Publish:
            return "publish";
        case ArticleAction::Schedule:
            return "schedule";
        case ArticleAction::Unpublish:
            return "unpublish";
    }
    return "submit";
}

std::optional<ArticleAction> parse_article_action(std::string_view text) {
    for (const auto action : all_actions)
        if (text == to_string(action)) return action;
    return std::nullopt;
}

std::optional<ArticleStatus> next_status(ArticleStatus from, ArticleAction action) {
    using S = ArticleStatus;
    switch (action) {
        case ArticleAction::Submit:
            if (from == S::Draft) return S::Review;
            break;
        case ArticleAction::Return:
            if (from == S::Review) return S::Draft;
            break;
        case ArticleAction::Publish:
            if (from != S::Published) return S::Published;
            break;
        case ArticleAction::Schedule:
            // Not an unpublished story: its publication time is when readers first saw it,
            // and a schedule would replace it. It is published again, at once.
            if (from != S::Published && from != S::Unpublished) return S::Scheduled;
            break;
        case ArticleAction::Unpublish:
            if (from == S::Published) return S::Unpublished;
            if (from == S::Scheduled) return S::Draft;
            break;
    }
    return std::nullopt;
}

bool may_write_somewhere(const User& user) {
    if (user.role == Role::Admin) return !user.disabled;
    return std::any_of(user.site_ids.begin(), user.site_ids.end(),
                       [&](Id site) { return may_write(user, site); });
}

bool may_write(const User& user, Id site_id) {
    if (user.disabled) return false;
    switch (user.role) {
        case Role::Admin:
            return true;
        case Role::Editor:
        case Role::Author:
            return works_on(user, site_id);
        case Role::Moderator:
            return false;
    }
    return false;
}

bool may_publish(const User& user, Id site_id) {
    if (user.disabled) return false;
    return user.role == Role::Admin || (user.role == Role::Editor && works_on(user, site_id));
}

bool may_edit(const User& user, const Article& article) {
    if (may_publish(user, article.site_id)) return true;
    return may_write(user, article.site_id) && wrote(user, article) &&
           article.status == ArticleStatus::Draft;
}

bool may_act(const User& user, const Article& article, ArticleAction action) {
    if (may_publish(user, article.site_id)) return true;
    return action == ArticleAction::Submit && may_edit(user, article);
}

bool may_read(const User& user, const Article& article) {
    return may_publish(user, article.site_id) ||
           (may_write(user, article.site_id) && wrote(user, article));
}

}  // namespace dateline::domain
