#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace dateline::http {

/// What a route's pattern captured: the value of each `{name}` segment.
class RouteParams {
  public:
    /// The segment `{name}` matched; empty when the pattern has no such name.
    std::string_view operator[](std::string_view name) const {
        for (const auto& [n, v] : values_)
            if (n == name) return v;
        return {};
    }
    void add(std::string_view name, std::string_view value) { values_.emplace_back(name, value); }

  private:
    std::vector<std::pair<std::string_view, std::string_view>> values_;
};

/// A route table: a method and a path pattern to a handler, declared in one place, matched top
/// to bottom, first match wins. Patterns are "/"-separated segments below wherever the table is
/// mounted: a literal matches itself, `{name}` any one segment, and a final `*` one or more
/// segments. A pattern ending in "/" matches only a path ending in a slash, and one without only
/// a path without ("" is the mount point itself, with its slash). GET routes answer HEAD too.
/// `Context` is what a handler gets besides the parameters: the request and what the surface
/// resolved for it (its site, say).
template <typename Context>
class Router {
  public:
    using Handler = std::function<Response(Context&, const RouteParams&)>;

    /// `mount` names where the table is mounted, for the route names responses carry
    /// (Response::route): "/{site}/" makes the pattern "{section}/" the route "/{site}/{section}/".
    explicit Router(std::string mount = "/") : mount_(std::move(mount)) {}
    Router(const Router&) = delete;
    Router& operator=(const Router&) = delete;
    Router(Router&&) noexcept = default;
    Router& operator=(Router&&) noexcept = default;

    Router& get(std::string pattern, Handler handler) {
        return add(Method::Get, std::move(pattern), std::move(handler));
    }
    Router& post(std::string pattern, Handler handler) {
        return add(Method::Post, std::move(pattern), std::move(handler));
    }
    Router& put(std::string pattern, Handler handler) {
        return add(Method::Put, std::move(pattern), std::move(handler));
    }

    /// The first matching route's response. Nothing when no pattern matches the path; a 405
    /// naming the allowed methods when patterns match it only for other methods.
    std::optional<Response> dispatch(Method method, std::span<const std::string> segments,
                                     bool trailing_slash, Context& context) const {
        const Method wanted = method == Method::Head ? Method::Get : method;
        bool get_matched = false;
        bool post_matched = false;
        bool put_matched = false;
        for (const auto& route : routes_) {
            RouteParams params;
            if (!matches(route, segments, trailing_slash, params)) continue;
            if (route.method == wanted) {
                Response response = route.handler(context, params);
                if (response.route.empty()) response.route = *route.name;
                return response;
            }
            (route.method == Method::Get    ? get_matched
             : route.method == Method::Post ? post_matched
                                            : put_matched) = true;
        }
        if (!get_matched && !post_matched && !put_matched) return std::nullopt;
        std::string allow;
        for (const auto& [matched, names] :
             {std::pair{get_matched, "GET, HEAD"}, std::pair{post_matched, "POST"},
              std::pair{put_matched, "PUT"}})
            if (matched) allow += (allow.empty() ? "" : ", ") + std::string(names);
        Response r = Response::text(405, "Method not allowed\n");
        r.set_header("Allow", allow);
        return r;
    }

  private:
    struct Route {
        Method method;
        std::vector<std::string> segments;
        bool slash;
        bool rest;  // the last segment is `*`
        Handler handler;
        // Where the pattern is mounted and the pattern; on the heap, so that the views
        // responses carry stay where they are when the table grows or moves.
        std::unique_ptr<const std::string> name;
    };

    Router& add(Method method, std::string pattern, Handler handler) {
        Route route{method,
                    {},
                    pattern.empty() || pattern.back() == '/',
                    false,
                    std::move(handler),
                    std::make_unique<const std::string>(mount_ + pattern)};
        std::string_view rest = pattern;
        while (!rest.empty()) {
            const auto slash = rest.find('/');
            route.segments.emplace_back(rest.substr(0, slash));
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        }
        route.rest = !route.segments.empty() && route.segments.back() == "*";
        routes_.push_back(std::move(route));
        return *this;
    }

    static bool matches(const Route& route, std::span<const std::string> segments,
                        bool trailing_slash, RouteParams& params) {
        const auto& pattern = route.segments;
        if (route.rest ? segments.size() < pattern.size() : segments.size() != pattern.size())
            return false;
        if (!route.rest && route.slash != trailing_slash) return false;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const std::string& p = pattern[i];
            if (route.rest && i + 1 == pattern.size()) break;
            if (p.size() > 2 && p.front() == '{' && p.back() == '}')
                params.add(std::string_view(p).substr(1, p.size() - 2), segments[i]);
            else if (p != segments[i])
                return false;
        }
        return true;
    }

    std::string mount_;
    std::vector<Route> routes_;
};

}  // namespace dateline::http
