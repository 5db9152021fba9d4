#include "revue/cli/flags.hpp"

#include <algorithm>

#include "revue/analysis/language.hpp"
#include "revue/app/search_config.hpp"
#include "revue/core/names.hpp"
#include "revue/core/text.hpp"
#include "revue/output/clipping_printer.hpp"
#include "revue/output/printer.hpp"
#include "revue/search/request.hpp"

#ifndef REVUE_VERSION
#error "REVUE_VERSION comes from CMake's project(VERSION)"
#endif

namespace revue {
namespace {

void add_db(CLI::App* cmd, std::string& db) {
    cmd->add_option("--db", db,
                    "Index folder (default: $REVUE_DB, else $XDG_DATA_HOME/revue/index)");
}

void add_index_flags(CLI::App* index, IndexArgs& a) {
    add_db(index, a.db);
    index->add_option("--max-size", a.max_size, "Skip larger files (bytes, or 50MB, 2GB)")
        ->transform(CLI::AsSizeValue(false));
    index->add_flag("-q,--quiet", a.quiet, "Only the summary line (and warnings)");
    index->add_flag("-v,--verbose", a.verbose, "Name each file as it is read");
    index
        ->add_option("-j,--jobs", a.jobs,
                     "Threads (default: one per core), each writing a shard merged at the end")
        ->check(CLI::Range(1u, 64u));
    index->add_option("DIR", a.folders, "Folders to index")->required();
}

void add_search_flags(CLI::App* search, SearchArgs& a) {
    add_db(search, a.db);
    search->add_option("-n,--limit", a.limit, "Number of hits (0: all)")
        ->check(CLI::NonNegativeNumber);
    search->add_option("--offset", a.offset, "Skip the first K hits")
        ->check(CLI::NonNegativeNumber);
    search->add_option("--format", a.format, names_list(kOutputFormats))
        ->check(CLI::IsMember(names_of(kOutputFormats)));
    search->add_flag("-l,--files", a.paths, "Same as --format paths");
    search->add_flag("-c,--count", a.count, "Print the number of matching articles");
    search->add_flag("-0,--null", a.null_end, "End paths with NUL (--format paths)");
    search->add_option("--sort", a.sort, names_list(kSortOrders))
        ->check(CLI::IsMember(names_of(kSortOrders)));
    search->add_option("--since", a.since, "Clippings dated from (YYYY[-MM[-DD]])");
    search->add_option("--until", a.until, "Clippings dated until (YYYY[-MM[-DD]])");
    // One value per --facet (or a comma list): the QUERY words that follow stay query words.
    search->add_option("--facet", a.facets, "Count hits per " + names_list(kFacets))
        ->allow_extra_args(false)
        ->delimiter(',')
        ->check(CLI::IsMember(names_of(kFacets)));
    search->add_flag("--no-collapse", a.no_collapse, "Show every copy of a text");
    search->add_flag("--summary", a.summary, "End with a summary (total, time, facets)");
    search->add_flag("--batch", a.batch, "Read one query per line from stdin");
    search->add_option("--color", a.color, names_list(kColorModes))
        ->check(CLI::IsMember(names_of(kColorModes)));
    search
        ->add_option("--lang", a.lang,
                     "Only clippings in this language (" + join(names_of(kLanguages), ", ") + ")")
        ->check(CLI::IsMember(names_of(kLanguages)));
    search->add_option("--snippet-chars", a.snippet_chars, "Snippet length")
        ->check(CLI::PositiveNumber);
    search->add_flag("--no-snippet", a.no_snippet, "No snippets (fastest)");
    search->add_option("QUERY", a.words, "Query words (none with --batch)");
}

void add_show_flags(CLI::App* show, ShowArgs& a) {
    add_db(show, a.db);
    show->add_option("--format", a.format, names_list(kClippingFormats))
        ->check(CLI::IsMember(names_of(kClippingFormats)));
    show->add_option("PATH", a.path, "Clipping file")->required();
}

}  // namespace

Cli make_cli(CommandLine& args, std::string_view named) {
    Cli cli;
    cli.app = std::make_unique<CLI::App>("revue: full-text search for press clippings");
    CLI::App& app = *cli.app;
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("revue ") + REVUE_VERSION);
    const bool known = std::find(kCommands.begin(), kCommands.end(), named) != kCommands.end();
    const auto build = [&](std::string_view command) { return !known || named == command; };

    cli.index = app.add_subcommand("index", "Index (or update the index of) clipping folders");
    if (build("index")) add_index_flags(cli.index, args.index);
    cli.search = app.add_subcommand("search", "Search the index; exit 0 on a match, 1 on none");
    if (build("search")) add_search_flags(cli.search, args.search);
    cli.show = app.add_subcommand("show", "Print one indexed clipping (PATH or PATH#ARTICLE)");
    if (build("show")) add_show_flags(cli.show, args.show);
    cli.stats = app.add_subcommand("stats", "Print what the index holds");
    if (build("stats")) add_db(cli.stats, args.stats.db);
    return cli;
}

}  // namespace revue
