#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline::domain {

/// Longest address SMTP carries (RFC 5321 section 4.5.3.1.3).
inline constexpr std::size_t max_email_bytes = 254;

/// Not RFC 5322 in full: one @, something before it, a dot inside the domain, no white space.
/// What a form can check without sending mail.
bool plausible_email(std::string_view email);

/// The address as an account is known by: without surrounding white space, in lower case (so
/// that "Rana@Example.org" and "rana@example.org" are one person), when it is plausible valid
/// UTF-8 of at most max_email_bytes; nothing otherwise.
std::optional<std::string> account_email(std::string_view email);

}  // namespace dateline::domain
