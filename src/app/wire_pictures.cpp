#include "app/wire_pictures.hpp"

#include <boost/url.hpp>

#include <fstream>

#include "crypto/crypto.hpp"
#include "media/image_library.hpp"

namespace dateline::app {

namespace fs = std::filesystem;

namespace {

// The absolute address of a rendition: as it is, or read against the feed's address.
Result<std::string> absolute_url(const std::string& href, const std::string& base_url) {
    if (auto absolute = boost::urls::parse_absolute_uri(href))
        return std::string(absolute->buffer());
    if (base_url.empty()) return Error::invalid("'" + href + "' is not an absolute address");
    auto base = boost::urls::parse_absolute_uri(base_url);
    auto reference = boost::urls::parse_uri_reference(href);
    if (!base || !reference) return Error::invalid("'" + href + "' is not an address");
    boost::urls::url resolved;
    if (auto done = boost::urls::resolve(*base, *reference, resolved); !done)
        return Error::invalid("'" + href + "' cannot be read against " + base_url);
    return std::string(resolved.buffer());
}

// The file name ending a picture's type gives it, else its address's.
std::string extension_for(const std::string& content_type, const std::string& url) {
    const std::string type = content_type.substr(0, content_type.find(';'));
    if (type == "image/jpeg") return ".jpg";
    if (type == "image/png") return ".png";
    if (type == "image/webp") return ".webp";
    if (type == "image/gif") return ".gif";
    const auto path = boost::urls::parse_uri(url);
    const std::string ext = path ? fs::path(std::string(path->path())).extension().string() : "";
    return ext.size() <= 5 ? ext : "";
}

}  // namespace

std::string WirePictures::file_stem(const domain::WireItem& item) {
    return crypto::sha256_hex(item.guid + '\n' + item.version).substr(0, 32);
}

void WirePictures::drop(domain::WireItem& item, const std::string& why) {
    item.warnings.push_back("its picture could not be kept (" + why + ")");
    item.image.reset();
}

bool WirePictures::fetch(domain::WireItem& item, const std::string& base_url) const {
    if (!item.image || !item.image->location.empty() || item.image->url.empty()) return false;
    auto& image = *item.image;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) return drop(item, ec.message()), false;
    auto url = absolute_url(image.url, base_url);
    if (!url) return drop(item, url.error().message), false;
    fetch::FetchRequest request;
    request.url = *url;
    request.max_bytes = media::max_image_bytes;
    auto got = fetcher_.get(request);
    if (!got) return drop(item, *url + ": " + got.error().message), false;
    const fs::path kept = dir_ / (file_stem(item) + extension_for(got->content_type, *url));
    std::ofstream out(kept, std::ios::binary | std::ios::trunc);
    out.write(got->body.data(), static_cast<std::streamsize>(got->body.size()));
    out.close();
    if (!out) return drop(item, "it could not be written to " + kept.string()), false;
    image.location = kept.string();
    image.url = *url;
    return true;
}

std::string WirePictures::kept_location(const std::string& recorded) const {
    if (recorded.empty()) return recorded;
    const fs::path path(recorded);
    std::error_code ec;
    if (fs::exists(path, ec)) return recorded;
    const fs::path name = path.filename();
    if (name.empty() || name == "." || name == "..") return recorded;
    if (const fs::path here = dir_ / name; fs::is_regular_file(here, ec)) return here.string();
    return recorded;
}

void WirePictures::keep(domain::WireItem& item, const std::string& base_url) const {
    if (!item.image) return;
    if (item.image->location.empty()) {
        fetch(item, base_url);
        return;
    }
    std::error_code ec;
    fs::create_directories(dir_, ec);
    const fs::path kept =
        dir_ / (file_stem(item) + fs::path(item.image->location).extension().string());
    if (!ec) fs::copy_file(item.image->location, kept, fs::copy_options::overwrite_existing, ec);
    if (ec) return drop(item, ec.message());
    item.image->location = kept.string();
}

}  // namespace dateline::app
