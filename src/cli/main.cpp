// The revue command line: flags into the app's option structs, then the app's commands. Errors
// are caught here, once: one line on stderr, exit 2.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "revue/app/commands.hpp"
#include "revue/app/status.hpp"
#include "revue/cli/flags.hpp"
#include "revue/cli/process.hpp"
#include "revue/cli/progress.hpp"
#include "revue/core/errors.hpp"
#include "revue/core/icu_data.hpp"
#include "revue/output/escape.hpp"

namespace revue {
namespace {

int index_command(const IndexArgs& args) {
    catch_stop_signals();
    IndexHooks hooks;
    hooks.stop_requested = stop_requested;
    // A live line on a terminal; nothing when stderr is a file or a pipe.
    const bool live = !args.quiet && !args.verbose && ::isatty(STDERR_FILENO);
    ProgressLine progress(stderr);
    if (live) hooks.on_progress = [&](const IndexProgress& p) { progress.show(p); };
    if (args.verbose) {
        hooks.on_file = [](const std::filesystem::path& path, std::uintmax_t) {
            std::cerr << escape_field(path.string()) << '\n';
        };
    }
    hooks.on_warning = [&](const std::filesystem::path& path, const std::string& reason) {
        if (live) progress.clear();
        std::cerr << warning_line(path, reason) << '\n';
    };
    const IndexReport report = run_index(args, hooks);
    if (live) progress.clear();
    std::cerr << "revue: " << report.summary() << '\n';
    return report.interrupted ? kInterrupted : kMatched;
}

[[noreturn]] void search_command(const SearchArgs& args) {
    const char* no_color = std::getenv("NO_COLOR");
    const Terminal terminal{::isatty(STDOUT_FILENO) != 0, no_color != nullptr && *no_color};
    const SearchConfig config = configure_search(args, terminal);
    // Unsynchronised streams buffer on their own, for a batch's thousands of lines; a single
    // search writes a few lines, and their buffers would only cost memory to set up.
    if (config.batch) std::ios::sync_with_stdio(false);
    end_process(finish_output(run_search(config, std::cin, std::cout, std::cerr)));
}

}  // namespace
}  // namespace revue

int main(int argc, char** argv) {
    using namespace revue;
    std::signal(SIGPIPE, SIG_IGN);
    CommandLine args;
    const Cli cli = make_cli(args, argc > 1 ? argv[1] : "");
    try {
        cli.app->parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.app->exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return cli.app->exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.app->exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "revue: " << e.what() << " (see 'revue --help')\n";
        return kFailed;
    }
    try {
        load_icu_data();
        if (*cli.index) return index_command(args.index);
        if (*cli.search) search_command(args.search);
        if (*cli.show) return finish_output(run_show(args.show, std::cout, std::cerr));
        if (*cli.stats) return finish_output(run_stats(args.stats, std::cout));
    } catch (const std::exception& e) {
        std::cerr << "revue: error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "revue: error: an unexpected failure; please report it\n";
    }
    return kFailed;
}
