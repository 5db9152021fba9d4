// Stop-word lists of the analysis chain: function words only (articles, pronouns, prepositions,
// conjunctions, auxiliary forms), folded as the analyzer folds words.
#pragma once

#include <string_view>
#include <vector>

#include "revue/analyzer.hpp"

namespace revue {

// The function words of one language, folded: "a" for "à", "ou" for "où", "don't" for "don’t".
const std::vector<std::string_view>& stop_word_list(Language lang);

}  // namespace revue
