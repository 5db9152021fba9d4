#include "revue/app/commands.hpp"
#include "revue/app/index_path.hpp"
#include "revue/app/status.hpp"
#include "revue/core/files.hpp"
#include "revue/core/names.hpp"
#include "revue/output/clipping_printer.hpp"
#include "revue/output/escape.hpp"
#include "revue/search/searcher.hpp"

namespace revue {

int run_show(const ShowArgs& args, std::ostream& out, std::ostream& err) {
    const ClippingFormat format = value_named(kClippingFormats, args.format, "format");
    // PATH#N names one article of a file holding several.
    std::string path = args.path;
    int article = 0;
    if (const auto hash = path.rfind('#');
        hash != std::string::npos && hash + 1 < path.size() &&
        path.find_first_not_of("0123456789", hash + 1) == std::string::npos) {
        article = std::stoi(path.substr(hash + 1));
        path.erase(hash);
    }
    const Searcher searcher(index_path(args.db));
    const auto clippings = searcher.clippings_of(absolute_path(path).string(), article);
    if (clippings.empty()) {
        err << "revue: " << escape_field(args.path)
            << " is not in the index (see 'revue stats' for the folders it covers)\n";
        return kNoMatch;
    }
    print_clippings(out, clippings, format);
    return kMatched;
}

}  // namespace revue
