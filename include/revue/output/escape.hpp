// Fields made safe for one line of a terminal or a TSV cell, as every printer and every
// warning line writes names and titles.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revue/core/hit.hpp"

namespace revue {

// Backslash, tab, newline and CR become \\ \t \n \r; other control characters (an ESC in a
// file name could drive the terminal) and line/paragraph separators become \xHH (C0, DEL) or
// \uHHHH; bytes that are not UTF-8 become \xHH. Since the backslash itself is escaped, the
// mapping is reversible.
void append_escaped(std::string& out, std::string_view field);
std::string escape_field(std::string_view field);

// The snippet's match ranges, sorted, clipped to the snippet and without overlaps, so a
// malformed hit cannot make a printer read out of bounds.
std::vector<std::pair<std::size_t, std::size_t>> clean_matches(const Snippet& snippet);

}  // namespace revue
