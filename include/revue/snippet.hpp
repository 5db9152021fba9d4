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
// opening of the text. Its cost follows the passage rather than the text: a scan of the
// folded text finds where the query's words (and the words sharing a stem's first letter)
// may be, and only the places it cannot settle go through the analyzer. Texts it cannot read
// safely (bytes that are not UTF-8, scripts whose folding depends on the neighbouring
// letters) are analysed whole.
Snippet make_snippet(std::string_view text, const Analyzer& analyzer, const MatchTerms& query,
                     std::size_t max_chars = 200);

// The same snippet from analysing the whole text: what make_snippet must give, byte for byte.
Snippet make_snippet_analysed(std::string_view text, const Analyzer& analyzer,
                              const MatchTerms& query, std::size_t max_chars = 200);

}  // namespace revue
