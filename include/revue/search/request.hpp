// What a search asks of the index: the query, its filters, the page and the shape of the
// answer; and the names the CLI and the server read the sort orders and facets by.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revue/analysis/language.hpp"

namespace revue {

enum class SortOrder { relevance, date, date_descending };
enum class Facet { source, year, author, lang };

// The one list of sort and facet names: flags, completions and parsers follow it.
inline constexpr std::array<std::pair<std::string_view, SortOrder>, 3> kSortOrders = {{
    {"relevance", SortOrder::relevance},
    {"date", SortOrder::date},
    {"-date", SortOrder::date_descending},
}};
inline constexpr std::array<std::pair<std::string_view, Facet>, 4> kFacets = {{
    {"source", Facet::source},
    {"year", Facet::year},
    {"author", Facet::author},
    {"lang", Facet::lang},
}};

// "relevance", "date", "-date"; "source", "year", "author", "lang". Throw BadOption naming
// the value and the names expected.
SortOrder sort_order_from_name(std::string_view name);
Facet facet_from_name(std::string_view name);
std::string_view facet_name(Facet facet);

struct SearchRequest {
    std::string query;
    std::optional<Language> language;  // only clippings in this language
    std::string since;                 // inclusive date bounds: YYYY, YYYY-MM or YYYY-MM-DD
    std::string until;
    bool spelling = false;  // look for a better spelling when the query finds little
    std::size_t offset = 0;
    std::size_t limit = 10;  // 0: every hit
    SortOrder sort = SortOrder::relevance;
    bool collapse = true;  // copies of one text show once, the others in Hit::also_in
    std::vector<Facet> facets;
    bool exact_total = false;  // count every match instead of estimating
    bool snippets = true;
    std::size_t snippet_chars = 200;
};

}  // namespace revue
