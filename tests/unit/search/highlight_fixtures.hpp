// What the snippet tests share: queries, filler text, highlighted words, snippets made both ways.
#pragma once

#include <unicode/unistr.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "revue/analysis/analyzer.hpp"
#include "revue/search/highlight/highlighter.hpp"
#include "revue/search/highlight_terms.hpp"
#include "support.hpp"

namespace revue::testing {

inline const Analyzer& french() {
    return analyzer_for(Language::french);
}

// The query front end's view of some words: each folded as a word and stemmed.
inline HighlightTerms query_of(std::initializer_list<std::string_view> words) {
    HighlightTerms query;
    for (const std::string_view word : words) {
        const std::string term = french().fold(word);
        query.words.insert(term);
        query.stems.insert(french().stem(term));
    }
    return query;
}

inline HighlightTerms words_only(std::initializer_list<std::string> words) {
    HighlightTerms query;
    query.words = words;
    return query;
}

inline std::int32_t code_points(const std::string& s) {
    return icu::UnicodeString::fromUTF8(s).countChar32();
}

// The highlighted words as the snippet shows them; fails the test on a malformed range.
inline std::vector<std::string> highlighted(const Snippet& snippet) {
    std::vector<std::string> words;
    std::size_t previous_end = 0;
    for (const auto& [start, end] : snippet.matches) {
        REQUIRE(start < end);
        REQUIRE(end <= snippet.text.size());
        REQUIRE(start >= previous_end);  // sorted, no overlap
        previous_end = end;
        words.push_back(snippet.text.substr(start, end - start));
        REQUIRE(valid_utf8(words.back()));  // ranges fall on character boundaries
    }
    return words;
}

// Filler without any query word: n words of "lorem"-like text, sentences of 8 words.
inline std::string filler(int words) {
    static const char* const kWords[] = {"vent",  "porteur", "nuage",  "cercle",
                                         "géant", "accord",  "pointe", "secteur"};
    std::string out;
    for (int i = 0; i < words; ++i) {
        out += kWords[i % 8];
        out += (i % 8 == 7) ? ". " : " ";
    }
    return out;
}

// The snippet both ways: from the scan, and from analysing the whole text. They must agree
// to the byte.
inline Snippet snippet_of(std::string_view text, const HighlightTerms& query, std::size_t max_chars,
                          const Analyzer& analyzer = french()) {
    const Snippet whole = make_snippet_analysed(text, analyzer, query, max_chars);
    const Snippet scanned = make_snippet(text, analyzer, query, max_chars);
    CHECK(scanned.text == whole.text);
    CHECK(scanned.matches == whole.matches);
    return scanned;
}

}  // namespace revue::testing
