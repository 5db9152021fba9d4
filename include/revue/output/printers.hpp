// The printers, one per output format, each in its file; make_printer picks one.
#pragma once

#include <memory>
#include <ostream>

#include "revue/output/printer.hpp"

namespace revue {

// The printer of `format`.
std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out,
                                      const PrinterOptions& options);

// A block per hit, for people; in --batch mode each answer starts with "## QUERY".
std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrinterOptions& options);
// JSON Lines, for programs: its header says every key.
std::unique_ptr<Printer> make_json_printer(std::ostream& out);
// rank, score, path, title separated by tabs.
std::unique_ptr<Printer> make_tsv_printer(std::ostream& out);
// Each matching file once, as raw bytes.
std::unique_ptr<Printer> make_paths_printer(std::ostream& out, const PrinterOptions& options);

}  // namespace revue
