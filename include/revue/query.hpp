// Turns what a user typed into a Xapian query: each word goes through the same analysis
// chain as the index, then Xapian's QueryParser builds the structure (phrases, AND/OR/NOT).
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "revue/analyzer.hpp"
#include "revue/snippet.hpp"

namespace revue {

// A query a user must fix; what() says what is wrong.
struct QueryError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct QueryOptions {
    std::optional<Language> language;  // only clippings in this language
    std::string since;                 // inclusive date bounds: YYYY, YYYY-MM or YYYY-MM-DD
    std::string until;
    bool spelling = false;  // look for a better spelling of the query's words
};

struct ParsedQuery {
    Xapian::Query query;     // ranked: stems match, exact forms weigh more
    Xapian::Query matching;  // the same clippings, without the ranking boost: for counting
    std::map<Language, MatchTerms> highlights;  // what to mark in a hit of each language
    std::string suggestion;  // the query as the index would spell it; empty when no better
};

// The query text with every word replaced by its index form (French operators ET/OU/SAUF
// become AND/OR/NOT); QueryParser syntax characters are kept, everything else is a space.
std::string rewrite_query(std::string_view text, const Analyzer& analyzer);

// Each clipping is matched by the analysis of its own language; languages without clippings
// in `db` are left out, and so are the language filters when they would select every
// clipping. Throws QueryError on an empty or malformed query.
ParsedQuery parse_query(std::string_view text, const Xapian::Database& db,
                        const QueryOptions& options = {});

// Clippings dated from `from` to `to`, both inclusive, either open when empty; each bound
// is YYYY, YYYY-MM or YYYY-MM-DD. Throws QueryError on a bad date.
Xapian::Query date_range(std::string_view from, std::string_view to);

}  // namespace revue
