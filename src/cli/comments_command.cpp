// dateline comments: moderating reader comments (list, approve, reject, spam, erase, open, close).
#include <iostream>

#include "app/comment_service.hpp"
#include "app/reader_service.hpp"
#include "cli/command.hpp"
#include "domain/paths.hpp"

namespace dateline::cli {

namespace {

struct CommentsOptions {
    DataOptions data;
    std::string action;  // the chosen subcommand
    std::string article;
    std::string status;
    std::string site;
    std::vector<long long> ids;
    std::string email;
};

int list(const CommentsOptions& o, app::CommentService& comments,
         const app::NetworkDirectory& directory) {
    std::optional<domain::CommentStatus> status;
    if (!o.status.empty()) {
        status = domain::parse_comment_status(o.status);
        if (!status)
            return fail("unknown status '" + o.status + "': pending, approved, rejected or spam");
    }
    std::optional<domain::Id> site_id;
    if (!o.site.empty()) {
        const auto* site = directory.site_by_slug(o.site);
        if (!site) return fail("there is no site '" + o.site + "'");
        site_id = site->id;
    }
    auto listed = comments.list(status, site_id);
    if (!listed) return fail(listed.error());
    for (const auto& l : *listed) {
        const auto* site = directory.site_by_slug(l.site_slug);
        const std::string url =
            domain::article_path(site ? site->base_url : "/", l.section_slug, l.article_slug);
        std::cout << l.comment.id << '\t' << l.site_slug << '\t'
                  << domain::to_string(l.comment.status) << '\t' << url << '\t'
                  << l.comment.author_name << '\t' << l.comment.title << '\n';
    }
    return 0;
}

int run_comments(const CommentsOptions& o) {
    auto opened = o.data.open(true);
    if (!opened) return fail(opened.error());
    SystemClock clock;
    app::CommentService comments(*opened->database, clock);
    app::ReaderService reader(*opened->database, clock);
    auto directory = reader.directory();
    if (!directory) return fail(directory.error());
    if (o.action == "list") return list(o, comments, *directory);
    if (o.action == "open" || o.action == "close") {
        const auto* site = directory->site_by_slug(o.site);
        if (!site) return fail("there is no site '" + o.site + "'");
        if (auto done = comments.set_open(*site, o.article, o.action == "open"); !done)
            return fail(done.error());
        std::cout << "Comments are " << (o.action == "open" ? "open" : "closed") << " on "
                  << o.article << ".\n";
        return 0;
    }
    if (o.action == "erase") {
        auto erased = comments.erase(o.email);
        if (!erased) return fail(erased.error());
        std::cout << "Erased " << *erased << " comment(s) written with that address.\n";
        return 0;
    }
    const auto status = domain::parse_comment_status(o.action == "approve"  ? "approved"
                                                     : o.action == "reject" ? "rejected"
                                                                            : "spam");
    const std::vector<domain::Id> ids(o.ids.begin(), o.ids.end());
    auto changed = comments.moderate(ids, *status);
    if (!changed) return fail(changed.error());
    std::cout << "Marked " << *changed << " comment(s) " << domain::to_string(*status) << ".\n";
    return 0;
}

}  // namespace

Command comments_command(CLI::App& app) {
    auto o = std::make_shared<CommentsOptions>();
    auto* comments = app.add_subcommand("comments", "Moderate reader comments.");
    o->data.add_to(*comments);
    comments->require_subcommand(1);
    auto* list = comments->add_subcommand(
        "list", "One comment a line: id, site, status, article URL, name, title (tab-separated).");
    list->add_option("--status", o->status, "pending, approved, rejected or spam");
    list->add_option("--site", o->site, "Only this site's comments");
    for (const auto& [action, what] : {std::pair{"approve", "Mark comments approved"},
                                       std::pair{"reject", "Mark comments rejected"},
                                       std::pair{"spam", "Mark comments as spam"}})
        comments->add_subcommand(action, what)->add_option("ID", o->ids, "Comment ids")->required();
    for (const auto& [action, what] : {std::pair{"open", "Open an article to new comments"},
                                       std::pair{"close", "Close an article to new comments"}}) {
        auto* sub = comments->add_subcommand(action, what);
        sub->add_option("--site", o->site, "Site slug")->required();
        sub->add_option("--article", o->article, "Article slug")->required();
    }
    comments->add_subcommand("erase", "Remove a reader's comments and address on request.")
        ->add_option("--email", o->email, "The reader's e-mail address")
        ->required();
    return {comments, [o, comments] {
                o->action = comments->get_subcommands().front()->get_name();
                return run_comments(*o);
            }};
}

}  // namespace dateline::cli
