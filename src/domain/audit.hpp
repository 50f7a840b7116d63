#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/site.hpp"
#include "domain/user.hpp"

namespace dateline::domain {

/// Who did something the audit log records: a newsroom account, or the system itself (the
/// scheduler, a command at the server's console), named as it was at the time, so that the
/// record reads the same after the account changes.
struct Actor {
    std::optional<Id> user_id;  ///< nothing: the system
    std::string name;           ///< "Rana Haddad <rana@news.example>", "scheduler", ...

    static Actor of(const User& user);
    static Actor system(std::string what);
};

/// What the audit log records (domain::to_string gives the stored name, "article.publish").
enum class AuditAction {
    ArticleSubmit,
    ArticleReturn,
    ArticlePublish,
    ArticleSchedule,
    ArticleUnpublish,
    ArticlePublishOnSchedule,  ///< the scheduler published it at its time
    ArticleEdit,               ///< a story that has been published was edited
    ArticleRestore,
    ArticlePicture,
    ArticleNote,
    ArticleTranslation,  ///< linked to, or unlinked from, its translations
    CommentApprove,
    CommentReject,
    CommentSpam,
    CommentErase,  ///< a reader's comments erased at their request (their address is not kept)
    UserAdd,
    UserDisable,
    UserEnable,
    UserPassword,
    UserTwoStep,       ///< two-step sign-in turned on, off, or reset (the detail says which)
    UserTokenAdd,      ///< an API token made for the account (the detail: its name)
    UserTokenRevoke,   ///< one of its API tokens revoked
    SiteSettings,      ///< a site's settings changed (the detail says what)
    SiteTopStories,    ///< the order of a site's top stories changed (the detail: the new order)
    SiteBreakingNews,  ///< a site's breaking-news banner put up (the detail: its line) or down
};
std::string_view to_string(AuditAction action);
std::optional<AuditAction> parse_audit_action(std::string_view text);

/// One line of the audit log: who did what, to what, when.
struct AuditEntry {
    Id id = 0;
    UnixTime at = 0;
    Actor actor;
    AuditAction action = AuditAction::ArticleEdit;
    std::optional<Id> site_id;     ///< the site it concerns, if one
    std::optional<Id> article_id;  ///< the story it concerns, if one
    std::string subject;           ///< what it was done to, in words: a headline, an address
    std::string detail;            ///< what else to know: a revision, a note's text, a count
};

}  // namespace dateline::domain
