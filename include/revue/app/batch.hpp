// Answers a stream of queries (one per line) spread over threads, each with its own Searcher,
// handed back in input order as if answered one by one.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <string>

#include "revue/app/answer.hpp"

namespace revue {

// What one line of a batch gave.
struct BatchAnswer {
    int line = 0;       // 1-based, blank lines included
    std::string query;  // the line, without a final CR
    Answer answer;
    std::optional<std::string> error;  // a BadQuery's message: the line has no answer
    std::exception_ptr failure;        // any other error: the batch cannot go on
};

struct BatchOptions {
    SearchRequest request;  // asked of every line, its query replaced by the line
    bool count = false;     // count instead of searching
    unsigned threads = 0;   // 0: one per core
};

// Reads `in` line by line; blank lines are skipped. Answers the lines on several threads,
// each opening the index at `db` once, and calls `deliver` on the calling thread with each
// answer in input order; a `deliver` that returns false (the output is closed) or throws
// ends the batch. At most a few lines per thread are read ahead of the answer delivered.
// Throws what opening the index throws, before reading anything.
void run_batch(const std::filesystem::path& db, std::istream& in, const BatchOptions& options,
               const std::function<bool(BatchAnswer&)>& deliver);

}  // namespace revue
