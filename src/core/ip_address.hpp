#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline {

/// An IP address in its one canonical text form ("203.0.113.9", "2001:db8::1"), so that two
/// spellings of one address compare equal; an IPv4 address mapped into IPv6
/// ("::ffff:203.0.113.9", as dual-stack sockets report IPv4 peers) is given as IPv4. Nothing when
/// `text` is not a bare address (a port, a name, garbage).
std::optional<std::string> canonical_ip(std::string_view text);

/// Whether `text` is a bare IP address: what canonical_ip accepts, without writing it out again.
bool is_ip_address(std::string_view text);

/// The network an address belongs to, for limits that must not be dodged by changing addresses
/// within it: its /24 for IPv4 ("203.0.113.0/24"), its /64 for IPv6 ("2001:db8:1:2::/64").
/// `address` must be canonical; anything else is returned as it is.
std::string ip_network(std::string_view address);

/// An address with what identifies one subscriber cut off, for logs: its last byte for IPv4
/// ("203.0.113.0"), all but its first 48 bits for IPv6 ("2001:db8:1::"), as web analytics
/// tools anonymise. `address` must be canonical; anything else is returned as it is.
std::string anonymised_ip(std::string_view address);

}  // namespace dateline
