// What a token of the text stands for in the query: the keys a snippet's window counts, so
// that the inflections of one stem count once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

#include "revue/analysis/analyzer.hpp"
#include "revue/search/highlight_terms.hpp"

namespace revue::highlight {

// Which query word a token stands for: a stem of the query (any inflection) or one of its
// words as written.
struct MatchKey {
    bool stem = false;
    std::string text;
};

// The key a token stands for, or nothing. Inflections of one stem share a key, so "modèle"
// and "modèles" count once when windows compare how many words they hold.
std::optional<MatchKey> key_of(const std::string& term, bool stop, const HighlightTerms& query,
                               const Analyzer& analyzer);

// Small numbers for the keys the matches stand for.
class KeyIds {
  public:
    std::size_t id(const MatchKey& key) {
        auto& ids = key.stem ? stems_ : words_;
        return ids.try_emplace(key.text, stems_.size() + words_.size()).first->second;
    }
    std::size_t distinct() const { return stems_.size() + words_.size(); }

  private:
    std::unordered_map<std::string, std::size_t> words_;
    std::unordered_map<std::string, std::size_t> stems_;
};

}  // namespace revue::highlight
