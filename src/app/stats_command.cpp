#include "revue/app/commands.hpp"
#include "revue/app/index_path.hpp"
#include "revue/app/status.hpp"
#include "revue/core/files.hpp"
#include "revue/output/clipping_printer.hpp"
#include "revue/search/searcher.hpp"

namespace revue {

int run_stats(const StatsArgs& args, std::ostream& out) {
    const auto db = index_path(args.db);
    const Searcher searcher(db);
    print_stats(out, absolute_path(db).string(), searcher.stats());
    return kMatched;
}

}  // namespace revue
