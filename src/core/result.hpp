#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace dateline {

/// A value or an expected Error. Exceptions are kept for what aborts a whole request or command;
/// everything a caller should handle comes back as a Result.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(state_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(state_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(state_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(state_);
    }

  private:
    std::variant<T, Error> state_;
};

/// Result of an operation that yields nothing but success.
struct Done {};
using Status = Result<Done>;

inline Status success() {
    return Done{};
}

}  // namespace dateline
