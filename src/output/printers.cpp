#include "revue/output/printers.hpp"

#include "revue/core/errors.hpp"

namespace revue {

std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out,
                                      const PrinterOptions& options) {
    switch (format) {
        case OutputFormat::text:
            return make_text_printer(out, options);
        case OutputFormat::json:
            return make_json_printer(out);
        case OutputFormat::tsv:
            return make_tsv_printer(out);
        case OutputFormat::paths:
            return make_paths_printer(out, options);
    }
    throw BadOption("unknown output format");
}

}  // namespace revue
