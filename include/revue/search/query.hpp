// Turns what a user typed into a Xapian query: each word goes through the same analysis
// chain as the index, then Xapian's QueryParser builds the structure (phrases, AND/OR/NOT).
#pragma once

#include <xapian.h>

#include <map>
#include <string>

#include "revue/analysis/language.hpp"
#include "revue/search/highlight_terms.hpp"
#include "revue/search/request.hpp"

namespace revue {

struct ParsedQuery {
    Xapian::Query query;     // ranked: stems match, exact forms weigh more
    Xapian::Query matching;  // the same clippings, without the ranking boost: for counting
    std::map<Language, HighlightTerms> highlights;  // what to mark in a hit of each language
    std::string suggestion;  // the query as the index would spell it; empty when no better
};

// request.query with request's language and date filters. Each clipping is matched by the
// analysis of its own language; languages without clippings in `db` are left out, and so are
// the language filters when they would select every clipping. With `spelling`, the
// suggestion is looked for (a millisecond a word). Throws BadQuery on an empty or malformed
// query.
ParsedQuery parse_query(const SearchRequest& request, const Xapian::Database& db,
                        bool spelling = false);

}  // namespace revue
