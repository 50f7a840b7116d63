#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/wire_item.hpp"

namespace dateline::ingest {

/// What one wire file held: a ninjs item, a NewsML-G2 item or message, an NITF document, an RSS or
/// Atom feed. A file may carry several stories (a feed's entries, a message's items); one that
/// cannot be read is skipped with its reason, and the others are kept.
struct WireDocument {
    std::string format;                   ///< what the file was read as ("RSS 2.0")
    std::vector<domain::WireItem> items;  ///< the stories, in the file's order
    std::vector<std::string> skipped;     ///< one line per story left out: which, and why
};

/// Reads a wire file's text in whichever format it is written: ninjs (JSON), NewsML-G2, NITF,
/// RSS or Atom (XML, told apart by their root element). `base_dir` is the file's folder: local
/// picture renditions must stay inside it (or, for `file:` URLs, below one of `import_roots`);
/// empty for a document fetched from an address, whose relative renditions are addresses.
/// An error when the file is in no format Dateline reads, or holds no story that can be read
/// (then the error gives the first reason).
Result<WireDocument> read_wire_document(std::string_view text,
                                        const std::filesystem::path& base_dir,
                                        const std::vector<std::filesystem::path>& import_roots);

}  // namespace dateline::ingest
