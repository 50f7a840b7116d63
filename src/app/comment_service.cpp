#include "app/comment_service.hpp"

#include "core/ascii.hpp"
#include "crypto/crypto.hpp"
#include "domain/email.hpp"
#include "storage/audit_store.hpp"
#include "storage/comment_store.hpp"
#include "storage/site_store.hpp"

#include <algorithm>

namespace dateline::app {

using crypto::sha256_hex;

using domain::CommentStatus;

namespace {

constexpr UnixTime day = 24 * 3600;

std::string content_digest(domain::Id article_id, const domain::CommentDraft& d) {
    return sha256_hex(std::to_string(article_id) + "\n" + ascii_lowercase(d.author_name) + "\n" +
                      d.body);
}

}  // namespace

bool CommentService::open_for_comments(const domain::Site& site, const domain::Article& article,
                                       UnixTime now) {
    if (!site.comments_open || !article.comments_open) return false;
    if (site.comments_close_after_days <= 0) return true;
    return now < article.first_published_at + site.comments_close_after_days * day;
}

Result<SubmittedComment> CommentService::submit(const domain::Site& site,
                                                const domain::Article& article,
                                                const domain::CommentDraft& draft,
                                                const Screening& screening) {
    const UnixTime now = clock_.now();
    if (!open_for_comments(site, article, now))
        return Error{ErrorCode::Forbidden, "closed", {}, {}};
    if (auto valid = domain::validate(draft, site.comment_limits); !valid) return valid.error();
    const std::string digest = content_digest(article.id, draft);
    return db::in_transaction<SubmittedComment>(
        database_, [&](db::Connection& c) -> Result<SubmittedComment> {
            storage::CommentStore store(c);
            auto seen = store.has_digest_since(digest, now - day);
            if (!seen) return seen.error();
            if (*seen) return Error::conflict("duplicate", "comment");
            domain::Comment comment;
            comment.site_id = site.id;
            comment.article_id = article.id;
            comment.status = CommentStatus::Pending;
            comment.author_name = draft.author_name;
            comment.email = draft.email;
            comment.title = draft.title;
            comment.body = draft.body;
            const bool many_links =
                domain::count_links(draft.body) + domain::count_links(draft.title) >
                domain::max_comment_links;
            comment.held_reason = screening.reason;
            if (many_links) comment.held_reason += comment.held_reason.empty() ? "links" : ",links";
            if (screening.spam) comment.status = CommentStatus::Spam;
            comment.created_at = now;
            auto id = store.insert(comment, digest);
            if (!id) return id.error();
            return SubmittedComment{*id, many_links || screening.spam};
        });
}

Result<std::vector<domain::CommentListing>> CommentService::list(
    std::optional<CommentStatus> status, std::optional<domain::Id> site_id) {
    auto lease = database_.acquire();
    storage::CommentStore::Query query{status, {}, {}, max_listed};
    if (site_id) query.site_ids.push_back(*site_id);
    return storage::CommentStore(*lease).list(query);
}

Result<std::int64_t> CommentService::moderate(const std::vector<domain::Id>& ids,
                                              CommentStatus status) {
    return moderate_checked(nullptr, ids, status);
}

Result<std::int64_t> CommentService::moderate(const domain::User& moderator,
                                              const std::vector<domain::Id>& ids,
                                              CommentStatus status) {
    return moderate_checked(&moderator, ids, status);
}

Result<std::int64_t> CommentService::moderate_checked(const domain::User* moderator,
                                                      const std::vector<domain::Id>& ids,
                                                      CommentStatus status) {
    if (status == CommentStatus::Pending)
        return Error::invalid("A comment is approved, rejected or marked as spam.", "status");
    const UnixTime now = clock_.now();
    return db::in_transaction<std::int64_t>(
        database_, [&](db::Connection& c) -> Result<std::int64_t> {
            storage::CommentStore store(c);
            auto sites = store.sites_of(ids);
            if (!sites) return sites.error();
            if (moderator)
                for (const auto site : *sites)
                    if (!domain::may_moderate(*moderator, site))
                        return Error::forbidden(
                            "Some of these comments are on a site you do not moderate; nothing "
                            "was changed.");
            auto changed = store.set_status(ids, status, now);
            if (!changed) return changed.error();
            if (*changed != static_cast<std::int64_t>(ids.size()))
                return Error::not_found(
                    "Some of these comments do not exist; nothing was changed.");
            domain::AuditEntry entry;
            entry.at = now;
            entry.actor =
                moderator ? domain::Actor::of(*moderator) : domain::Actor::system("command line");
            entry.action = status == CommentStatus::Approved   ? domain::AuditAction::CommentApprove
                           : status == CommentStatus::Rejected ? domain::AuditAction::CommentReject
                                                               : domain::AuditAction::CommentSpam;
            if (sites->size() == 1) entry.site_id = sites->front();
            for (const auto id : ids)
                entry.subject += (entry.subject.empty() ? "#" : ", #") + std::to_string(id);
            if (auto kept = storage::AuditStore(c).record(entry); !kept) return kept.error();
            return changed;
        });
}

Result<std::vector<domain::CommentListing>> CommentService::queue(const domain::User& moderator,
                                                                  const ModerationQuery& q) {
    if (!q.held_reason.empty() &&
        std::find(domain::held_reasons.begin(), domain::held_reasons.end(), q.held_reason) ==
            domain::held_reasons.end())
        return Error::invalid("There is no such reason to hold a comment.", "reason");
    storage::CommentStore::Query query{q.status, {}, q.held_reason, max_listed};
    if (q.site_id) {
        if (!domain::may_moderate(moderator, *q.site_id))
            return Error::forbidden("You do not moderate this site's comments.");
        query.site_ids.push_back(*q.site_id);
    } else if (auto sites = domain::moderated_sites(moderator)) {  // nothing: every site
        if (sites->empty()) return Error::forbidden("You do not moderate any site's comments.");
        query.site_ids = std::move(*sites);
    }
    auto lease = database_.acquire();
    return storage::CommentStore(*lease).list(query);
}

Status CommentService::set_open(const domain::Site& site, const std::string& article_slug,
                                bool open) {
    auto lease = database_.acquire();
    auto found = storage::SiteStore(*lease).set_article_comments_open(site.id, article_slug, open);
    if (!found) return found.error();
    if (!*found) return Error::not_found("The site has no article '" + article_slug + "'.");
    return success();
}

Result<std::int64_t> CommentService::erase(const domain::User& by, const std::string& email) {
    if (by.disabled || by.role != domain::Role::Admin)
        return Error::forbidden("Only an administrator erases a reader's comments.");
    if (!domain::plausible_email(email))
        return Error::invalid("This is not an e-mail address.", "email");
    return erase(email, domain::Actor::of(by));
}

Result<std::int64_t> CommentService::erase(const std::string& email, const domain::Actor& by) {
    const UnixTime now = clock_.now();
    return db::in_transaction<std::int64_t>(
        database_, [&](db::Connection& c) -> Result<std::int64_t> {
            auto erased = storage::CommentStore(c).erase_by_email(email);
            if (!erased) return erased.error();
            // The record says that it was done, not to whom: the address is what was erased.
            domain::AuditEntry entry;
            entry.at = now;
            entry.actor = by;
            entry.action = domain::AuditAction::CommentErase;
            entry.detail = std::to_string(*erased);
            if (auto kept = storage::AuditStore(c).record(entry); !kept) return kept.error();
            return erased;
        });
}

Result<ArticleComments> CommentService::for_article(const domain::Site& site,
                                                    const domain::Article& article, int page) {
    auto lease = database_.acquire();
    const db::ReadSnapshot snapshot(*lease);
    return for_article(*lease, site, article, page, clock_.now());
}

Result<ArticleComments> CommentService::for_article(db::Connection& connection,
                                                    const domain::Site& site,
                                                    const domain::Article& article, int page,
                                                    UnixTime now) {
    storage::CommentStore store(connection);
    ArticleComments out;
    auto count = store.approved_count(article.id);
    if (!count) return count.error();
    out.count = *count;
    out.page_count =
        static_cast<int>(std::max<std::int64_t>(1, (*count + per_page - 1) / per_page));
    if (page < 1 || page > out.page_count) return Error::not_found("No such page of comments.");
    out.page = page;
    // Most stories have no comment: no query for a list that would be empty.
    if (*count > 0) {
        auto approved = store.approved_for(article.id, per_page, std::int64_t{page - 1} * per_page);
        if (!approved) return approved.error();
        out.approved = std::move(*approved);
    }
    out.open = open_for_comments(site, article, now);
    return out;
}

}  // namespace dateline::app
