// What a hit must show marked, as the query hands it to the highlighter: the query's words in
// their index form, and the stems whose other inflections count too. Plain words only, no
// field prefixes: the highlighter knows no query syntax and no index layout.
#pragma once

#include <set>
#include <string>

namespace revue {

struct HighlightTerms {
    std::set<std::string> words;  // folded words ("azure", "startup"), wildcard expansions
    std::set<std::string> stems;  // corrected stems ("modele"): any word with one matches
};

}  // namespace revue
