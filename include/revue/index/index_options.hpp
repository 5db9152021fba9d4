// How an index run reads files and reports on itself: what the indexer and its lanes share.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "revue/core/clipping.hpp"
#include "revue/index/index_report.hpp"

namespace revue {

// How the indexer reads a file: the readers' read_clippings itself (tests), or the same
// function loaded from the reader module (the CLI). Throws SkippedFile with the reason. Must
// be safe to call from several threads at once.
using ReadClippings =
    std::function<std::vector<Clipping>(const std::filesystem::path&, std::string_view)>;

struct IndexOptions {
    std::uintmax_t max_size = 50 * 1024 * 1024;  // larger files are skipped: "too large"
    // Called once per skipped file or unreadable folder, with the reason. The indexer calls
    // its callbacks one at a time, whatever thread it is on.
    std::function<void(const std::filesystem::path&, const std::string&)> on_warning;
    // Called for each file about to be read (--verbose).
    std::function<void(const std::filesystem::path&, std::uintmax_t bytes)> on_file;
    // Called a few times a second while files are read, and once at the end.
    std::function<void(const IndexProgress&)> on_progress;
    // Polled between files: when it returns true the run commits what is done and stops,
    // removing nothing that was not yet removed.
    std::function<bool()> stop_requested;
    // The run commits at least every this many bytes of clipping text, or articles, divided
    // among the shards: memory stays bounded and a killed run loses at most one batch. Small
    // batches are also faster: Xapian's pending changes stay small enough for the caches
    // (measured on 20,000 clippings: 500 articles took 30% less CPU than 5,000, in a quarter
    // of the memory).
    std::uintmax_t commit_bytes = 8 * 1024 * 1024;
    int commit_documents = 500;
    // A run that reads this many files, a quarter of the index or more, on an index of fewer
    // shards than threads, adds a shard per thread for its new files (merged back at its end).
    std::uintmax_t parallel_run_files = 1000;
};

}  // namespace revue
