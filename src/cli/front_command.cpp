// dateline front: the editors' order of a site's home page (list, set, clear).
#include <iostream>

#include "app/front_page_service.hpp"
#include "app/reader_service.hpp"
#include "cli/command.hpp"

namespace dateline::cli {

namespace {

struct FrontOptions {
    DataOptions data;
    std::string action;  // the chosen subcommand
    std::string site;
    std::vector<std::string> slugs;
};

int run_front(const FrontOptions& o) {
    auto opened = o.data.open(true);
    if (!opened) return fail(opened.error());
    SystemClock clock;
    app::ReaderService reader(*opened->database, clock);
    auto directory = reader.directory();
    if (!directory) return fail(directory.error());
    const auto* site = directory->site_by_slug(o.site);
    if (!site) return fail("there is no site '" + o.site + "'");
    app::FrontPageService front(*opened->database, clock);
    if (o.action == "list") {
        auto top = front.top_stories(*site);
        if (!top) return fail(top.error());
        const UnixTime now = clock.now();
        int position = 0;
        for (const auto& a : *top)
            std::cout << ++position << '\t' << a.slug << '\t'
                      << (a.visible_at(now) ? "shown" : "not shown") << '\t' << a.headline << '\n';
        return 0;
    }
    const std::vector<std::string> slugs = o.action == "set" ? o.slugs : std::vector<std::string>{};
    if (auto set = front.set_top_stories(*site, slugs, domain::Actor::system("dateline front"));
        !set)
        return fail(set.error());
    if (slugs.empty())
        std::cout << "The home page of " << site->slug << " shows its newest stories first.\n";
    else
        std::cout << "The home page of " << site->slug << " leads with " << slugs.front()
                  << " and shows " << slugs.size() << " chosen story(ies) first.\n";
    return 0;
}

}  // namespace

Command front_command(CLI::App& app) {
    auto o = std::make_shared<FrontOptions>();
    auto* front = app.add_subcommand(
        "front", "The top stories of a site's home page, in the editors' order (the lead first).");
    o->data.add_to(*front);
    front->require_subcommand(1);
    front
        ->add_subcommand("list", "One chosen story a line: position, slug, shown or not, headline.")
        ->add_option("--site", o->site, "Site slug")
        ->required();
    auto* set = front->add_subcommand(
        "set", "Make these stories the top ones, in this order: the lead first, at most five.");
    set->add_option("--site", o->site, "Site slug")->required();
    set->add_option("SLUG", o->slugs, "Story slugs")->required();
    front->add_subcommand("clear", "Let the newest stories lead the home page again.")
        ->add_option("--site", o->site, "Site slug")
        ->required();
    return {front, [o, front] {
                o->action = front->get_subcommands().front()->get_name();
                return run_front(*o);
            }};
}

}  // namespace dateline::cli
