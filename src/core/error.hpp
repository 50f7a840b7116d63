#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline {

/// The stable kinds of expected failure. Codes are part of the public contract (API clients and
/// tests match on them); never renumber or rename one.
enum class ErrorCode {
    Invalid,      ///< the input broke a rule; `field` names the offending field when there is one
    NotFound,     ///< the thing asked for does not exist
    Conflict,     ///< the change collides with existing state (a taken slug, a stale version)
    Forbidden,    ///< the caller may not do this
    Unavailable,  ///< a dependency (database, disk) cannot serve right now; retrying may work
    Internal,     ///< a bug or an unexpected failure; the message is generic, `cause` has detail
    RateLimited,  ///< too many attempts: refused without looking; `retry_after_seconds` says when
};

/// Stable text form of a code, e.g. "not_found".
std::string_view to_string(ErrorCode code);

/// An expected failure. `message` is safe to show to the user who caused it; `cause` carries
/// internal detail (a database or library message) for logs only and never reaches a user.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string field;
    std::string cause;
    std::int64_t retry_after_seconds = 0;  ///< RateLimited: when trying again may work

    static Error invalid(std::string message, std::string field = {});
    static Error not_found(std::string message);
    static Error conflict(std::string message, std::string field = {});
    static Error forbidden(std::string message);
    static Error rate_limited(std::string message, std::int64_t retry_after_seconds);
    static Error unavailable(std::string message, std::string cause = {});
    static Error internal(std::string cause);
};

}  // namespace dateline
