// The layout rules the readers share, whatever format a clipping came in: how a byline reads.
#pragma once

#include <string>
#include <string_view>

namespace revue {

// Bylines are short: a longer line that starts like one is text.
inline constexpr std::size_t kMaxBylineChars = 80;

enum class BylineForms {
    dashes,           // "- G. F.", "– Jane Doe", "— X": the press-reader layout
    dashes_and_words  // also "Par Jeanne Martin", "By Jane Doe" (press-database exports)
};

// The name a byline line gives, or "" when the line is no byline: longer than
// kMaxBylineChars, no name after the dash, or "Par"/"By" not followed by a capital (so that
// "Par ailleurs, …" stays text).
std::string byline_name(std::string_view line, BylineForms forms);

}  // namespace revue
