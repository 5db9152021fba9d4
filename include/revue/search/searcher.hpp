// Answers queries from a revue index: ranked hits with snippets, exact counts, facets, one
// clipping, and the index's statistics. It never formats anything: printers do.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "revue/core/clipping.hpp"
#include "revue/core/hit.hpp"
#include "revue/core/index_stats.hpp"
#include "revue/index/clipping_codec.hpp"
#include "revue/search/request.hpp"

namespace revue {

struct FacetCount {
    std::string value;
    Xapian::doccount count = 0;
};

struct SearchResult {
    std::vector<Hit> hits;
    Xapian::doccount total = 0;  // matching articles: exact when asked, else Xapian's estimate
    std::string suggestion;      // a better spelling of the query, when it found little
    std::map<Facet, std::vector<FacetCount>> facets;  // each by count, then value
};

// A Searcher, like the Xapian database in it, serves one thread. Its methods throw BadQuery
// for a query the user must fix, and the index errors of xapian_errors.hpp.
class Searcher {
  public:
    // Throws NoIndex, saying what to do, when there is no index at db_path.
    explicit Searcher(const std::filesystem::path& db_path);

    SearchResult search(const SearchRequest& request) const;

    // The exact number of matching articles (not Xapian's estimate).
    Xapian::doccount count(const SearchRequest& request) const;

    // The articles stored for a file, in article order; article 0 means every article.
    std::vector<Clipping> clippings_of(const std::string& path, int article = 0) const;

    IndexStats stats() const;

  private:
    SearchResult find(const SearchRequest& request) const;
    // Reads stored clippings with the index's dictionary. Loading the dictionary costs about
    // a millisecond, which a count or a search finding nothing need not pay: it is loaded
    // on first use.
    const ClippingCodec& codec() const;

    std::filesystem::path db_path_;
    Xapian::Database db_;
    mutable std::optional<ClippingCodec> codec_;
};

}  // namespace revue
