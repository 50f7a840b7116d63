#include "http/framing.hpp"

#include "core/ascii.hpp"
#include "http/field_list.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace dateline::http {

namespace {

constexpr unsigned http_1_1 = 11;

// The codings of a Transfer-Encoding list, lowercased, parameters dropped.
std::vector<std::string> codings(std::string_view list) {
    std::vector<std::string> out;
    for (auto element : list_elements(list)) {
        element = element.substr(0, element.find(';'));
        element = element.substr(0, element.find_last_not_of(" \t") + 1);
        out.push_back(ascii_lowercase(element));
    }
    return out;
}

}  // namespace

Framing check_framing(unsigned version, std::optional<std::string_view> transfer_encoding,
                      bool has_content_length) {
    if (!transfer_encoding) return Framing::Ok;
    if (version < http_1_1 || has_content_length) return Framing::Malformed;
    const auto list = codings(*transfer_encoding);
    if (list.empty() || list.back() != "chunked") return Framing::Malformed;
    if (std::count(list.begin(), list.end(), "chunked") > 1) return Framing::Malformed;
    return list.size() == 1 ? Framing::Ok : Framing::NotImplemented;
}

}  // namespace dateline::http
