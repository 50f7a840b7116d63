#include "domain/wire_item.hpp"

namespace dateline::domain {

std::string_view to_string(WireStatus status) {
    switch (status) {
        case WireStatus::Withheld:
            return "withheld";
        case WireStatus::Canceled:
            return "canceled";
        case WireStatus::Usable:
            break;
    }
    return "usable";
}

std::optional<WireStatus> parse_wire_status(std::string_view text) {
    for (const auto status : {WireStatus::Usable, WireStatus::Withheld, WireStatus::Canceled})
        if (to_string(status) == text) return status;
    return std::nullopt;
}

}  // namespace dateline::domain
