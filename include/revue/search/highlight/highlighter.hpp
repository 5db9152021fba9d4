// The snippet of a hit: the best passage of a clipping for a query, with the matched words
// marked by byte offsets. The highlighter knows the words and stems to mark, never the query's
// syntax or the index's layout.
#pragma once

#include <cstddef>
#include <map>
#include <string_view>

#include "revue/analysis/analyzer.hpp"
#include "revue/core/hit.hpp"
#include "revue/search/highlight_terms.hpp"

namespace revue {

// Picks the window of about max_chars characters holding the most distinct matched words,
// cut at word boundaries, never inside a UTF-8 character. Without any match it returns the
// opening of the text. Its cost follows the passage rather than the text: a scan of the
// folded text finds where the query's words (and the words sharing a stem's first letter)
// may be, and only the places it cannot settle go through the analyzer. Texts it cannot read
// safely (bytes that are not UTF-8, scripts whose folding depends on the neighbouring
// letters) are analysed whole.
Snippet make_snippet(std::string_view text, const Analyzer& analyzer, const HighlightTerms& query,
                     std::size_t max_chars = 200);

// The same snippet from analysing the whole text: what make_snippet must give, byte for byte.
Snippet make_snippet_analysed(std::string_view text, const Analyzer& analyzer,
                              const HighlightTerms& query, std::size_t max_chars = 200);

// Snippets for the hits of one query: each clipping is read with its own language's analysis
// and marks.
class Highlighter {
  public:
    Highlighter(std::map<Language, HighlightTerms> terms, std::size_t max_chars);

    // The passage of the clipping's deck, body and caption (its title is printed apart).
    Snippet snippet(const Clipping& clipping) const;

  private:
    std::map<Language, HighlightTerms> terms_;
    std::size_t max_chars_;
};

}  // namespace revue
