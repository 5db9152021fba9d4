// The passage a snippet shows: the window of the text holding the most distinct matched
// words, cut at word boundaries, and written out with the matches' byte offsets.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "revue/core/hit.hpp"
#include "revue/search/highlight/text_model.hpp"

namespace revue::highlight {

struct Match {
    std::size_t first = 0;  // code point indexes, [first, last)
    std::size_t last = 0;
    std::size_t key = 0;  // which query word it stands for
};

// Cuts the passage of about `width` code points around the best run of matches and writes
// it out. Both ways of finding the matches end here, so they give the same snippet.
Snippet cut_passage(std::string_view text, TextModel& cps, std::vector<Match> matches,
                    std::size_t keys, std::size_t width);

}  // namespace revue::highlight
