// Stems of folded words: Snowball's French and English stemmers, with the corrections French
// needs where Snowball splits words a reader sees as one. The indexer, the query parser and
// the highlighter all stem through here, so they always agree.
#pragma once

#include <xapian.h>

#include <string>

#include "revue/analysis/language.hpp"

namespace revue {

// The corrected stem of a folded word (Analyzer::fold), on this thread's Snowball stemmer.
std::string stem(Language lang, const std::string& folded);

// The same stemmer as a Xapian::Stem, for Xapian::QueryParser.
Xapian::Stem xapian_stemmer(Language lang);

}  // namespace revue
