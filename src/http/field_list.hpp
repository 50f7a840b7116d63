#pragma once

#include <string_view>
#include <vector>

namespace dateline::http {

/// The elements of a comma-separated field value (RFC 9110, 5.6.1: Transfer-Encoding,
/// Accept-Encoding, If-None-Match), each with the whitespace around it trimmed; empty elements,
/// which a list may carry, are skipped. Views into `value`.
std::vector<std::string_view> list_elements(std::string_view value);

/// An element of a list whose elements carry a weight (`gzip;q=0.8`, `ar-AE;q=0.9`).
struct WeightedElement {
    std::string_view name;  ///< without its parameters
    int weight = 1000;      ///< q in thousandths: 1000 when absent
};

/// The elements of such a list (RFC 9110, 12.4.2), in their order; an element with a malformed
/// weight or no name is left out.
std::vector<WeightedElement> weighted_elements(std::string_view value);

/// `value` without the spaces and tabs around it (HTTP's optional whitespace).
std::string_view trim_whitespace(std::string_view value);

}  // namespace dateline::http
