// The commands the CLI runs (and the server and the review builder reuse): each takes its
// checked options and the streams to write to, and returns its exit status (status.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include "revue/app/args.hpp"
#include "revue/app/search_config.hpp"
#include "revue/index/index_report.hpp"

namespace revue {

// What the one who runs an index run sees of it: each is optional.
struct IndexHooks {
    std::function<void(const std::filesystem::path&, const std::string&)> on_warning;
    std::function<void(const std::filesystem::path&, std::uintmax_t)> on_file;
    std::function<void(const IndexProgress&)> on_progress;
    std::function<bool()> stop_requested;
};

// Indexes args.folders into the index (index_path.hpp), reading files with the reader
// module. Throws the errors of the indexer.
IndexReport run_index(const IndexArgs& args, const IndexHooks& hooks);

// "revue: warning: PATH: skipped: REASON", the path escaped: the line a skipped file gets.
std::string warning_line(const std::filesystem::path& path, const std::string& reason);

// One query, or with config.batch one query per line of `in`. kMatched when anything
// matched, kNoMatch when nothing did, kFailed when a line of the batch was bad.
int run_search(const SearchConfig& config, std::istream& in, std::ostream& out, std::ostream& err);

// PATH#N names one article of a file holding several. kNoMatch, with a line on `err`, when
// the index does not hold the file.
int run_show(const ShowArgs& args, std::ostream& out, std::ostream& err);

int run_stats(const StatsArgs& args, std::ostream& out);

}  // namespace revue
