// Where a snippet may be cut, and where a part of a text may be analysed alone: the places
// the highlighter's passage and its partial analyses start and end.
#pragma once

#include <unicode/umachine.h>

#include <cstddef>
#include <string_view>

namespace revue::highlight {

// Where a passage may be cut: at white space, but not at a no-break space ("20 %",
// "« Mistral »" keep their glue). Control characters count as space so that the snippet
// comes out as one clean line.
bool separates_words(UChar32 c);

inline bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whether white space ends right before `p` and no line-end hyphen (or soft hyphen) comes
// before it: the analyzer links words across white space only after one, as a word
// hyphenated at a line end.
bool after_clean_blank(std::string_view text, std::size_t p);

// A byte offset where analysing a part of the text gives the tokens the whole text gives
// there: a word start right after ASCII white space. The word break rules decide nothing
// across such a place, and the analyzer links words across white space only after a hyphen
// or a soft hyphen (a word hyphenated at a line end), so the blank run must not follow one.
bool safe_cut(std::string_view text, std::size_t p);

// The nearest safe cut at or before `at`, and at or after it.
std::size_t cut_before(std::string_view text, std::size_t at);
std::size_t cut_after(std::string_view text, std::size_t at);

}  // namespace revue::highlight
