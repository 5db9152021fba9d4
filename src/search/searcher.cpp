#include "revue/search/searcher.hpp"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "revue/index/index_store.hpp"
#include "revue/index/schema.hpp"
#include "revue/index/stored_form.hpp"
#include "revue/index/xapian_errors.hpp"
#include "revue/search/collapse.hpp"
#include "revue/search/highlight/highlighter.hpp"
#include "revue/search/query.hpp"

namespace revue {
namespace fs = std::filesystem;

namespace {

// Counts the matching documents: the spy sees every match, collapsed copies included.
class MatchCounter : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& /*doc*/, double /*weight*/) override { ++count_; }
    Xapian::doccount count() const { return count_; }

  private:
    Xapian::doccount count_ = 0;
};

// Whether the page (the `limit` matches after the first `before` of the mset) starts or ends
// among equal scores that go on beyond it: the matcher ordered those by document id.
bool cuts_ties(const Xapian::MSet& mset, Xapian::doccount before, Xapian::doccount limit) {
    const auto weight = [&](Xapian::doccount i) { return mset[i].get_weight(); };
    if (before > 0 && mset.size() > before && weight(before - 1) == weight(before)) return true;
    const Xapian::doccount last = before + limit;  // the first match after the page
    return mset.size() > last && last > 0 && weight(last - 1) == weight(last);
}

// Below this many matches, a better spelling of the query is worth suggesting.
constexpr Xapian::doccount kFewMatches = 3;

Xapian::valueno facet_slot(Facet facet) {
    switch (facet) {
        case Facet::source:
            return schema::kSourceSlot;
        case Facet::year:
            return schema::kYearSlot;
        case Facet::author:
            return schema::kAuthorSlot;
        case Facet::lang:
            return schema::kLangSlot;
    }
    return schema::kSourceSlot;
}

}  // namespace

Searcher::Searcher(const fs::path& db_path)
    : db_path_(db_path), db_(IndexStore::open_for_reading(db_path_)) {}

const ClippingCodec& Searcher::codec() const {
    if (!codec_) {
        // Indexes made before the dictionary had its file keep it only in their metadata.
        const fs::path file = db_path_ / IndexStore::kDictionaryFile;
        std::error_code ec;
        codec_ =
            fs::exists(file, ec) ? ClippingCodec::from_file(file.string()) : schema::codec_of(db_);
    }
    return *codec_;
}

SearchResult Searcher::search(const SearchRequest& request) const {
    return guard_index(db_path_, IndexAccess::read, [&] { return find(request); });
}

SearchResult Searcher::find(const SearchRequest& request) const {
    // Looking up better spellings costs about a millisecond a word: it waits until the
    // search has found too little for the suggestion to be shown.
    const ParsedQuery parsed = parse_query(request, db_);
    Xapian::Enquire enquire(db_);
    enquire.set_query(parsed.query);
    // Clippings without a date sort after every dated one, whichever way dates run. The path
    // settles what score and date leave equal (and which copy of a dispatch is shown): the
    // order of documents in the index depends on how many threads wrote it.
    Xapian::MultiValueKeyMaker order;
    order.add_value(schema::kDateSlot, request.sort != SortOrder::date,
                    request.sort == SortOrder::date ? kNoDateLast : std::string());
    order.add_value(schema::kPathSlot);
    // By relevance, the matcher ranks by score alone: a sort key read for every candidate
    // doubled the cost of a query (the value streams' blocks are read again and again); the
    // few ties are settled on the page, below, and among copies in copies_of().
    if (request.sort != SortOrder::relevance) enquire.set_sort_by_key_then_relevance(&order, false);
    if (request.collapse) enquire.set_collapse_key(schema::kCollapseSlot);

    // The enquire holds plain pointers to the spies: they must not move.
    std::vector<std::pair<Facet, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies;
    for (const Facet facet : request.facets) {
        spies.emplace_back(facet, std::make_unique<Xapian::ValueCountMatchSpy>(facet_slot(facet)));
        enquire.add_matchspy(spies.back().second.get());
    }
    // Xapian's counts stay estimates once collapsing is on, even when every match is
    // checked (a date range gave 10 for 2): exact totals count what a spy sees instead.
    MatchCounter counter;
    const bool exact = request.exact_total || !spies.empty();
    if (exact) enquire.add_matchspy(&counter);
    const Xapian::doccount all = db_.get_doccount();
    const auto offset = static_cast<Xapian::doccount>(request.offset);
    const Xapian::doccount limit =
        request.limit == 0 ? all : static_cast<Xapian::doccount>(request.limit);
    // Facets and exact totals need every match seen, not an estimate. By relevance, the page
    // comes with its neighbours, to tell whether it cuts through equal scores.
    const bool by_relevance = request.sort == SortOrder::relevance;
    Xapian::doccount before = by_relevance && offset > 0 ? 1 : 0;
    const Xapian::doccount after = by_relevance && limit < all ? 1 : 0;
    Xapian::MSet mset = enquire.get_mset(offset - before, limit + before + after, exact ? all : 0);
    if (by_relevance && !mset.empty() &&
        (mset.get_max_possible() == 0 || cuts_ties(mset, before, limit))) {
        // Equal scores across the page's edges, or no word weighs at all (filters only:
        // every match ties): the matcher settles ties by key, newest first, then by path, so
        // that the page is the same stretch of the whole list whatever the order of documents
        // in the index. Matched again, without the spies, which have seen every match.
        Xapian::Enquire by_key(db_);
        by_key.set_query(parsed.query);
        by_key.set_sort_by_relevance_then_key(&order, false);
        if (request.collapse) by_key.set_collapse_key(schema::kCollapseSlot);
        mset = by_key.get_mset(offset, limit);
        before = 0;
    }
    // The page: the matches after `before` neighbours, at most `limit` of them.
    const auto page_begin = std::min<Xapian::doccount>(before, mset.size());
    const auto page_end = std::min<Xapian::doccount>(page_begin + limit, mset.size());
    const Xapian::doccount page_size = page_end - page_begin;

    SearchResult result;
    // Every matching article counts, copies included, as --count and the facets count them.
    if (exact) {
        result.total = counter.count();
    } else if (page_size == 0 && offset == 0) {
        result.total = 0;
    } else {
        result.total = std::max(mset.get_uncollapsed_matches_estimated(), offset + page_size);
    }
    if (result.total < kFewMatches && request.spelling) {
        // The same query: the spelling flag only adds a corrected query string.
        result.suggestion = parse_query(request, db_, true).suggestion;
    }
    for (auto& [facet, spy] : spies) {
        auto& counts = result.facets[facet];
        for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
            counts.push_back({*v, v.get_termfreq()});
        }
        std::stable_sort(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.count > b.count; });
    }

    const Highlighter highlighter(parsed.highlights, request.snippet_chars);
    result.hits.reserve(page_size);
    for (auto it = mset[page_begin]; it != mset[page_end]; ++it) {
        Hit hit;
        // get_rank() counts from the first hit, offset included.
        hit.rank = static_cast<int>(it.get_rank() + 1);
        hit.score = it.get_weight();
        Xapian::Document doc = it.get_document();
        if (request.collapse && it.get_collapse_count() > 0) {
            // The copy shown is the best ranked; among equals, the newest, then by path.
            std::vector<Copy> group = copies_of(db_, codec(), parsed.query, it.get_collapse_key());
            const auto best = std::min_element(group.begin(), group.end(), ranks_before);
            if (best != group.end() && best->docid != *it) {
                doc = db_.get_document(best->docid);
                hit.score = best->weight;
            }
            for (Copy& copy : group)
                if (copy.docid != doc.get_docid()) hit.also_in.push_back(std::move(copy.clipping));
        }
        hit.clipping = schema::load_clipping(doc, codec(), request.snippets);
        if (request.snippets) hit.snippet = highlighter.snippet(hit.clipping);
        result.hits.push_back(std::move(hit));
    }
    if (request.sort == SortOrder::relevance) {
        // Equal scores: newest first, then by path and article, as the ranked key would.
        std::stable_sort(result.hits.begin(), result.hits.end(), [](const Hit& a, const Hit& b) {
            if (a.score != b.score) return a.score > b.score;
            return newer_then_path(a.clipping, b.clipping);
        });
        int rank = static_cast<int>(request.offset);
        for (Hit& hit : result.hits) hit.rank = ++rank;
    }
    return result;
}

Xapian::doccount Searcher::count(const SearchRequest& request) const {
    return guard_index(db_path_, IndexAccess::read, [&] {
        const ParsedQuery parsed = parse_query(request, db_);
        // One term (a word, in an index of one language): the index knows how many clippings
        // hold it, exactly.
        if (parsed.matching.get_type() == Xapian::Query::LEAF_TERM) {
            return db_.get_termfreq(*parsed.matching.get_terms_begin());
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(parsed.matching);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        // Asking to check every document makes the estimate exact.
        const Xapian::MSet mset = enquire.get_mset(0, 0, db_.get_doccount());
        return mset.get_matches_estimated();
    });
}

std::vector<Clipping> Searcher::clippings_of(const std::string& path, int article) const {
    return guard_index(db_path_, IndexAccess::read, [&] {
        const std::string term =
            article > 0 ? schema::id_term(path, article) : schema::file_term(path);
        std::vector<Clipping> found;
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
            found.push_back(schema::load_clipping(db_.get_document(*it), codec()));
        }
        std::sort(found.begin(), found.end(),
                  [](const Clipping& a, const Clipping& b) { return a.article < b.article; });
        return found;
    });
}

IndexStats Searcher::stats() const {
    return guard_index(db_path_, IndexAccess::read, [&] {
        IndexStats s;
        s.clippings = db_.get_doccount();
        for (auto it = db_.allterms_begin(); it != db_.allterms_end(); ++it) ++s.terms;
        for (const auto& entry : fs::recursive_directory_iterator(db_path_)) {
            if (entry.is_regular_file()) s.bytes += entry.file_size();
        }
        if (const auto roots = db_.get_metadata(std::string(schema::kRootsKey)); !roots.empty()) {
            for (const auto& r : nlohmann::json::parse(roots))
                s.folders.push_back(r.get<std::string>());
        }
        return s;
    });
}

}  // namespace revue
