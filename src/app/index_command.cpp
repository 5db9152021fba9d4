#include "revue/app/commands.hpp"
#include "revue/app/index_path.hpp"
#include "revue/index/indexer.hpp"
#include "revue/output/escape.hpp"
#include "revue/readers/reader_module.hpp"

namespace revue {
namespace fs = std::filesystem;

std::string warning_line(const fs::path& path, const std::string& reason) {
    return "revue: warning: " + escape_field(path.string()) + ": skipped: " + reason;
}

IndexReport run_index(const IndexArgs& args, const IndexHooks& hooks) {
    const std::vector<fs::path> roots(args.folders.begin(), args.folders.end());
    IndexOptions options;
    options.max_size = args.max_size;
    options.on_warning = hooks.on_warning;
    options.on_file = hooks.on_file;
    options.on_progress = hooks.on_progress;
    options.stop_requested = hooks.stop_requested;
    const auto module = ReaderModule::load();
    Indexer indexer(
        index_path(args.db),
        [&module](const fs::path& path, std::string_view bytes) {
            return module.read(path, bytes);
        },
        args.jobs);
    return indexer.index(roots, options);
}

}  // namespace revue
