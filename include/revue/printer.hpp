// Printers turn hits into bytes on a stream; they know nothing of how the hits were found.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revue/hit.hpp"

namespace revue {

enum class OutputFormat { text, json, tsv, paths };

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

std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out,
                                      const PrinterOptions& options);

// A name or field made safe for one line of a terminal, as the text and TSV printers write
// it: \\ \t \n \r, \xHH for other C0 controls, DEL and bytes that are not UTF-8, \uHHHH for
// C1 controls and line separators.
std::string escape_field(std::string_view field);

// "text" -> OutputFormat::text ...; throws std::invalid_argument naming the bad value.
OutputFormat output_format_from_name(std::string_view name);

}  // namespace revue
