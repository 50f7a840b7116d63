#include "core/error.hpp"

#include <utility>

namespace dateline {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::Invalid:
            return "invalid";
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::Conflict:
            return "conflict";
        case ErrorCode::Forbidden:
            return "forbidden";
        case ErrorCode::Unavailable:
            return "unavailable";
        case ErrorCode::Internal:
            return "internal";
        case ErrorCode::RateLimited:
            return "rate_limited";
    }
    return "internal";
}

Error Error::invalid(std::string message, std::string field) {
    return {ErrorCode::Invalid, std::move(message), std::move(field), {}};
}
Error Error::not_found(std::string message) {
    return {ErrorCode::NotFound, std::move(message), {}, {}};
}
Error Error::conflict(std::string message, std::string field) {
    return {ErrorCode::Conflict, std::move(message), std::move(field), {}};
}
Error Error::forbidden(std::string message) {
    return {ErrorCode::Forbidden, std::move(message), {}, {}};
}
Error Error::rate_limited(std::string message, std::int64_t retry_after_seconds) {
    return {ErrorCode::RateLimited, std::move(message), {}, {}, retry_after_seconds};
}
Error Error::unavailable(std::string message, std::string cause) {
    return {ErrorCode::Unavailable, std::move(message), {}, std::move(cause)};
}
Error Error::internal(std::string cause) {
    return {ErrorCode::Internal, "Something went wrong on our side.", {}, std::move(cause)};
}

}  // namespace dateline
