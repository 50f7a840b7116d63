#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
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

/// A story as a client sends it: its content, and where it goes.
struct SentArticle {
    domain::ArticleDraft draft;
    std::string site;                      ///< dateline.site: a site's slug (needed to create)
    std::optional<std::int64_t> revision;  ///< dateline.revision: what an update started from
    /// The leadImage association's picture: the file name in its uri, a picture the media
    /// library stores ("<hash>.jpg"); nothing when the document has no lead picture.
    std::optional<std::string> lead_picture;
};

/// Reads a ninjs document sent to the API, in the vocabulary article_ninjs writes: the main (or
/// first) headline, the summary description as standfirst, the body from a `text/markdown`
/// body (role source) or else a `text/html` one (sanitized when saved), `by` as the byline
/// (names separated by commas), `located`, the first info source's name as source credit,
/// subjects' names as tags, the `leadImage` association (its uri, a stored picture's address, its
/// caption description and its `by` as credit), and under `dateline` the site, section, slug and
/// revision. Fields it
/// does not know are ignored, as ninjs's readers do; a known field of the wrong type is Invalid
/// with the field named ("headlines", "dateline.revision"), as is a document that is not a JSON
/// object. Editorial limits are the services' to check.
Result<SentArticle> sent_article(const boost::json::value& document);

/// A stored picture as a ninjs picture object: its public address as `uri` (what a story's
/// leadImage association names), type "picture", and its original rendition with type, size
/// and bytes.
boost::json::object picture_ninjs(const domain::Media& media, const std::string& origin);

/// The API address of an article: `api_base`/api/v1/articles/ID.
std::string article_api_url(const std::string& api_base, domain::Id id);

}  // namespace dateline::api
