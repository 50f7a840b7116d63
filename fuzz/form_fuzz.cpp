// Fuzz harness: a form body is read from its own bytes only, and read as Boost.URL reads a query.
//
// The body is handed over as a view into a larger buffer whose following bytes are valid form
// text with no NUL anywhere, so a parser that reads past the view (strlen, as Boost.URL 1.81's
// parse_query does) either runs off the allocation, which AddressSanitizer reports, or returns
// fields that differ from those of the body alone.
#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "followed_view.hpp"
#include "http/message.hpp"

namespace {

constexpr std::size_t max_fields = 32;
constexpr std::string_view after_the_view = "&tail=1%41+x";

using Fields = std::multimap<std::string, std::string>;

// The reference: Boost.URL over a NUL-terminated copy, where its strlen finds the true end.
std::optional<Fields> reference(const std::string& body) {
    Fields fields;
    if (body.empty()) return fields;
    if (!boost::urls::parse_query(body)) return std::nullopt;
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    for (const auto& p : boost::urls::params_view(body, options)) {
        if (fields.size() == max_fields) return std::nullopt;
        fields.emplace(p.key, p.value);
    }
    return fields;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const dateline::fuzz::FollowedView input(data, size, after_the_view);
    const std::string_view body = input.view();

    const auto fields = dateline::http::parse_form(body, max_fields);
    if (fields != reference(std::string(body))) std::abort();
    if (fields && fields->size() > max_fields) std::abort();
    return 0;
}
