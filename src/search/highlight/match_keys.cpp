#include "revue/search/highlight/match_keys.hpp"

#include <array>

namespace revue::highlight {
namespace {

// A text repeats its words, and the hits of one query share theirs: each thread keeps the
// stems it computed, per language, up to a bound.
const std::string& cached_stem(const Analyzer& analyzer, const std::string& term) {
    constexpr std::size_t kStemCacheSize = 1 << 16;
    thread_local std::array<std::unordered_map<std::string, std::string>, 2> caches;
    auto& cache = caches[analyzer.language() == Language::english ? 1 : 0];
    if (cache.size() >= kStemCacheSize) cache.clear();
    auto [it, added] = cache.try_emplace(term);
    if (added) it->second = analyzer.stem(term);
    return it->second;
}

}  // namespace

std::optional<MatchKey> key_of(const std::string& term, bool stop, const HighlightTerms& query,
                               const Analyzer& analyzer) {
    if (term.empty()) return std::nullopt;
    if (!stop && !query.stems.empty()) {
        const std::string& stem = cached_stem(analyzer, term);
        if (query.stems.count(stem) > 0) return MatchKey{true, stem};
    }
    if (query.words.count(term) > 0) return MatchKey{false, term};
    return std::nullopt;
}

}  // namespace revue::highlight
