// What an index run did, as its summary line tells it, and how far along it is.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace revue {

struct IndexReport {
    int added = 0;
    int updated = 0;
    int removed = 0;
    int unchanged = 0;                   // also a touched file whose content is the same
    int articles = 0;                    // articles written by this run
    bool interrupted = false;            // stopped early; what was done is committed
    std::map<std::string, int> skipped;  // reason -> number of files
    int skipped_total() const;
    // "indexed: 13 added, 1 updated, 0 removed, 120 unchanged, 1 skipped (1 empty)"
    std::string summary() const;
    void merge(const IndexReport& other);
};

struct IndexProgress {
    std::uintmax_t files_total = 0;  // every file the walk found
    std::uintmax_t files_done = 0;   // unchanged ones count as done from the start
    std::uintmax_t bytes_total = 0;  // of the files to read
    std::uintmax_t bytes_done = 0;
};

}  // namespace revue
