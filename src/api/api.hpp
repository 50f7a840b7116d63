#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/article_service.hpp"
#include "app/comment_service.hpp"
#include "app/media_service.hpp"
#include "app/reader_service.hpp"
#include "app/token_service.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace dateline::api {

/// What the API works with: the same services, and so the same permission checks, as the
/// newsroom's screens.
struct Services {
    app::TokenService& tokens;
    app::ArticleService& articles;
    app::CommentService& comments;
    app::MediaService& media;
    app::ReaderService& reader;  ///< the network's sites, for addresses and filters
};

/// The origin of the network's site on the request's host ("https://news.example"), or nothing
/// when no site of the network has that host.
using OriginOf = std::function<std::optional<std::string>(const http::Request&)>;

/// The newsroom's JSON API at /api/v1 on the network's hosts, described by the OpenAPI 3.1
/// document at /api/v1/openapi.json (the share folder's `api/openapi.json`). Machines present an
/// API token (`Authorization: Bearer dl_...`, app::TokenService) and act as its account, with its
/// role and sites. Articles are IPTC ninjs 3.1 documents (api/article_json.hpp). Every error is
/// `{"error": {"code", "message", "field"}}` with its status (400, 401, 403, 404, 405, 409, 422,
/// 429); nothing it answers is cached.
class Api {
  public:
    /// Loads the OpenAPI document from `dir`; a missing or malformed one fails here. Requests
    /// from `trusted_proxies` are counted against the client their X-Forwarded-For names.
    static Result<std::unique_ptr<Api>> create(Services services, const std::filesystem::path& dir,
                                               OriginOf origin_of,
                                               std::vector<std::string> trusted_proxies);
    ~Api();

    /// Whether the request is the API's: its path is /api or below.
    static bool owns(const http::Request& request);
    /// Whether a request may carry a body larger than a form's: a picture (POST
    /// /api/v1/media) or a story (POST /api/v1/articles, PUT /api/v1/articles/ID), sent with a
    /// bearer token shaped like an API token (checked later, when the request is answered).
    static bool takes_large_body(const http::RequestHead& head);
    /// Answers a request owns() is true of.
    http::Response handle(const http::Request& request);

  private:
    struct Impl;
    explicit Api(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace dateline::api
