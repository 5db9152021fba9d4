// The best passage of a clipping for a query, with the matched words marked by byte offsets.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revue/analyzer.hpp"

namespace revue {

struct Snippet {
    std::string text;  // plain UTF-8; "…" marks where the passage was cut
    std::vector<std::pair<std::size_t, std::size_t>> matches;  // [start, end) byte offsets in text
};

// What a hit must contain to be highlighted: the query's plain terms and its stem terms
// ("Z" + stem), exactly as the query front end built them.
struct MatchTerms {
    std::set<std::string> terms;
    std::set<std::string> stems;  // without the "Z" prefix
    bool matches(const Token& token, const Analyzer& analyzer) const;
};

// Picks the window of about max_chars characters holding the most distinct matched words,
// cut at word boundaries, never inside a UTF-8 character. Without any match it returns the
// opening of the text.
Snippet make_snippet(std::string_view text, const Analyzer& analyzer, const MatchTerms& query,
                     std::size_t max_chars = 200);

}  // namespace revue
