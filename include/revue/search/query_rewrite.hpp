// The query as the user typed it, rewritten for Xapian's QueryParser: every word in its index
// form, the French operators in English, date fields as ranges.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "revue/analysis/analyzer.hpp"

namespace revue {

// QueryParser's operators, and the French words users type for them.
inline constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR",   "NOT",
                                                               "XOR", "NEAR", "ADJ"};
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kFrenchOperators = {
    {{"ET", "AND"}, {"OU", "OR"}, {"SAUF", "NOT"}}};

// Characters QueryParser gives a meaning to; whatever else lies between words is a space.
bool is_query_syntax(char c);

// The query text with every word replaced by its index form (French operators ET/OU/SAUF
// become AND/OR/NOT); QueryParser syntax characters are kept, everything else is a space.
std::string rewrite_query(std::string_view text, const Analyzer& analyzer);

}  // namespace revue
