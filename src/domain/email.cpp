#include "domain/email.hpp"

#include <algorithm>
#include <cctype>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace dateline::domain {

bool plausible_email(std::string_view e) {
    const auto at = e.find('@');
    if (at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos)
        return false;
    const auto domain = e.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
           std::none_of(e.begin(), e.end(),
                        [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::optional<std::string> account_email(std::string_view email) {
    const auto first = email.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::nullopt;
    email = email.substr(first, email.find_last_not_of(" \t\r\n") - first + 1);
    if (email.size() > max_email_bytes || !is_valid_utf8(email) || has_ascii_control(email) ||
        !plausible_email(email))
        return std::nullopt;
    return ascii_lowercase(email);
}

}  // namespace dateline::domain
