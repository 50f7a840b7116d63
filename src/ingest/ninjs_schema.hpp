#pragma once

#include <boost/json/fwd.hpp>

#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace dateline::ingest {

/// A published ninjs JSON Schema carried in the binary: its version ("1.0" … "3.1") and text.
struct BundledSchema {
    const char* version;
    const char* text;
};

/// Every bundled schema, oldest version first (generated from src/ingest/ninjs_schemas/).
std::span<const BundledSchema> bundled_ninjs_schemas();

/// The bundled version that checks an item declaring `declared` ("3.0", "2.1.1", "3"): that
/// version if bundled, else the newest bundled one of the same major version. Empty when the major
/// version is not one of ninjs'.
std::string schema_version_for(std::string_view declared);

/// Checks a parsed item against the published schema of `version` (a bundled one). The error
/// names the version and the first few places that break it, as JSON pointers
/// ("/urgency: Value type not permitted by 'type' constraint"). Each schema is read once per
/// process; checking takes no lock.
Status check_ninjs_schema(const boost::json::value& item, const std::string& version);

}  // namespace dateline::ingest
