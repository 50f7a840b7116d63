#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/wire_item.hpp"

namespace dateline::ingest {

/// Largest ninjs document accepted, in bytes.
inline constexpr std::size_t max_ninjs_bytes = 8 * 1024 * 1024;

/// Reads an IPTC ninjs item (2.x or 3.x; https://iptc.org/standards/ninjs/) into a WireItem:
/// headline(s), body (HTML, or plain text turned into paragraphs), byline (`by`/`byline`),
/// `located` as dateline, the first of `infosources`, `copyrightholder` or `provider` as source
/// credit, subjects and keywords as tags, `firstcreated` and `versioncreated`, and the first
/// picture association as image. A rendition's `href` may be a path relative to `base_dir`, the
/// item's folder, or a `file:` URL; either must lead, symbolic links followed, into that folder
/// (a `file:` URL may also lead below one of `import_roots`), and to a regular file. The widest
/// rendition allowed is taken; each one refused adds a warning naming it and why, and with none
/// left the item has no image. Errors name the problem; the caller adds the file name.
Result<domain::WireItem> parse_ninjs(std::string_view json, const std::filesystem::path& base_dir,
                                     const std::vector<std::filesystem::path>& import_roots = {});

/// Reads and parses a ninjs file, with errors prefixed by its path; its folder is `base_dir`.
Result<domain::WireItem> read_ninjs_file(
    const std::filesystem::path& file, const std::vector<std::filesystem::path>& import_roots = {});

}  // namespace dateline::ingest
