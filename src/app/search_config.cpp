#include "revue/app/search_config.hpp"

#include "revue/app/index_path.hpp"
#include "revue/core/errors.hpp"
#include "revue/core/names.hpp"
#include "revue/core/text.hpp"
#include "revue/search/query_dates.hpp"

namespace revue {

SearchConfig configure_search(const SearchArgs& args, const Terminal& terminal) {
    SearchConfig config;
    config.db = index_path(args.db);
    config.batch = args.batch;
    auto& r = config.request;
    r.query = join(args.words, " ");
    if (args.batch && !args.words.empty())
        throw BadOption("--batch reads its queries from stdin: give no QUERY");
    r.limit = args.limit;
    r.offset = args.offset;
    r.sort = sort_order_from_name(args.sort);
    r.collapse = !args.no_collapse;
    for (const auto& facet : args.facets) r.facets.push_back(facet_from_name(facet));
    if (!args.lang.empty()) r.language = value_named(kLanguages, args.lang, "language");
    r.since = args.since;
    r.until = args.until;
    if (!args.since.empty() || !args.until.empty()) {
        try {
            date_range(args.since, args.until);  // a bad date fails before any search
        } catch (const BadQuery& e) {
            throw BadQuery(std::string("--since/--until: ") + e.what());
        }
    }
    config.format = args.paths ? OutputFormat::paths : output_format_from_name(args.format);
    config.count = args.count;
    config.summary = args.summary;
    // Suggestions go where someone reads them: stderr in text mode, or the JSON summary.
    const bool has_summary = args.summary || !args.facets.empty();
    r.spelling = config.format == OutputFormat::text || has_summary;
    r.exact_total = args.summary;
    r.snippets = !args.no_snippet &&
                 (config.format == OutputFormat::text || config.format == OutputFormat::json);
    r.snippet_chars = args.snippet_chars;
    switch (value_named(kColorModes, args.color, "color")) {
        case ColorMode::always:
            config.printer.color = true;
            break;
        case ColorMode::never:
            config.printer.color = false;
            break;
        case ColorMode::automatic:
            config.printer.color = terminal.stdout_is_tty && !terminal.no_color;
            break;
    }
    config.printer.null_end = args.null_end;
    if (!args.batch && r.query.empty()) throw BadQuery("the query is empty");
    return config;
}

}  // namespace revue
