// Answers queries from a revue index: ranked hits with snippets, exact counts, facets, one
// clipping, and the index's statistics. It never formats anything: printers do.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "revue/clipping.hpp"
#include "revue/clipping_codec.hpp"
#include "revue/hit.hpp"
#include "revue/query.hpp"

namespace revue {

enum class SortOrder { relevance, date, date_descending };
enum class Facet { source, year, author, lang };

// "relevance", "date", "-date"; "source", "year", "author", "lang". Throw std::invalid_argument.
SortOrder sort_order_from_name(std::string_view name);
Facet facet_from_name(std::string_view name);
std::string_view facet_name(Facet facet);

struct SearchRequest {
    std::string query;
    QueryOptions filter;  // language, date bounds, spelling
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;  // 0: every hit
    SortOrder sort = SortOrder::relevance;
    bool collapse = true;  // copies of one text show once, the others in Hit::also_in
    std::vector<Facet> facets;
    bool exact_total = false;  // count every match instead of estimating
    bool snippets = true;
    std::size_t snippet_chars = 200;
};

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

struct IndexStats {
    Xapian::doccount clippings = 0;
    Xapian::termcount terms = 0;  // distinct terms
    std::uintmax_t bytes = 0;     // size of the index folder on disk
    std::vector<std::string> folders;
};

class Searcher {
  public:
    // Throws std::runtime_error, saying what to do, when there is no index at db_path.
    explicit Searcher(const std::filesystem::path& db_path);

    SearchResult search(const SearchRequest& request) const;

    // The exact number of matching articles (not Xapian's estimate).
    Xapian::doccount count(const SearchRequest& request) const;

    // The articles stored for a file, in article order; article 0 means every article.
    std::vector<Clipping> clippings_of(const std::string& path, int article = 0) const;

    IndexStats stats() const;

    // An article sharing a hit's collapse key, read without its text.
    struct Copy {
        Xapian::docid docid = 0;
        double weight = 0;
        Clipping clipping;
    };

  private:
    // The articles that share a collapse key and match the query, oldest first.
    std::vector<Copy> copies(const Xapian::Query& query, const std::string& key) const;

    std::filesystem::path db_path_;
    Xapian::Database db_;
    // Reads stored clippings with the index's dictionary. Loading the dictionary costs about
    // a millisecond, which a count or a search finding nothing need not pay: it is loaded
    // on first use (a Searcher, like the Xapian database in it, serves one thread).
    const ClippingCodec& codec() const;
    mutable std::optional<ClippingCodec> codec_;
};

}  // namespace revue
