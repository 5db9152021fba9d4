// The commands' options as a user gives them, before any check: plain structs that the CLI's
// flags (cli/flags.cpp) and, later, the server's URL parameters fill, and that the commands
// of app/ validate into what the library stages take. Their defaults are the defaults.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace revue {

struct IndexArgs {
    std::string db;  // --db; empty: $REVUE_DB, else the XDG default (index_path.hpp)
    std::vector<std::string> folders;
    bool quiet = false;
    bool verbose = false;
    std::uintmax_t max_size = 50 * 1024 * 1024;
    unsigned jobs = 0;  // 0: one per core
};

struct SearchArgs {
    std::string db;
    std::vector<std::string> words;  // joined with spaces into one query
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::string format = "text";
    std::string color = "auto";
    std::string lang;
    std::string sort = "relevance";
    std::string since;
    std::string until;
    std::vector<std::string> facets;
    bool paths = false;
    bool count = false;
    bool null_end = false;
    bool summary = false;
    bool batch = false;
    bool no_collapse = false;
    std::size_t snippet_chars = 200;
    bool no_snippet = false;
};

struct ShowArgs {
    std::string db;
    std::string path;  // PATH or PATH#ARTICLE
    std::string format = "text";
};

struct StatsArgs {
    std::string db;
};

}  // namespace revue
