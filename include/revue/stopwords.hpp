// Stop-word lists of the analysis chain: function words only (articles, pronouns, prepositions,
// conjunctions, auxiliary forms), spelt as written; the Analyzer folds them once at start-up.
#pragma once

#include <string_view>
#include <vector>

#include "revue/analyzer.hpp"

namespace revue {

// The function words of one language, accented as in running text ("à", "où", "don’t").
const std::vector<std::string_view>& stop_word_list(Language lang);

}  // namespace revue
