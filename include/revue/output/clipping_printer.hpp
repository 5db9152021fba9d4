// What `revue show` prints of indexed clippings, and what `revue stats` prints of an index.
#pragma once

#include <array>
#include <ostream>
#include <string_view>
#include <utility>
#include <vector>

#include "revue/core/clipping.hpp"
#include "revue/core/index_stats.hpp"

namespace revue {

enum class ClippingFormat { text, json };

inline constexpr std::array<std::pair<std::string_view, ClippingFormat>, 2> kClippingFormats = {{
    {"text", ClippingFormat::text},
    {"json", ClippingFormat::json},
}};

// text: "field: value" lines, a blank line, the body, the captions; clippings separated by a
// "---" line. json: one object a line, {"type":"clipping", every field}.
void print_clippings(std::ostream& out, const std::vector<Clipping>& clippings,
                     ClippingFormat format);

// "index:", "clippings:", "terms:", "size:" and one "folder:" line per folder covered.
void print_stats(std::ostream& out, std::string_view index, const IndexStats& stats);

}  // namespace revue
