#include "revue/searcher.hpp"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>

#include "revue/index_schema.hpp"
#include "revue/index_store.hpp"
#include "revue/query.hpp"

namespace revue {
namespace fs = std::filesystem;

namespace {

// The passage a snippet is cut from: everything but the title, which is printed apart.
std::string snippet_source(const Clipping& c) {
    std::string text = c.deck;
    for (const auto* part : {&c.body, &c.caption}) {
        if (part->empty()) continue;
        if (!text.empty()) text += "\n\n";
        text += *part;
    }
    return text;
}

// Counts the matching documents: the spy sees every match, collapsed copies included.
class MatchCounter : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& /*doc*/, double /*weight*/) override { ++count_; }
    Xapian::doccount count() const { return count_; }

  private:
    Xapian::doccount count_ = 0;
};

// Sorts after every "YYYYMMDD".
const std::string kNoDateLast = "99999999";

// What settles equal scores: the newest clipping first (undated ones last), then by path and
// article, so that the order never depends on the order of documents in the index.
bool newer_then_path(const Clipping& a, const Clipping& b) {
    if (a.date != b.date) return a.date > b.date;  // "" (no date) is before every date
    if (a.path != b.path) return a.path < b.path;
    return a.article < b.article;
}

// Copies of one text in the order a hit would rank them.
bool ranks_before(const Searcher::Copy& a, const Searcher::Copy& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return newer_then_path(a.clipping, b.clipping);
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

constexpr std::pair<std::string_view, Facet> kFacetNames[] = {{"source", Facet::source},
                                                              {"year", Facet::year},
                                                              {"author", Facet::author},
                                                              {"lang", Facet::lang}};

}  // namespace

SortOrder sort_order_from_name(std::string_view name) {
    if (name == "relevance") return SortOrder::relevance;
    if (name == "date") return SortOrder::date;
    if (name == "-date") return SortOrder::date_descending;
    throw std::invalid_argument("unknown sort '" + std::string(name) +
                                "' (expected relevance, date or -date)");
}

Facet facet_from_name(std::string_view name) {
    for (const auto& [n, f] : kFacetNames)
        if (n == name) return f;
    throw std::invalid_argument("unknown facet '" + std::string(name) +
                                "' (expected source, year, author or lang)");
}

std::string_view facet_name(Facet facet) {
    for (const auto& [n, f] : kFacetNames)
        if (f == facet) return n;
    return "source";
}

Searcher::Searcher(const fs::path& db_path) : db_path_(db_path) {
    try {
        db_ = IndexStore::open_for_reading(db_path_);
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot open index " + db_path_.string() + ": " + e.get_msg());
    }
}

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
    // Looking up better spellings costs about a millisecond a word: it waits until the
    // search has found too little for the suggestion to be shown.
    QueryOptions options = request.filter;
    options.spelling = false;
    const ParsedQuery parsed = parse_query(request.query, db_, options);
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
    // few ties are settled on the page, below, and among copies in copies().
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
    const Xapian::doccount limit = request.limit == 0 ? all : request.limit;
    // Facets and exact totals need every match seen, not an estimate.
    Xapian::MSet mset = enquire.get_mset(request.offset, limit, exact ? all : 0);
    if (request.sort == SortOrder::relevance && !mset.empty() && mset.get_max_possible() == 0) {
        // No word weighs (filters only): every match ties, and goes newest first. Matched
        // again, without the spies, which have seen every match already.
        Xapian::Enquire by_key(db_);
        by_key.set_query(parsed.query);
        by_key.set_sort_by_relevance_then_key(&order, false);
        if (request.collapse) by_key.set_collapse_key(schema::kCollapseSlot);
        mset = by_key.get_mset(request.offset, limit);
    }

    SearchResult result;
    // Every matching article counts, copies included, as --count and the facets count them.
    if (exact) {
        result.total = counter.count();
    } else if (mset.empty() && request.offset == 0) {
        result.total = 0;
    } else {
        result.total = std::max(mset.get_uncollapsed_matches_estimated(),
                                request.offset + static_cast<Xapian::doccount>(mset.size()));
    }
    if (result.total < kFewMatches && request.filter.spelling) {
        // The same query: the spelling flag only adds a corrected query string.
        result.suggestion = parse_query(request.query, db_, request.filter).suggestion;
    }
    for (auto& [facet, spy] : spies) {
        auto& counts = result.facets[facet];
        for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
            counts.push_back({*v, v.get_termfreq()});
        }
        std::stable_sort(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.count > b.count; });
    }

    result.hits.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = static_cast<int>(it.get_rank() +
                                    1);  // get_rank() counts from the first hit, offset included
        hit.score = it.get_weight();
        Xapian::Document doc = it.get_document();
        if (request.collapse && it.get_collapse_count() > 0) {
            // The copy shown is the best ranked; among equals, the newest, then by path.
            std::vector<Copy> group = copies(parsed.query, it.get_collapse_key());
            const auto best = std::min_element(group.begin(), group.end(), ranks_before);
            if (best != group.end() && best->docid != *it) {
                doc = db_.get_document(best->docid);
                hit.score = best->weight;
            }
            for (Copy& copy : group)
                if (copy.docid != doc.get_docid()) hit.also_in.push_back(std::move(copy.clipping));
        }
        hit.clipping = schema::load_clipping(doc, codec(), request.snippets);
        if (request.snippets) {
            const Language lang = language_from_code(hit.clipping.lang);
            const auto marks = parsed.highlights.find(lang);
            hit.snippet =
                make_snippet(snippet_source(hit.clipping), analyzer_for(lang),
                             marks != parsed.highlights.end() ? marks->second : MatchTerms{},
                             request.snippet_chars);
        }
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
    QueryOptions filter = request.filter;
    filter.spelling = false;  // a count shows no suggestion
    const ParsedQuery parsed = parse_query(request.query, db_, filter);
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
}

std::vector<Searcher::Copy> Searcher::copies(const Xapian::Query& query,
                                             const std::string& key) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kCollapseSlot, key, key)));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<Copy> found;
    const Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        found.push_back(
            {*it, it.get_weight(), schema::load_clipping(it.get_document(), codec(), false)});
    }
    // The oldest copy first: usually the paper that printed the dispatch first.
    std::sort(found.begin(), found.end(), [](const Copy& a, const Copy& b) {
        const auto key = [](const Clipping& c) {
            return std::tie(c.date.empty() ? kNoDateLast : c.date, c.path, c.article);
        };
        return key(a.clipping) < key(b.clipping);
    });
    return found;
}

std::vector<Clipping> Searcher::clippings_of(const std::string& path, int article) const {
    const std::string term = article > 0 ? schema::id_term(path, article) : schema::file_term(path);
    std::vector<Clipping> found;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
        found.push_back(schema::load_clipping(db_.get_document(*it), codec()));
    }
    std::sort(found.begin(), found.end(),
              [](const Clipping& a, const Clipping& b) { return a.article < b.article; });
    return found;
}

IndexStats Searcher::stats() const {
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
}

}  // namespace revue
