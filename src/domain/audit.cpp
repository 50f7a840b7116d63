#include "domain/audit.hpp"

#include <array>
#include <utility>

namespace dateline::domain {

namespace {

constexpr std::array<std::pair<AuditAction, std::string_view>, 25> names = {{
    {AuditAction::ArticleSubmit, "article.submit"},
    {AuditAction::ArticleReturn, "article.return"},
    {AuditAction::ArticlePublish, "article.publish"},
    {AuditAction::ArticleSchedule, "article.schedule"},
    {AuditAction::ArticleUnpublish, "article.unpublish"},
    {AuditAction::ArticlePublishOnSchedule, "article.publish_on_schedule"},
    {AuditAction::ArticleEdit, "article.edit"},
    {AuditAction::ArticleRestore, "article.restore"},
    {AuditAction::ArticlePicture, "article.picture"},
    {AuditAction::ArticleNote, "article.note"},
    {AuditAction::ArticleTranslation, "article.translation"},
    {AuditAction::CommentApprove, "comment.approve"},
    {AuditAction::CommentReject, "comment.reject"},
    {AuditAction::CommentSpam, "comment.spam"},
    {AuditAction::CommentErase, "comment.erase"},
    {AuditAction::UserAdd, "user.add"},
    {AuditAction::UserDisable, "user.disable"},
    {AuditAction::UserEnable, "user.enable"},
    {AuditAction::UserPassword, "user.password"},
    {AuditAction::UserTwoStep, "user.two_step"},
    {AuditAction::UserTokenAdd, "user.token_add"},
    {AuditAction::UserTokenRevoke, "user.token_revoke"},
    {AuditAction::SiteSettings, "site.settings"},
    {AuditAction::SiteTopStories, "site.top_stories"},
    {AuditAction::SiteBreakingNews, "site.breaking_news"},
}};

}  // namespace

Actor Actor::of(const User& user) {
    return {user.id, user.name + " <" + user.email + ">"};
}

Actor Actor::system(std::string what) {
    return {std::nullopt, std::move(what)};
}

std::string_view to_string(AuditAction action) {
    for (const auto& [a, name] : names)
        if (a == action) return name;
    return "article.edit";
}

std::optional<AuditAction> parse_audit_action(std::string_view text) {
    for (const auto& [a, name] : names)
        if (name == text) return a;
    return std::nullopt;
}

}  // namespace dateline::domain
