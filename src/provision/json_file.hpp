#pragma once

// Reading the JSON files that describe a network and its demo content. Internal to provision.

#include <boost/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace dateline::provision {

/// The object at the top of a JSON file; a clear error naming the file otherwise.
Result<boost::json::object> read_json_object(const std::filesystem::path& file);
/// A member's string, or empty.
std::string text(const boost::json::object& o, std::string_view key);
/// A member's number, or `fallback`.
std::int64_t number(const boost::json::object& o, std::string_view key, std::int64_t fallback = 0);
/// A member's array, or an empty one.
const boost::json::array& array(const boost::json::object& o, std::string_view key);

}  // namespace dateline::provision
