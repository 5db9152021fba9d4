// The one analysis chain: text -> tokens with index terms and byte offsets into the original.
// The indexer, the query front end and the highlighter all go through it.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "revue/analysis/language.hpp"
#include "revue/analysis/stopwords.hpp"

namespace revue {

struct Token {
    std::string term;       // the word's index form: case-folded, accents and ligatures
                            // folded, elided article removed ("l’Intelligence" -> "intelligence")
    std::size_t start = 0;  // byte offsets of the word in the analysed text; they cover
    std::size_t end = 0;    // the word as written, without an elided article
    Xapian::termpos position = 0;  // 1-based; a joined compound shares its first part's position
    bool stop = false;             // a stop word of the language: kept for phrases, no stem term
    bool extra = false;            // another form at the previous token's position ("startup")
};

class Analyzer {
  public:
    explicit Analyzer(Language lang);

    Language language() const { return lang_; }

    // Splits text into word tokens, in order. Positions start after first_position.
    std::vector<Token> tokens(std::string_view text, Xapian::termpos first_position = 0) const;

    // The index form of one word as the chain folds it (no splitting, no stop check).
    std::string fold(std::string_view word) const;

    // The stem of a folded term, with the corrections the Snowball stemmer needs.
    std::string stem(const std::string& folded) const;

    bool is_stop_word(const std::string& folded) const { return stops_(folded); }

    // The same stemmer and stop list wrapped for Xapian::QueryParser.
    Xapian::Stem xapian_stemmer() const;
    const Xapian::Stopper& stopper() const { return stops_; }

  private:
    Language lang_;
    StopList stops_;
};

// Shared analyzers, one per language, built on first use.
const Analyzer& analyzer_for(Language lang);

}  // namespace revue
