#include "provision/json_file.hpp"

#include <fstream>
#include <sstream>

namespace dateline::provision {

namespace json = boost::json;

Result<json::object> read_json_object(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::invalid(file.string() + ": cannot be opened");
    std::stringstream buffer;
    buffer << in.rdbuf();
    boost::system::error_code ec;
    json::value v = json::parse(buffer.str(), ec);
    if (ec) return Error::invalid(file.string() + ": not valid JSON (" + ec.message() + ")");
    if (!v.is_object()) return Error::invalid(file.string() + ": the top level is not an object");
    return std::move(v.as_object());
}

std::string text(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string{};
}

std::int64_t number(const json::object& o, std::string_view key, std::int64_t fallback) {
    const auto* v = o.if_contains(key);
    if (v && v->is_int64()) return v->get_int64();
    if (v && v->is_double()) return static_cast<std::int64_t>(v->get_double());
    return fallback;
}

const json::array& array(const json::object& o, std::string_view key) {
    static const json::array empty;
    const auto* v = o.if_contains(key);
    return v && v->is_array() ? v->get_array() : empty;
}

}  // namespace dateline::provision
