// The command line's flags: the one table of subcommands and options, each filling a field of
// the app's plain option structs. The completion and the man page (scripts/) list the same
// flags and values; test_flags keeps them equal.
#pragma once

#include <CLI/CLI.hpp>

#include <array>
#include <memory>
#include <string_view>

#include "revue/app/args.hpp"

namespace revue {

inline constexpr std::array<std::string_view, 4> kCommands = {"index", "search", "show", "stats"};

// What the flags fill.
struct CommandLine {
    IndexArgs index;
    SearchArgs search;
    ShowArgs show;
    StatsArgs stats;
};

struct Cli {
    std::unique_ptr<CLI::App> app;
    CLI::App* index = nullptr;
    CLI::App* search = nullptr;
    CLI::App* show = nullptr;
    CLI::App* stats = nullptr;
};

// The parser for the given command line. CLI11 builds every option it is given, validators and
// all, before it reads one: only the subcommand the command line names (`named`) gets its
// options (a quarter of a millisecond of a 12 ms search); with no known name, all of them are
// built, for CLI11's own messages and --help.
Cli make_cli(CommandLine& args, std::string_view named = {});

}  // namespace revue
