#pragma once

#include <optional>
#include <string_view>

#include "domain/article.hpp"
#include "domain/user.hpp"

namespace dateline::domain {

/// What an editor does to a story's state (a save changes its content, not its state).
///   submit:    draft -> review (the author hands it to the editors)
///   return:    review -> draft (an editor hands it back)
///   publish:   draft, review, scheduled, unpublished -> published
///   schedule:  draft, review, scheduled -> scheduled (at a time to come); a story that was
///              published keeps its first publication time, so it is published again at once
///   unpublish: published -> unpublished; scheduled -> draft (the plan is called off)
enum class ArticleAction { Submit, Return, Publish, Schedule, Unpublish };

/// The action's name in forms and the API: "submit", "return", "publish", "schedule",
/// "unpublish".
std::string_view to_string(ArticleAction action);
std::optional<ArticleAction> parse_article_action(std::string_view text);

/// Where the action takes a story in this state; nothing when it does not apply there.
std::optional<ArticleStatus> next_status(ArticleStatus from, ArticleAction action);

/// Whether the account may start stories on the site: an admin anywhere, an editor or an
/// author on their sites. A disabled account may do nothing.
bool may_write(const User& user, Id site_id);
/// Whether the account may start stories on some site (may_write on one of them): what adding
/// a picture to the media library asks.
bool may_write_somewhere(const User& user);
/// Whether the account may publish, schedule, unpublish and return stories of the site, and
/// edit any of them: an admin anywhere, an editor on their sites.
bool may_publish(const User& user, Id site_id);
/// Whether the account may change this story's content: whoever may publish on its site, and
/// an author their own story while it is a draft.
bool may_edit(const User& user, const Article& article);
/// Whether the account may take this action on this story: publishing actions as may_publish;
/// submitting also to the author of their own draft.
bool may_act(const User& user, const Article& article, ArticleAction action);
/// Whether the account may see this story in the newsroom: whoever may publish on its site,
/// and its author.
bool may_read(const User& user, const Article& article);

}  // namespace dateline::domain
