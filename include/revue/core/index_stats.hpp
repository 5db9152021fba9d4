// What an index holds, as `revue stats` prints it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace revue {

struct IndexStats {
    std::uint64_t clippings = 0;
    std::uint64_t terms = 0;   // distinct terms
    std::uintmax_t bytes = 0;  // size of the index folder on disk
    std::vector<std::string> folders;
};

}  // namespace revue
