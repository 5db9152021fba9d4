// One ranked search result, as the searcher hands it to the printers.
#pragma once

#include <string>
#include <vector>

#include "revue/clipping.hpp"
#include "revue/snippet.hpp"

namespace revue {

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
