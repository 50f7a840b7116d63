#pragma once

// Reading the XML wire formats (NewsML-G2, NITF) with pugixml: elements are matched by local
// name, so that a document's own namespace prefixes ("nar:newsItem", or none) do not matter.
// Internal to the ingest module.

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace dateline::ingest::xml {

/// Parses `text` as a wire document: at most max_item_bytes of valid UTF-8, well-formed XML.
/// The document type declaration is skipped and pugixml expands no entity it declares (no
/// external entities, no billion laughs); spaces between inline elements are kept.
Status load(pugi::xml_document& doc, std::string_view text);

/// An attribute's value, "" when the element has none.
std::string attribute(const pugi::xml_node& node, const char* name);
/// Text with runs of white space made one space and the ends trimmed.
std::string collapsed(std::string_view text);

/// An element's name without its namespace prefix.
std::string_view local_name(const pugi::xml_node& node);
/// The first child element of that local name; an empty node when there is none.
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);
/// Every child element of that local name, in order.
std::vector<pugi::xml_node> children(const pugi::xml_node& node, std::string_view name);
/// The first element of that local name below `node`, at any depth.
pugi::xml_node descendant(const pugi::xml_node& node, std::string_view name);

/// Every element of that local name below `node`, at any depth, in document order.
std::vector<pugi::xml_node> descendants(const pugi::xml_node& node, std::string_view name);

/// The text inside a node, at any depth, with runs of white space made one space and the ends
/// trimmed; children whose local name is in `skip` are left out with their text.
std::string text(const pugi::xml_node& node, const std::vector<std::string_view>& skip = {});

/// The children of an XHTML element written out as HTML: element and attribute names without
/// their prefixes, namespace declarations left out, text escaped, at most 64 levels deep. The
/// result is untrusted markup, for the sanitizer.
std::string html_of_children(const pugi::xml_node& node);

/// The last segment of a controlled-vocabulary code: "stat:usable" and
/// "http://cv.iptc.org/newscodes/pubstatusg2/usable" both give "usable".
/// A copy, not a view: the code is most often read from a temporary attribute value.
std::string code_value(std::string_view qcode_or_uri);

}  // namespace dateline::ingest::xml
