#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "domain/comment.hpp"

namespace dateline::storage {

/// Reader comments and their moderation.
class CommentStore {
  public:
    explicit CommentStore(db::Connection& connection) : c_(connection) {}

    /// Stores a new comment; returns its id.
    Result<domain::Id> insert(const domain::Comment& comment, const std::string& content_digest);
    /// True when a comment with this digest was stored since `since` (a resubmission).
    Result<bool> has_digest_since(const std::string& content_digest, UnixTime since);

    /// Which comments a moderator lists.
    struct Query {
        std::optional<domain::CommentStatus> status;  ///< nothing: every status
        std::vector<domain::Id> site_ids;             ///< empty: every site
        std::string held_reason;  ///< one of the reasons a comment was held ("links"), or any
        int limit = 500;
    };
    /// Comments, newest first, as the query narrows them.
    Result<std::vector<domain::CommentListing>> list(const Query& query);
    /// The sites of these comments (each once); ids that name no comment add nothing.
    Result<std::vector<domain::Id>> sites_of(const std::vector<domain::Id>& comment_ids);
    /// Approved comments of an article, newest first (readers come for the latest reactions),
    /// `limit` of them after skipping `offset`.
    Result<std::vector<domain::Comment>> approved_for(domain::Id article_id, int limit,
                                                      std::int64_t offset = 0);
    Result<std::int64_t> approved_count(domain::Id article_id);

    /// Moves comments to a status; returns how many existed.
    Result<std::int64_t> set_status(const std::vector<domain::Id>& ids,
                                    domain::CommentStatus status, UnixTime now);
    /// Deletes every comment written with this address; returns how many.
    Result<std::int64_t> erase_by_email(const std::string& email);

  private:
    db::Connection& c_;
};

}  // namespace dateline::storage
