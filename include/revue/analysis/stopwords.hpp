// Stop-word lists of the analysis chain: function words only (articles, pronouns, prepositions,
// conjunctions, auxiliary forms), folded as the analyzer folds words.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "revue/analysis/language.hpp"

namespace revue {

// The function words of one language, folded: "a" for "à", "ou" for "où", "don't" for "don’t".
const std::vector<std::string_view>& stop_word_list(Language lang);

// One language's stop words, sorted and looked up by halving: listed folded, so a search
// process builds its list without an allocation a word. Also what QueryParser asks.
class StopList final : public Xapian::Stopper {
  public:
    explicit StopList(Language lang);
    bool operator()(const std::string& folded) const override;
    std::string get_description() const override { return "revue::StopList"; }

  private:
    std::vector<std::string_view> words_;
};

}  // namespace revue
