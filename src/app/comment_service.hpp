#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/article.hpp"
#include "domain/audit.hpp"
#include "domain/comment.hpp"
#include "domain/user.hpp"

namespace dateline::app {

/// What a submission got: stored, awaiting moderation (held when it looks like spam).
struct SubmittedComment {
    domain::Id id = 0;
    bool held = false;
};

/// What the guards in front of submission noticed about a comment, kept for moderators.
struct Screening {
    bool spam = false;   ///< straight to the spam list (a filled honeypot); still rescuable
    std::string reason;  ///< why: "honeypot", "question" (passed the weaker no-script check)
};

/// The comments readers see under an article.
struct ArticleComments {
    std::vector<domain::Comment> approved;  ///< one page of them, newest first
    std::int64_t count = 0;                 ///< approved comments in all
    int page = 1;
    int page_count = 1;
    bool open = false;  ///< new comments are accepted
};

/// Which comments a moderator asks to see.
struct ModerationQuery {
    std::optional<domain::CommentStatus> status = domain::CommentStatus::Pending;  ///< or all
    std::optional<domain::Id> site_id;  ///< nothing: every site they moderate
    std::string held_reason;            ///< one of domain::held_reasons, or empty for any
};

/// Reader comments: submission (validated, pre-moderated, stored durably before it returns),
/// moderation and erasure on a reader's request.
class CommentService {
  public:
    CommentService(db::Database& database, const Clock& clock)
        : database_(database), clock_(clock) {}

    /// Stores a comment on a visible, open article. Errors: Invalid naming the field with a key
    /// ("required", "too_long", "invalid"), Forbidden "closed", Conflict "duplicate" for the same
    /// text from the same name on the same article within a day, NotFound for no such article.
    /// `screening` says what the guards in front noticed (see Screening).
    Result<SubmittedComment> submit(const domain::Site& site, const domain::Article& article,
                                    const domain::CommentDraft& draft,
                                    const Screening& screening = {});

    /// Comments for moderators, newest first (the command line's view: every site).
    Result<std::vector<domain::CommentListing>> list(std::optional<domain::CommentStatus> status,
                                                     std::optional<domain::Id> site_id);
    /// Sets the status of comments; NotFound when an id does not exist (nothing is changed then).
    Result<std::int64_t> moderate(const std::vector<domain::Id>& ids, domain::CommentStatus status);

    /// The newsroom's moderation queue as `moderator` may see it: newest first, only the sites
    /// they moderate (domain::may_moderate). Forbidden for a site they may not moderate, or for
    /// an account that moderates none; Invalid for a held reason not in domain::held_reasons.
    Result<std::vector<domain::CommentListing>> queue(const domain::User& moderator,
                                                      const ModerationQuery& query);
    /// moderate() on behalf of `moderator` (recorded in the audit log as theirs; the other
    /// overload records the console's command): Forbidden, changing nothing, when any of the
    /// comments is on a site they may not moderate.
    Result<std::int64_t> moderate(const domain::User& moderator, const std::vector<domain::Id>& ids,
                                  domain::CommentStatus status);
    /// Opens or closes one article to new comments; NotFound when the site has no such article.
    Status set_open(const domain::Site& site, const std::string& article_slug, bool open);
    /// erase() by a newsroom account: an admin's act (Forbidden for anyone else, since it reaches
    /// every site); Invalid on "email" for something that is not an address.
    Result<std::int64_t> erase(const domain::User& by, const std::string& email);
    /// Removes every comment written with this e-mail address, at the reader's request; returns
    /// how many. The audit log records that `by` did it and how many went, not the address.
    Result<std::int64_t> erase(const std::string& email,
                               const domain::Actor& by = domain::Actor::system("command line"));

    /// One page of an article's approved comments, newest first, and whether it takes new ones;
    /// NotFound past the last page.
    Result<ArticleComments> for_article(const domain::Site& site, const domain::Article& article,
                                        int page = 1);
    /// The same, read on `connection` (inside a reader's snapshot, say) as of `now`.
    static Result<ArticleComments> for_article(db::Connection& connection, const domain::Site& site,
                                               const domain::Article& article, int page,
                                               UnixTime now);

    /// Whether an article takes comments now: the site's and the article's switches, and the
    /// site's closing age counted from first publication.
    static bool open_for_comments(const domain::Site& site, const domain::Article& article,
                                  UnixTime now);

    static constexpr int max_listed = 500;
    static constexpr int per_page = 50;

  private:
    Result<std::int64_t> moderate_checked(const domain::User* moderator,
                                          const std::vector<domain::Id>& ids,
                                          domain::CommentStatus status);

    db::Database& database_;
    const Clock& clock_;
};

}  // namespace dateline::app
