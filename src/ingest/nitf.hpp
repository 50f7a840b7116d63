#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace dateline::ingest {

/// The story text of an NITF document (IPTC's News Industry Text Format, 3.x) as HTML: the
/// content of its `body.content`, whose paragraphs, lists, tables and quotations keep their
/// shape (`hl2` becomes a subheading, `bq` a quotation), whose inline markup of people, places,
/// organisations and figures becomes plain text, and without media (pictures come with the item
/// apart). The document's head, its headline, byline, dateline and tagline are left out: they have
/// fields of their own. A document type declaration is skipped and no entity other than XML's
/// five and numeric ones is expanded. The HTML is untrusted and must be sanitized like any body.
Result<std::string> nitf_body_html(std::string_view xml);

}  // namespace dateline::ingest
