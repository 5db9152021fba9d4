// The revue command line: parses flags into plain option structs, then hands them to the
// library (indexer, searcher, printers). Errors are caught here, once: one line, exit 2.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "revue/batch.hpp"
#include "revue/folder_walker.hpp"
#include "revue/icu_data.hpp"
#include "revue/indexer.hpp"
#include "revue/printer.hpp"
#include "revue/query.hpp"
#include "revue/reader_module.hpp"
#include "revue/searcher.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kMatched = 0;
constexpr int kNoMatch = 1;
constexpr int kError = 2;

struct CommonOptions {
    std::string db;
};

struct IndexOptions {
    std::vector<std::string> folders;
    bool quiet = false;
    bool verbose = false;
    std::uintmax_t max_size = 50 * 1024 * 1024;
    unsigned jobs = 0;
};

struct SearchOptions {
    std::vector<std::string> words;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::string format = "text";
    std::string color = "auto";
    std::string lang;
    std::string sort = "relevance";
    std::string since;
    std::string until;
    std::vector<std::string> facets;
    bool paths = false;
    bool count = false;
    bool null_end = false;
    bool summary = false;
    bool batch = false;
    bool no_collapse = false;
    std::size_t snippet_chars = 200;
    bool no_snippet = false;
};

struct ShowOptions {
    std::string path;
    std::string format = "text";
};

// --db, else $REVUE_DB, else $XDG_DATA_HOME/revue/index, else ~/.local/share/revue/index.
fs::path index_path(const CommonOptions& common) {
    if (!common.db.empty()) return common.db;
    if (const char* env = std::getenv("REVUE_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return fs::path(xdg) / "revue" / "index";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "revue" / "index";
    throw std::runtime_error("no index path: pass --db PATH or set REVUE_DB");
}

// Names a user reads on a terminal: control characters and bytes that are not UTF-8 are
// shown escaped, as the text printer shows them.
std::string printable(std::string_view s) {
    return revue::escape_field(s);
}

// A write to a closed pipe (revue search | head) ends quietly with success, as grep does.
int finish_output(int status) {
    std::cout.flush();
    if (!std::cout) {
        if (errno == EPIPE) return kMatched;
        throw std::runtime_error(std::string("cannot write output: ") + std::strerror(errno));
    }
    return status;
}

// A process that only read the index ends as soon as its output is out: the kernel takes back
// the heap, the maps and the files at once, where destructors would free them piece by piece
// (0.4 ms of a 12 ms search). Nothing is left to write.
[[noreturn]] void end_process(int status) {
    std::cout.flush();
    std::fflush(nullptr);
    std::_Exit(status);
}

// Ctrl-C and SIGTERM ask the index run to commit what it has done and stop.
volatile std::sig_atomic_t g_stop = 0;
extern "C" void request_stop(int) {
    g_stop = 1;
}
constexpr int kInterrupted = 130;

// "1m05s", "42s": the time left, as a progress line shows it.
std::string duration_text(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    if (s >= 3600) return std::to_string(s / 3600) + "h" + std::to_string(s % 3600 / 60) + "m";
    if (s >= 60)
        return std::to_string(s / 60) + "m" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) +
               "s";
    return std::to_string(s) + "s";
}

int run_index(const CommonOptions& common, const IndexOptions& options) {
    std::vector<fs::path> roots(options.folders.begin(), options.folders.end());
    revue::IndexOptions config;
    config.max_size = options.max_size;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    config.stop_requested = [] { return g_stop != 0; };
    // A live line on a terminal; nothing when stderr is a file or a pipe.
    const bool progress = !options.quiet && !options.verbose && ::isatty(STDERR_FILENO);
    const auto started = std::chrono::steady_clock::now();
    if (progress) {
        config.on_progress = [&](const revue::IndexProgress& p) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            const double rate = seconds > 0 ? p.bytes_done / seconds : 0.0;
            std::string left = "";
            if (rate > 0 && p.bytes_done > 0 && p.bytes_total > p.bytes_done)
                left = ", " + duration_text((p.bytes_total - p.bytes_done) / rate) + " left";
            std::fprintf(stderr, "\r\x1b[K%ju/%ju files, %.1f MB/s%s", p.files_done, p.files_total,
                         rate / 1e6, left.c_str());
        };
    }
    if (options.verbose) {
        config.on_file = [](const fs::path& path, std::uintmax_t) {
            std::cerr << printable(path.string()) << '\n';
        };
    }
    config.on_warning = [&](const fs::path& path, const std::string& reason) {
        std::cerr << (progress ? "\r\x1b[K" : "") << "revue: warning: " << printable(path.string())
                  << ": skipped: " << reason << '\n';
    };
    const auto module = revue::ReaderModule::load();
    revue::Indexer indexer(
        index_path(common),
        [&module](const fs::path& path, std::string_view bytes) {
            return module.read(path, bytes);
        },
        options.jobs);
    const auto report = indexer.index(roots, config);
    if (progress) std::cerr << "\r\x1b[K";
    std::cerr << "revue: " << report.summary() << '\n';
    return report.interrupted ? kInterrupted : kMatched;
}

bool use_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

std::string join_words(const std::vector<std::string>& words) {
    std::string query;
    for (const auto& word : words) query += (query.empty() ? "" : " ") + word;
    return query;
}

// Validated once: the search options as the searcher and the printers want them.
struct SearchConfig {
    revue::SearchRequest request;
    revue::OutputFormat format = revue::OutputFormat::text;
    revue::PrinterOptions printer;
    bool count = false;
    bool summary = false;
};

SearchConfig search_config(const SearchOptions& options) {
    SearchConfig config;
    auto& r = config.request;
    r.query = join_words(options.words);
    r.limit = static_cast<Xapian::doccount>(options.limit);
    r.offset = static_cast<Xapian::doccount>(options.offset);
    r.sort = revue::sort_order_from_name(options.sort);
    r.collapse = !options.no_collapse;
    for (const auto& facet : options.facets) r.facets.push_back(revue::facet_from_name(facet));
    if (!options.lang.empty()) r.filter.language = revue::language_from_code(options.lang);
    r.filter.since = options.since;
    r.filter.until = options.until;
    if (!options.since.empty() || !options.until.empty()) {
        try {
            revue::date_range(options.since, options.until);  // a bad date fails before any search
        } catch (const revue::QueryError& e) {
            throw revue::QueryError(std::string("--since/--until: ") + e.what());
        }
    }
    config.format =
        options.paths ? revue::OutputFormat::paths : revue::output_format_from_name(options.format);
    config.count = options.count;
    config.summary = options.summary;
    // Suggestions go where someone reads them: stderr in text mode, or the JSON summary.
    const bool has_summary = options.summary || !options.facets.empty();
    r.filter.spelling = config.format == revue::OutputFormat::text || has_summary;
    r.exact_total = options.summary;
    r.snippets = !options.no_snippet && (config.format == revue::OutputFormat::text ||
                                         config.format == revue::OutputFormat::json);
    r.snippet_chars = options.snippet_chars;
    config.printer.color = use_color(options.color);
    config.printer.null_end = options.null_end;
    return config;
}

revue::Summary summary_of(const revue::SearchResult& result, double elapsed_ms) {
    revue::Summary summary;
    summary.total = result.total;
    summary.elapsed_ms = elapsed_ms;
    summary.suggestion = result.suggestion;
    for (const auto& [facet, counts] : result.facets) {
        revue::FacetCounts f;
        f.facet = std::string(revue::facet_name(facet));
        for (const auto& c : counts) f.counts.emplace_back(c.value, c.count);
        summary.facets.push_back(std::move(f));
    }
    return summary;
}

// Prints one query's answer through the printer; returns whether anything matched.
bool answer(const SearchConfig& config, revue::Printer& printer, const revue::Answer& found) {
    if (config.count) {
        std::cout << found.count << '\n';
        return found.count > 0;
    }
    const auto& result = found.result;
    for (const auto& hit : result.hits) printer.hit(hit);
    if (config.summary || !config.request.facets.empty())
        printer.summary(summary_of(result, found.elapsed_ms));
    if (!result.suggestion.empty() && config.format == revue::OutputFormat::text) {
        std::cerr << "revue: did you mean: " << result.suggestion << "?\n";
    }
    return result.total > 0;
}

int run_search(const CommonOptions& common, const SearchOptions& options) {
    const SearchConfig config = search_config(options);
    const revue::Searcher searcher(index_path(common));
    const auto printer = revue::make_printer(config.format, std::cout, config.printer);
    if (options.batch && !options.words.empty()) {
        throw revue::QueryError("--batch reads its queries from stdin: give no QUERY");
    }
    if (!options.batch) {
        if (config.request.query.empty()) throw revue::QueryError("the query is empty");
        const bool matched =
            answer(config, *printer, revue::answer_query(searcher, config.request, config.count));
        printer->finish();
        end_process(finish_output(matched ? kMatched : kNoMatch));
    }
    // --batch: one query per line of stdin, answered on every core, printed in input order
    // exactly as one by one.
    bool matched = false;
    bool failed = false;
    revue::BatchOptions batch;
    batch.request = config.request;
    batch.count = config.count;
    revue::run_batch(index_path(common), std::cin, batch, [&](revue::BatchAnswer& line) {
        // --count answers each query with one number per line, without a header.
        if (!config.count) printer->begin_query(line.query);
        if (line.failure) std::rethrow_exception(line.failure);
        if (line.error) {
            std::cerr << "revue: line " << line.line << ": " << *line.error << '\n';
            failed = true;
        } else {
            matched = answer(config, *printer, line.answer) || matched;
        }
        return static_cast<bool>(std::cout);
    });
    printer->finish();
    end_process(finish_output(failed ? kError : matched ? kMatched : kNoMatch));
}

void print_clipping(const revue::Clipping& c) {
    const auto field = [](std::string_view name, const std::string& value) {
        if (!value.empty()) std::cout << name << ": " << value << '\n';
    };
    field("path", printable(c.path));
    field("article", std::to_string(c.article));
    field("source", c.source);
    field("title", c.title);
    field("deck", c.deck);
    field("author", c.author);
    field("date", c.date);
    field("lang", c.lang);
    field("country", c.country);
    std::string tags;
    for (const auto& t : c.tags) tags += (tags.empty() ? "" : ", ") + t;
    field("tags", tags);
    std::cout << '\n' << c.body << '\n';
    if (!c.caption.empty()) std::cout << "\ncaption: " << c.caption << '\n';
}

nlohmann::json clipping_json(const revue::Clipping& c) {
    return {{"type", "clipping"},
            {"path", c.path},
            {"article", c.article},
            {"source", c.source},
            {"title", c.title},
            {"deck", c.deck},
            {"author", c.author},
            {"date", c.date.empty() ? nlohmann::json() : nlohmann::json(c.date)},
            {"lang", c.lang},
            {"country", c.country},
            {"tags", c.tags},
            {"body", c.body},
            {"caption", c.caption}};
}

int run_show(const CommonOptions& common, const ShowOptions& options) {
    // PATH#N names one article of a file holding several.
    std::string path = options.path;
    int article = 0;
    if (const auto hash = path.rfind('#');
        hash != std::string::npos && hash + 1 < path.size() &&
        path.find_first_not_of("0123456789", hash + 1) == std::string::npos) {
        article = std::stoi(path.substr(hash + 1));
        path.erase(hash);
    }
    const revue::Searcher searcher(index_path(common));
    const auto clippings = searcher.clippings_of(revue::absolute_path(path).string(), article);
    if (clippings.empty()) {
        std::cerr << "revue: " << printable(options.path)
                  << " is not in the index (see 'revue stats' for the folders it covers)\n";
        return kNoMatch;
    }
    bool first = true;
    for (const auto& c : clippings) {
        if (options.format == "json") {
            std::cout << clipping_json(c).dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace)
                      << '\n';
        } else {
            if (!first) std::cout << "\n---\n\n";
            print_clipping(c);
        }
        first = false;
    }
    return finish_output(kMatched);
}

int run_stats(const CommonOptions& common) {
    const fs::path db = index_path(common);
    const revue::Searcher searcher(db);
    const auto s = searcher.stats();
    std::cout << "index:     " << printable(revue::absolute_path(db).string()) << '\n'
              << "clippings: " << s.clippings << '\n'
              << "terms:     " << s.terms << '\n'
              << "size:      " << s.bytes << " bytes\n";
    for (const auto& folder : s.folders) std::cout << "folder:    " << printable(folder) << '\n';
    return finish_output(kMatched);
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);

    CLI::App app{"revue: full-text search for press clippings"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "revue 0.1.0");
    // CLI11 builds every option it is given, validators and all, before it reads one: only
    // the subcommand the command line names gets its options (a quarter of a millisecond of a
    // 12 ms search). The others are listed by name, for the help; when no subcommand is named,
    // all of them are built, for CLI11's own messages.
    constexpr std::string_view kCommands[] = {"index", "search", "show", "stats"};
    const std::string_view named = argc > 1 ? argv[1] : "";
    const bool known =
        std::find(std::begin(kCommands), std::end(kCommands), named) != std::end(kCommands);
    const auto build = [&](std::string_view command) { return !known || named == command; };
    CommonOptions common;
    const auto add_db = [&](CLI::App* cmd) {
        cmd->add_option("--db", common.db,
                        "Index folder (default: $REVUE_DB, else "
                        "$XDG_DATA_HOME/revue/index)");
    };

    IndexOptions index_options;
    auto* index = app.add_subcommand("index", "Index (or update the index of) clipping folders");
    if (build("index")) {
        add_db(index);
        index
            ->add_option("--max-size", index_options.max_size,
                         "Skip larger files (bytes, or 50MB, 2GB)")
            ->transform(CLI::AsSizeValue(false));
        index->add_flag("-q,--quiet", index_options.quiet, "Only the summary line (and warnings)");
        index->add_flag("-v,--verbose", index_options.verbose, "Name each file as it is read");
        index
            ->add_option("-j,--jobs", index_options.jobs,
                         "Threads (default: one per core), each writing a shard merged at the end")
            ->check(CLI::Range(1u, 64u));
        index->add_option("DIR", index_options.folders, "Folders to index")->required();
    }

    SearchOptions search_options;
    auto* search = app.add_subcommand("search", "Search the index; exit 0 on a match, 1 on none");
    if (build("search")) {
        add_db(search);
        search->add_option("-n,--limit", search_options.limit, "Number of hits (0: all)")
            ->check(CLI::NonNegativeNumber);
        search->add_option("--offset", search_options.offset, "Skip the first K hits")
            ->check(CLI::NonNegativeNumber);
        search->add_option("--format", search_options.format, "text, json, tsv or paths")
            ->check(CLI::IsMember({"text", "json", "tsv", "paths"}));
        search->add_flag("-l,--files", search_options.paths, "Same as --format paths");
        search->add_flag("-c,--count", search_options.count,
                         "Print the number of matching articles");
        search->add_flag("-0,--null", search_options.null_end,
                         "End paths with NUL (--format paths)");
        search->add_option("--sort", search_options.sort, "relevance, date or -date")
            ->check(CLI::IsMember({"relevance", "date", "-date"}));
        search->add_option("--since", search_options.since,
                           "Clippings dated from (YYYY[-MM[-DD]])");
        search->add_option("--until", search_options.until,
                           "Clippings dated until (YYYY[-MM[-DD]])");
        // One value per --facet (or a comma list): the QUERY words that follow stay query words.
        search
            ->add_option("--facet", search_options.facets,
                         "Count hits per source, year, author or lang")
            ->allow_extra_args(false)
            ->delimiter(',')
            ->check(CLI::IsMember({"source", "year", "author", "lang"}));
        search->add_flag("--no-collapse", search_options.no_collapse, "Show every copy of a text");
        search->add_flag("--summary", search_options.summary,
                         "End with a summary (total, time, facets)");
        search->add_flag("--batch", search_options.batch, "Read one query per line from stdin");
        search->add_option("--color", search_options.color, "auto, always or never")
            ->check(CLI::IsMember({"auto", "always", "never"}));
        search
            ->add_option("--lang", search_options.lang, "Only clippings in this language (fr, en)")
            ->check(CLI::IsMember({"fr", "en"}));
        search->add_option("--snippet-chars", search_options.snippet_chars, "Snippet length")
            ->check(CLI::PositiveNumber);
        search->add_flag("--no-snippet", search_options.no_snippet, "No snippets (fastest)");
        search->add_option("QUERY", search_options.words, "Query words (none with --batch)");
    }

    ShowOptions show_options;
    auto* show = app.add_subcommand("show", "Print one indexed clipping (PATH or PATH#ARTICLE)");
    if (build("show")) {
        add_db(show);
        show->add_option("--format", show_options.format, "text or json")
            ->check(CLI::IsMember({"text", "json"}));
        show->add_option("PATH", show_options.path, "Clipping file")->required();
    }

    auto* stats = app.add_subcommand("stats", "Print what the index holds");
    if (build("stats")) add_db(stats);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "revue: " << e.what() << " (see 'revue --help')\n";
        return kError;
    }

    // Unsynchronised streams buffer on their own, for a batch's thousands of lines; a single
    // search writes a few lines, and their buffers would only cost memory to set up.
    if (search_options.batch) std::ios::sync_with_stdio(false);
    try {
        revue::load_icu_data();
        if (*index) return run_index(common, index_options);
        if (*search) return run_search(common, search_options);
        if (*show) return run_show(common, show_options);
        if (*stats) return run_stats(common);
    } catch (const std::exception& e) {
        std::cerr << "revue: error: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "revue: error: " << e.get_description() << '\n';
    }
    return kError;
}
