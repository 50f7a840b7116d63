#include "storage/id_list.hpp"

#include <cassert>

namespace dateline::storage {

namespace {

std::string placeholders(const std::vector<domain::Id>& ids, db::Params& params) {
    std::size_t slots = 4;
    while (slots < ids.size()) slots *= 2;
    std::string list;
    for (std::size_t i = 0; i < slots; ++i) {
        params.emplace_back(i < ids.size() ? ids[i] : ids.front());
        if (i != 0) list += ',';
        list += "$" + std::to_string(params.size());
    }
    return list;
}

}  // namespace

std::string id_match(const std::vector<domain::Id>& ids, db::Params& params) {
    assert(!ids.empty() && "an empty list matches nothing: callers answer it themselves");
    if (ids.size() == 1) {
        params.emplace_back(ids.front());
        return " = $" + std::to_string(params.size());
    }
    return " IN (" + placeholders(ids, params) + ")";
}

std::vector<domain::Id> ids_of(const db::Rows& rows) {
    std::vector<domain::Id> ids;
    ids.reserve(rows.size());
    for (const auto& r : rows) ids.push_back(r.integer(0));
    return ids;
}

}  // namespace dateline::storage
