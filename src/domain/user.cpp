#include "domain/user.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace dateline::domain {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::Admin:
            return "admin";
        case Role::Editor:
            return "editor";
        case Role::Author:
            return "author";
        case Role::Moderator:
            return "moderator";
    }
    return "author";
}

std::optional<Role> parse_role(std::string_view text) {
    for (const auto r : {Role::Admin, Role::Editor, Role::Author, Role::Moderator})
        if (to_string(r) == text) return r;
    return std::nullopt;
}

bool may_moderate(const User& user, Id site_id) {
    if (user.disabled) return false;
    switch (user.role) {
        case Role::Admin:
            return true;
        case Role::Editor:
        case Role::Moderator:
            return std::find(user.site_ids.begin(), user.site_ids.end(), site_id) !=
                   user.site_ids.end();
        case Role::Author:
            return false;
    }
    return false;
}

std::optional<std::vector<Id>> moderated_sites(const User& user) {
    if (user.role == Role::Admin && !user.disabled) return std::nullopt;
    std::vector<Id> sites;
    for (const Id site : user.site_ids)
        if (may_moderate(user, site)) sites.push_back(site);
    return sites;
}

std::optional<std::string> password_problem(std::string_view password) {
    if (password.size() > max_password_bytes) return "too_long";
    if (!is_valid_utf8(password) || has_ascii_control(password)) return "invalid";
    if (count_code_points(password) < min_password_characters) return "too_short";
    return std::nullopt;
}

}  // namespace dateline::domain
