#include "app/search_indexer.hpp"

#include <algorithm>
#include <map>

#include "app/related_news.hpp"
#include "search/analyzer.hpp"
#include "search/key_terms.hpp"
#include "storage/article_store.hpp"
#include "storage/site_store.hpp"

namespace dateline::app {

namespace {

std::vector<std::string> terms_of(const std::vector<std::string>& texts,
                                  std::string_view language) {
    std::vector<std::string> out;
    for (const auto& t : texts) {
        auto more = search::terms(t, language);
        out.insert(out.end(), std::make_move_iterator(more.begin()),
                   std::make_move_iterator(more.end()));
    }
    return out;
}

}  // namespace

SearchableText searchable_text(const domain::Article& a) {
    SearchableText text;
    text.headline = a.headline;
    text.standfirst = a.standfirst;
    for (const auto& t : a.tags) text.tags.push_back(t.name);
    text.dateline = a.dateline;
    text.body = a.body_text;
    for (const auto& author : a.authors) text.bylines.push_back(author.name);
    text.source_credit = a.source_credit;
    return text;
}

storage::SearchDocument search_document(const SearchableText& text, std::string_view language) {
    storage::SearchDocument document;
    document.headline = search::terms(text.headline, language);
    std::vector<std::string> summary{text.standfirst};
    summary.insert(summary.end(), text.tags.begin(), text.tags.end());
    document.summary = terms_of(summary, language);
    std::vector<std::string> body{text.dateline, text.body};
    body.insert(body.end(), text.bylines.begin(), text.bylines.end());
    body.push_back(text.source_credit);
    document.body = terms_of(body, language);
    document.key = search::key_terms(text.headline + "\n" + text.standfirst, language);
    if (document.key.size() > RelatedNews::key_terms_kept)
        document.key.resize(RelatedNews::key_terms_kept);
    return document;
}

Status index_story(db::Connection& c, domain::Id id, const SearchableText& text,
                   std::string_view language) {
    return storage::SearchStore(c).put(id, search_document(text, language),
                                       search::analysis_version);
}

Status SearchIndexer::index(const std::vector<domain::Id>& ids, RelatedLists lists) {
    auto done = db::in_transaction<bool>(database_, [&](db::Connection& c) -> Result<bool> {
        // Before it writes a story's index, which a story's save writes too.
        if (auto turn = storage::ArticleStore(c).take_write_turn(); !turn) return turn.error();
        if (auto indexed = index_in(c, ids, lists); !indexed) return indexed.error();
        return true;
    });
    if (!done) return done.error();
    return success();
}

Status SearchIndexer::index_in(db::Connection& c, const std::vector<domain::Id>& ids,
                               RelatedLists lists) {
    storage::SiteStore sites(c);
    auto all_sites = sites.sites();
    if (!all_sites) return all_sites.error();
    std::map<domain::Id, std::string> languages;
    for (const auto& s : *all_sites) languages[s.id] = s.language;
    auto stories = storage::ArticleStore(c).by_ids(ids);
    if (!stories) return stories.error();
    for (const auto& story : *stories)
        if (auto kept = index_story(c, story.id, searchable_text(story), languages[story.site_id]);
            !kept)
            return kept.error();
    // Related news reads what the index keeps: chosen once the batch is indexed, older
    // stories first (a newer one joins their lists as its own is chosen).
    if (lists == RelatedLists::Keep) return success();
    const UnixTime now = clock_.now();
    for (const auto& story : *stories)
        if (auto chosen = RelatedNews::choose(c, story.id, now); !chosen) return chosen.error();
    return success();
}

Result<std::int64_t> SearchIndexer::rebuild(const IndexProgress& progress, RelatedLists lists) {
    std::int64_t total = 0;
    {
        auto lease = database_.acquire();
        auto count = storage::ArticleStore(*lease).count_all();
        if (!count) return count.error();
        total = *count;
    }
    if (progress) progress(0, total);
    std::int64_t done = 0;
    domain::Id after = 0;
    for (;;) {
        std::vector<domain::Id> ids;
        {
            auto lease = database_.acquire();
            auto next = storage::ArticleStore(*lease).ids_after(after, batch_size);
            if (!next) return next.error();
            ids = std::move(*next);
        }
        if (ids.empty()) break;
        if (auto indexed = index(ids, lists); !indexed) return indexed.error();
        after = ids.back();
        done += static_cast<std::int64_t>(ids.size());
        if (progress) progress(std::min(done, total), std::max(done, total));
    }
    return done;
}

Result<std::int64_t> SearchIndexer::catch_up(int limit) {
    std::int64_t total = 0;
    bool from_first = walked_to_ == 0;  // this walk began at the first story
    if (from_first) {
        // A walk reads every story's row; most starts find nothing to do, and learn it from
        // the indexes.
        auto lease = database_.acquire();
        auto any = storage::SearchStore(*lease).any_stale(search::analysis_version);
        if (!any) return any.error();
        if (!*any) return total;
    }
    while (total < limit) {
        const int wanted = std::min(catch_up_transaction, limit - static_cast<int>(total));
        // The walk over the archive for stories that look stale holds no lock; each call goes on
        // from where the last one stopped.
        std::vector<domain::Id> candidates;
        {
            auto lease = database_.acquire();
            auto stale =
                storage::SearchStore(*lease).stale(search::analysis_version, walked_to_, wanted);
            if (!stale) return stale.error();
            candidates = std::move(*stale);
        }
        const bool walk_ended = static_cast<int>(candidates.size()) < wanted;
        walked_to_ = walk_ended ? 0 : candidates.back();
        if (!candidates.empty()) {
            auto indexed = index_still_stale(candidates);
            if (!indexed) return indexed.error();
            total += *indexed;
        }
        if (walk_ended) {
            if (from_first) break;
            from_first = true;  // once more from the first story, to where this call began
        }
    }
    return total;
}

Result<std::int64_t> SearchIndexer::index_still_stale(const std::vector<domain::Id>& candidates) {
    // In the write turn, those still stale by key: of several nodes catching up at once, each
    // indexes what the others have not. A few at a time, so that an editor's save waits for a
    // few stories' indexing, not a whole batch's.
    return db::in_transaction<std::int64_t>(
        database_, [&](db::Connection& c) -> Result<std::int64_t> {
            if (auto turn = storage::ArticleStore(c).take_write_turn(); !turn) return turn.error();
            auto still = storage::SearchStore(c).still_stale(search::analysis_version, candidates);
            if (!still) return still.error();
            if (auto done = index_in(c, *still, RelatedLists::Choose); !done) return done.error();
            return static_cast<std::int64_t>(still->size());
        });
}

}  // namespace dateline::app
