// What every page of a site carries around its content: setup_page's frame, and the site's
// breaking-news banner while one is up.
#include "site/page_view.hpp"
#include "site/reader_pages.hpp"

namespace dateline::site {

void ReaderPages::begin_page(PageView& view, const SiteSnapshot& snapshot, NavEntry current,
                             bool with_banner) {
    setup_page(view, snapshot, theme_, current, reader_.now());
    if (!with_banner) return;
    if (const auto banner = reader_.banner(view.site)) {
        set_global(view, "BREAKING_TEXT", banner->text);
        set_global(view, "BREAKING_URL", banner->path);
        view.dict.show_template_global_section("BREAKING");
    }
}

}  // namespace dateline::site
