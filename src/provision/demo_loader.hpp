#pragma once

#include <filesystem>

#include "app/article_service.hpp"
#include "app/media_service.hpp"
#include "core/result.hpp"
#include "domain/network_spec.hpp"

namespace dateline::provision {

/// Loads the demo articles of every site of `spec` from `demo_dir/articles/<site slug>/*.json`,
/// with images from `demo_dir/images`, dated relative to now. Returns the number of articles.
Result<int> load_demo_articles(app::ArticleService& articles, const app::MediaService& media,
                               const domain::NetworkSpec& spec,
                               const std::filesystem::path& demo_dir, UnixTime now);

}  // namespace dateline::provision
