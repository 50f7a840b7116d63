#pragma once

// For harnesses of parsers that take a view: the input copied into a buffer with other bytes
// after it, so that a parser reading past the view's end (strlen, a search without a bound)
// either runs off the allocation, which AddressSanitizer reports, or finds those bytes and
// answers differently from the input alone.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

namespace dateline::fuzz {

class FollowedView {
  public:
    FollowedView(const std::uint8_t* data, std::size_t size, std::string_view after)
        : buffer_(std::make_unique<char[]>(size + after.size())), size_(size) {
        if (size > 0) std::memcpy(buffer_.get(), data, size);
        std::memcpy(buffer_.get() + size, after.data(), after.size());
    }
    std::string_view view() const { return {buffer_.get(), size_}; }

  private:
    std::unique_ptr<char[]> buffer_;
    std::size_t size_;
};

}  // namespace dateline::fuzz
