#include <iostream>

#include "revue/app/batch.hpp"
#include "revue/app/commands.hpp"
#include "revue/app/status.hpp"
#include "revue/output/printers.hpp"

namespace revue {

int run_search(const SearchConfig& config, std::istream& in, std::ostream& out, std::ostream& err) {
    if (!config.batch) {
        const Searcher searcher(config.db);
        const auto printer = make_printer(config.format, out, config.printer);
        const bool matched = print_answer(
            config, *printer, answer_query(searcher, config.request, config.count), out, err);
        printer->finish();
        return matched ? kMatched : kNoMatch;
    }
    // --batch: one query per line of stdin, answered on every core, printed in input order
    // exactly as one by one.
    const auto printer = make_printer(config.format, out, config.printer);
    bool matched = false;
    bool failed = false;
    BatchOptions batch;
    batch.request = config.request;
    batch.count = config.count;
    run_batch(config.db, in, batch, [&](BatchAnswer& line) {
        // --count answers each query with one number per line, without a header.
        if (!config.count) printer->begin_query(line.query);
        if (line.failure) std::rethrow_exception(line.failure);
        if (line.error) {
            err << "revue: line " << line.line << ": " << *line.error << '\n';
            failed = true;
        } else {
            matched = print_answer(config, *printer, line.answer, out, err) || matched;
        }
        return static_cast<bool>(out);
    });
    printer->finish();
    return failed ? kFailed : matched ? kMatched : kNoMatch;
}

}  // namespace revue
