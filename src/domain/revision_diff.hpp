#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/article.hpp"

namespace dateline::domain {

/// One line of two compared texts: in both, only in the earlier, or only in the later.
struct DiffLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    std::string text;
};

/// The lines of `before` and `after` in the order of a shortest edit script (Myers' O(NP)
/// algorithm, dtl): every line of both, each marked kept, removed or added.
std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after);

/// A short field whose value differs between two contents of a story. `field` names it:
/// "headline", "standfirst", "dateline", "source_credit", "authors", "section", "tags",
/// "lead_image", "lead_caption", "lead_credit", "slug".
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
};

/// What changed from one content of a story to another: the short fields that differ, and the
/// body line by line (its Markdown source; for wire copy, which has none, its markup a block a
/// line).
struct ContentComparison {
    std::vector<FieldChange> fields;
    std::vector<DiffLine> body;
    bool body_changed = false;
};
ContentComparison compare(const ArticleDraft& before, const ArticleDraft& after);

}  // namespace dateline::domain
