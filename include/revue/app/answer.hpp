// One query answered and printed: what a single search, each line of a batch and (later) each
// request to the server share.
#pragma once

#include <xapian.h>

#include <ostream>

#include "revue/app/search_config.hpp"
#include "revue/output/printer.hpp"
#include "revue/search/searcher.hpp"

namespace revue {

struct Answer {
    SearchResult result;         // when searching
    Xapian::doccount count = 0;  // when counting
    double elapsed_ms = 0;       // time it took to find
};

// Counts the matches of request.query when `count`, else searches. Throws BadQuery on a
// query the user must fix.
Answer answer_query(const Searcher& searcher, const SearchRequest& request, bool count);

// The total, time, suggestion and facets of a result, as printers take them.
Summary summary_of(const SearchResult& result, double elapsed_ms);

// Prints one query's answer through the printer (a count straight to `out`); a suggestion
// goes to `err` in text mode. Returns whether anything matched.
bool print_answer(const SearchConfig& config, Printer& printer, const Answer& answer,
                  std::ostream& out, std::ostream& err);

}  // namespace revue
