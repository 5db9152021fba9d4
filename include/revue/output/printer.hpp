// Printers turn hits into bytes on a stream, one printer per output format; they know nothing
// of how the hits were found (no printer header reaches the index or Xapian).
#pragma once

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revue/core/hit.hpp"

namespace revue {

enum class OutputFormat { text, json, tsv, paths };

// The one list of format names: flags, completions and parsers follow it.
inline constexpr std::array<std::pair<std::string_view, OutputFormat>, 4> kOutputFormats = {{
    {"text", OutputFormat::text},
    {"json", OutputFormat::json},
    {"tsv", OutputFormat::tsv},
    {"paths", OutputFormat::paths},
}};

// "text" -> OutputFormat::text ...; throws BadOption naming the bad value.
OutputFormat output_format_from_name(std::string_view name);

struct PrinterOptions {
    bool color = false;     // ANSI highlights in text output
    bool null_end = false;  // paths: end each path with NUL instead of newline
};

// What a search found beyond its hits, printed after them.
struct FacetCounts {
    std::string facet;  // "source", "year", "author", "lang"
    std::vector<std::pair<std::string, std::uint64_t>> counts;  // value, articles; by count
};

struct Summary {
    std::uint64_t total = 0;
    double elapsed_ms = 0;
    std::string suggestion;  // empty: none
    std::vector<FacetCounts> facets;
};

class Printer {
  public:
    virtual ~Printer() = default;
    // --batch: the hits and summary that follow answer this query.
    virtual void begin_query(std::string_view /*query*/) {}
    virtual void hit(const Hit& hit) = 0;
    virtual void summary(const Summary& /*summary*/) {}
    // Called once after the last hit.
    virtual void finish() {}
};

}  // namespace revue
