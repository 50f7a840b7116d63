#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace dateline::ingest {

/// Largest wire file accepted (a ninjs item, a NewsML-G2 or NITF document, a feed), in bytes.
inline constexpr std::size_t max_item_bytes = 8 * 1024 * 1024;

/// A wire file's text, when it is a file that can be read and holds at most max_item_bytes.
Result<std::string> read_item_text(const std::filesystem::path& file);

/// One rendition of a picture, as an item lists it.
struct Rendition {
    std::string href;
    std::int64_t width = 0;  ///< 0 when not given
};

/// Where a picture's bytes are: a local file that may be read, or else a remote address to fetch.
struct PictureSource {
    std::filesystem::path file;  ///< empty for a remote picture
    std::string url;             ///< http(s), or relative to the document's own address
};

/// Where to read a picture from: the widest local rendition that may be read, else the widest
/// remote one, for the caller to fetch. A rendition's `href` may be a path relative to
/// `base_dir`, the item's folder, or a `file:` URL; either must lead, symbolic links followed,
/// into that folder (a `file:` URL may also lead below one of `import_roots`), and to a regular
/// file. Each local rendition refused adds a warning naming it and why and gives way to the next.
/// With no `base_dir` (a document fetched from an address, not read from a folder), relative
/// hrefs are addresses relative to the document's and no `file:` URL may be read. Nothing when
/// no rendition is left.
std::optional<PictureSource> picture_source(const std::vector<Rendition>& renditions,
                                            const std::filesystem::path& base_dir,
                                            const std::vector<std::filesystem::path>& import_roots,
                                            std::vector<std::string>& warnings);

/// Plain wire text as HTML paragraphs: blank lines separate them when the text has any;
/// otherwise agencies put one paragraph on each line.
std::string paragraphs_from_plain_text(std::string_view text);

}  // namespace dateline::ingest
