#include "app/network_setup.hpp"

#include "storage/site_store.hpp"

namespace dateline::app {

Status remove_network(db::Database& database) {
    return db::in_transaction<Done>(database, [](db::Connection& c) -> Status {
        // Sites, their sections, tags, authors and articles follow through ON DELETE CASCADE;
        // the search terms' counts know no site.
        for (const char* sql :
             {"DELETE FROM networks", "DELETE FROM media", "DELETE FROM search_term_counts"})
            if (auto done = c.execute(sql); !done) return done.error();
        return success();
    });
}

Status create_network(db::Database& database, const domain::NetworkSpec& spec) {
    auto created = db::in_transaction<Done>(database, [&](db::Connection& c) -> Status {
        storage::SiteStore store(c);
        if (auto existing = store.network(); existing)
            return Error::conflict("This data directory already holds a network.");
        auto network_id = store.insert_network(spec.network);
        if (!network_id) return network_id.error();
        for (const auto& s : spec.sites) {
            domain::Site site = s.site;
            site.network_id = *network_id;
            auto site_id = store.insert_site(site);
            if (!site_id) return site_id.error();
            for (auto section : s.sections) {
                section.site_id = *site_id;
                if (auto id = store.insert_section(section); !id) return id.error();
            }
            for (const auto& author : s.authors)
                if (auto a = store.ensure_author(*site_id, author.slug, author.name, author.role);
                    !a)
                    return a.error();
        }
        return success();
    });
    return created;
}

}  // namespace dateline::app
