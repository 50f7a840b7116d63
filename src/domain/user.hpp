#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/site.hpp"

namespace dateline::domain {

/// What a newsroom account may do. Admin: everything, on every site (users, sites, settings).
/// Editor: every article of their sites, and publishing. Author: their own drafts, which they
/// submit for review. Moderator: readers' comments on their sites.
enum class Role { Admin, Editor, Author, Moderator };

/// The stored name of a role: "admin", "editor", "author", "moderator".
std::string_view to_string(Role role);
/// The role with this stored name; nothing for any other text.
std::optional<Role> parse_role(std::string_view text);

/// A person who signs in to the newsroom.
struct User {
    Id id = 0;
    std::string email;  ///< as domain::account_email() gives it: the account's unique name
    std::string name;   ///< shown in the newsroom and the audit log
    Role role = Role::Author;
    std::vector<Id> site_ids;  ///< the sites they work on (an admin works on all)
    bool disabled = false;     ///< may not sign in; kept for the record of what they did
    UnixTime created_at = 0;
    bool two_step = false;  ///< signs in with a code from an authenticator app after the password
};

/// A token a machine presents to the API (`Authorization: Bearer ...`) to act as its account,
/// with the account's role and sites. Its secret is shown once, when made, and never kept.
struct ApiToken {
    Id id = 0;
    Id user_id = 0;
    std::string name;  ///< what it is for, as its maker said ("wire desk robot")
    UnixTime created_at = 0;
    std::optional<UnixTime> last_used_at;
    bool revoked = false;
};

/// Whether the account may moderate readers' comments on the site: an admin anywhere, an editor
/// or a moderator on their sites, an author never. Checked by the services, whatever the screen.
bool may_moderate(const User& user, Id site_id);
/// The sites whose comments the account moderates: nothing for every site (an enabled admin),
/// else those of its sites it may moderate (none for an author or a disabled account).
std::optional<std::vector<Id>> moderated_sites(const User& user);

/// Shortest password an account may have, in characters: without a second factor, length is
/// what resists guessing (NIST SP 800-63B asks for at least 8, and 15 for a single factor).
inline constexpr std::size_t min_password_characters = 12;
/// Longest, in bytes: enough for any passphrase, and a bound on what is hashed.
inline constexpr std::size_t max_password_bytes = 1024;

/// Why `password` may not be an account's password ("too_short", "too_long", "invalid": not
/// UTF-8, or holding control characters), or nothing when it may. Any characters count, spaces
/// included; no rule on their kinds, as NIST advises.
std::optional<std::string> password_problem(std::string_view password);

/// The longest name an account may show, in characters.
inline constexpr std::size_t max_user_name_characters = 100;

}  // namespace dateline::domain
