#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/wire_item.hpp"

namespace dateline::ingest {

/// Reads an IPTC ninjs item (https://iptc.org/standards/ninjs/) of any version, 1.0 to 3.1, into
/// a WireItem. The version is the one the item declares (`standard`, 1.x's `$standard`), else the
/// newest of the generation its field names show (1.x single fields such as `body_html`, 2.x
/// arrays such as `bodies`, 3.x camelCase such as `firstCreated`); the item must be valid against
/// that version's published JSON Schema, and is read with that version's field names:
/// - headline; standfirst (the description, plain text preferred); the richest body (HTML, else
///   NITF's `body.content`, else plain text, whose blank lines, or else single line breaks,
///   separate paragraphs); an item with a description and no body (a flash) has the description
///   as its body;
/// - byline, `located` as dateline, the first information source (else the copyright holder) as
///   source credit, subjects as tags, language, urgency, embargo, publication status
///   (usable, withheld, canceled), the agency's version;
/// - first created (else version created) and version created;
/// - the first picture association as image, from its renditions as picture_source() chooses
///   (item_files.hpp): the widest local file allowed (inside `base_dir`, the item's folder, or a
///   `file:` URL below one of `import_roots`), else the widest http(s) one as `url`, for the
///   caller to fetch; each one refused adds a warning, and with none left there is no image.
/// Items of other types than text and composite are refused. Errors name the problem; the caller
/// adds the file name.
Result<domain::WireItem> parse_ninjs(std::string_view json, const std::filesystem::path& base_dir,
                                     const std::vector<std::filesystem::path>& import_roots = {});

/// Reads and parses a ninjs file, with errors prefixed by its path; its folder is `base_dir`.
Result<domain::WireItem> read_ninjs_file(
    const std::filesystem::path& file, const std::vector<std::filesystem::path>& import_roots = {});

}  // namespace dateline::ingest
