// The character rules of the analysis chain, each in one place: what stays inside a word
// piece, what joins two words into a compound, what breaks a word at a line end, and how long
// a term may be. The analyzer applies them to text; the highlighter's scan (search/highlight)
// to single code points, and test_char_rules checks that both readings agree. Apostrophes
// are core/fold.hpp's, which folds them.
#pragma once

#include <unicode/umachine.h>

#include <cstddef>
#include <string_view>

namespace revue {

// Letters, marks, digits, format characters (the soft hyphen, joiners: folding drops them)
// and apostrophes. Other punctuation ICU lets into a word segment ("U.S.A", "example.com",
// "étudiant·e·s", "foo_bar") splits it into joined pieces.
bool is_word_char(UChar32 c);

// One of these alone between two words joins them into a compound ("start-up"): - ‐ ‑ –.
bool is_joining_hyphen(UChar32 c);

// What a typesetter puts at a line end to break a word: - ‐ ‑ (an en dash there is a dash).
bool is_line_end_hyphen(UChar32 c);

inline constexpr UChar32 kSoftHyphen = 0x00AD;

// Longer words are not indexed: a base64 blob or a run of glued URLs is not something anyone
// searches for, and Xapian rejects terms over 245 bytes.
inline constexpr std::size_t kMaxTermBytes = 64;

// The code point starting at byte i, and its length in bytes; c < 0 for an ill-formed byte.
struct CodePoint {
    UChar32 c = -1;
    std::size_t length = 0;
};
CodePoint code_point_at(std::string_view text, std::size_t i);
// The code point ending at byte i (i > 0).
CodePoint code_point_before(std::string_view text, std::size_t i);

// Byte length of the apostrophe starting at text[i], 0 if there is none.
std::size_t apostrophe_at(std::string_view text, std::size_t i);

}  // namespace revue
