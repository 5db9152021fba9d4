// One ranked search result, as the searcher hands it to the printers: the clipping, its score
// and rank, the passage that shows why it matched, and the other copies of its text.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "revue/core/clipping.hpp"

namespace revue {

// The best passage of a clipping for a query, with the matched words marked by byte offsets.
struct Snippet {
    std::string text;  // plain UTF-8; "…" marks where the passage was cut
    std::vector<std::pair<std::size_t, std::size_t>> matches;  // [start, end) byte offsets in text
};

struct Hit {
    int rank = 0;  // 1-based, counting from the first hit of the whole result list
    double score = 0.0;
    Clipping clipping;  // fields as stored in the index (body and caption may be left empty)
    Snippet snippet;
    // Other copies of the same text (agency dispatches), shown once under this hit; read
    // without their body and caption.
    std::vector<Clipping> also_in;
};

}  // namespace revue
