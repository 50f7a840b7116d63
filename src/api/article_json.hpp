#pragma once

#include <boost/json/object.hpp>

#include <string>

#include "domain/article.hpp"
#include "domain/site.hpp"

namespace dateline::api {

/// The version of IPTC ninjs the API speaks, and where its extended schema is described.
inline constexpr const char* ninjs_version = "3.1";

/// How complete a document is (ninjs's representationType): a list gives each story's summary,
/// without its body, byline and tags, which the story's own address gives whole.
enum class Representation { Full, Partial };

/// An article as an IPTC ninjs 3.1 document, as the newsroom's API exchanges it: the story's
/// anatomy in ninjs's own properties (headlines, descriptions, bodies, by, located, subjects,
/// infoSources, the lead picture as an association) and Dateline's own fields under
/// "dateline" (site, section, status, revision, the public URL once published). ninjs 3 admits
/// no other properties, so, as IPTC's guidelines ask of a provider's extension, each document
/// names the extended schema it is valid against in "standard" (`api_base` + the OpenAPI
/// description's Article). `api_base` is the API's origin ("https://news.example").
boost::json::object article_ninjs(const domain::Article& article, const domain::Site& site,
                                  const std::string& api_base,
                                  Representation representation = Representation::Full);

/// The API address of an article: `api_base`/api/v1/articles/ID.
std::string article_api_url(const std::string& api_base, domain::Id id);

}  // namespace dateline::api
