// What a browser reads to offer a site as an app on a phone's home screen (a web app manifest),
// and the icon every browser asks a host for at its root.
#include <boost/json.hpp>

#include "domain/paths.hpp"
#include "site/reader_pages.hpp"

namespace dateline::site {

namespace json = boost::json;

http::Response ReaderPages::manifest_show(PageRequest& request) {
    const domain::Site& site = request.site;
    const std::string assets = "/assets/img/";
    // The site's own language and direction: the name under the icon is the site's.
    json::object manifest{
        {"name", site.name},
        {"short_name", site.name},
        {"lang", site.language},
        {"dir", site.direction == domain::TextDirection::Rtl ? "rtl" : "ltr"},
        {"start_url", site.path_prefix()},
        {"scope", site.path_prefix()},
        {"display", "standalone"},
        {"icons",
         json::array{
             json::object{
                 {"src", assets + "icon-192.png"}, {"sizes", "192x192"}, {"type", "image/png"}},
             json::object{
                 {"src", assets + "logo.png"}, {"sizes", "512x512"}, {"type", "image/png"}},
             json::object{
                 {"src", assets + "icon.svg"}, {"sizes", "any"}, {"type", "image/svg+xml"}}}}};
    if (!site.tagline.empty()) manifest["description"] = site.tagline;
    http::Response r;
    r.status = 200;
    r.body = json::serialize(manifest);
    r.set_header("Content-Type", "application/manifest+json; charset=utf-8");
    return r;
}

}  // namespace dateline::site
