// A search as the user asked for it (SearchArgs), checked once and turned into what builds
// the searcher's request and the printer: ripgrep's low-level and high-level arguments.
#pragma once

#include <array>
#include <filesystem>
#include <string_view>
#include <utility>

#include "revue/app/args.hpp"
#include "revue/output/printer.hpp"
#include "revue/search/request.hpp"

namespace revue {

enum class ColorMode { automatic, always, never };

inline constexpr std::array<std::pair<std::string_view, ColorMode>, 3> kColorModes = {{
    {"auto", ColorMode::automatic},
    {"always", ColorMode::always},
    {"never", ColorMode::never},
}};

// What the process's surroundings decide: `--color auto` colours a terminal only, and
// NO_COLOR (no-color.org) turns it off.
struct Terminal {
    bool stdout_is_tty = false;
    bool no_color = false;
};

struct SearchConfig {
    std::filesystem::path db;
    SearchRequest request;  // its query empty with --batch: each line is one
    OutputFormat format = OutputFormat::text;
    PrinterOptions printer;
    bool count = false;    // print the number of matches instead of hits
    bool summary = false;  // print a summary (total, time, facets) after the hits
    bool batch = false;    // read one query per line from stdin
};

// Throws BadOption for a value it cannot use (a format, sort, facet, language or colour name;
// --batch with QUERY words) and BadQuery for an empty query or a bad --since/--until date.
SearchConfig configure_search(const SearchArgs& args, const Terminal& terminal);

}  // namespace revue
