#pragma once

#include <filesystem>
#include <string>

#include "domain/wire_item.hpp"
#include "fetch/http_fetcher.hpp"

namespace dateline::app {

/// The pictures of wire items, each kept as a file of its own in one folder (the data
/// directory's `wire/pictures`) for as long as its item may be used: a local file is copied (the
/// agency's folder is theirs to clean), a remote one fetched (http or https, within the
/// fetcher's rules on addresses, and at most media::max_image_bytes).
class WirePictures {
  public:
    WirePictures(std::filesystem::path dir, const fetch::HttpFetcher& fetcher)
        : dir_(std::move(dir)), fetcher_(fetcher) {}

    /// Gives the item's picture its own file here, named by the item and its version: its
    /// `location` becomes that file. A relative remote address is read against `base_url` (the
    /// address of the feed that named it). When the picture cannot be kept, the item goes on
    /// without it and its warnings say why.
    void keep(domain::WireItem& item, const std::string& base_url = {}) const;
    /// Fetches the item's picture when it is remote only, into a file here that its `location`
    /// then names (for the caller to remove once used), and true; false, and the item unchanged,
    /// when its picture is a local file or it has none; false and no picture, with a warning,
    /// when the fetch failed.
    bool fetch(domain::WireItem& item, const std::string& base_url = {}) const;

    /// The file a location the queue recorded names now: the location itself while it exists;
    /// else the file of that name kept here, when there is one (the data directory was restored
    /// or moved elsewhere, or another node kept it under another path); else the location, which
    /// then fails as a missing file. Only the recorded path's last component is looked up here.
    std::string kept_location(const std::string& recorded) const;

  private:
    static std::string file_stem(const domain::WireItem& item);
    static void drop(domain::WireItem& item, const std::string& why);

    std::filesystem::path dir_;
    const fetch::HttpFetcher& fetcher_;
};

}  // namespace dateline::app
