// The first step of the analysis chain: text cut into word pieces by ICU's word break rules,
// elided articles split off ("l’", "qu’"), and each piece linked to the one before it when
// the two make one word (a compound, or a word hyphenated at a line end).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace revue {

// How a word piece hangs on the piece before it.
enum class Link : unsigned char {
    none,        // a separate word
    joined,      // one hyphen or inner punctuation: a compound ("start-up")
    line_break,  // a word hyphenated at a line end: one word ("intelli-\ngence")
};

struct Piece {
    std::size_t start;  // byte offsets in the text, the elided article left out
    std::size_t end;
    Link link;
};

// The pieces of a UTF-8 text, in order. Throws std::length_error past 2 GB (ICU's offsets).
std::vector<Piece> word_pieces(std::string_view text);

}  // namespace revue
