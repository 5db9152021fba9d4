// The CLI's flags against the completion and the man page, what they fill, and --version.
#include "revue/cli/flags.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "revue/analysis/language.hpp"
#include "revue/app/search_config.hpp"
#include "revue/core/names.hpp"
#include "revue/output/clipping_printer.hpp"
#include "revue/output/printer.hpp"
#include "revue/search/request.hpp"
#include "script_options.hpp"
#include "support.hpp"

using namespace revue;
using Names = std::set<std::string>;

namespace {

std::string source_file(const std::string& relative) {
    return revue::testing::read_bytes(std::string(REVUE_SOURCE_DIR) + "/" + relative);
}

const revue::testing::Completion& completion() {
    static const auto c =
        revue::testing::read_completion(source_file("scripts/revue.bash-completion"));
    return c;
}

const revue::testing::ManPage& man_page() {
    static const auto page = revue::testing::read_man_page(source_file("scripts/revue.1.in"));
    return page;
}

std::map<std::string, const CLI::App*> commands(const Cli& cli) {
    return {{"index", cli.index}, {"search", cli.search}, {"show", cli.show}, {"stats", cli.stats}};
}

// "--limit", "-n", …: every name of the command's options; with `valued`, of the options that
// take a value only (not flags).
Names option_names(const CLI::App* app, bool valued = false) {
    Names names;
    for (const CLI::Option* option : app->get_options()) {
        if (valued && option->get_items_expected_max() == 0) continue;
        for (const auto& l : option->get_lnames()) names.insert("--" + l);
        for (const auto& s : option->get_snames()) names.insert("-" + s);
    }
    return names;
}

// The options whose values come from a table, with the table's names.
const std::map<revue::testing::OptionKey, std::vector<std::string>>& value_tables() {
    static const std::map<revue::testing::OptionKey, std::vector<std::string>> tables = {
        {{"search", "--format"}, names_of(kOutputFormats)},
        {{"search", "--sort"}, names_of(kSortOrders)},
        {{"search", "--facet"}, names_of(kFacets)},
        {{"search", "--color"}, names_of(kColorModes)},
        {{"search", "--lang"}, names_of(kLanguages)},
        {{"show", "--format"}, names_of(kClippingFormats)},
    };
    return tables;
}

// What the man page says of a command: its synopsis and its section (SEARCH OPTIONS, …).
std::vector<revue::testing::Line> man_scope(const std::string& command) {
    const auto& page = man_page();
    std::vector<revue::testing::Line> lines;
    const auto add = [&](const std::map<std::string, std::vector<revue::testing::Line>>& from,
                         const std::string& key) {
        const auto it = from.find(key);
        if (it != from.end()) lines.insert(lines.end(), it->second.begin(), it->second.end());
    };
    add(page.synopsis, command);
    std::string upper;
    for (const char c : command) upper += static_cast<char>(std::toupper(c));
    add(page.sections, upper + " OPTIONS");
    return lines;
}

void parse(const Cli& cli, std::vector<const char*> argv) {
    argv.insert(argv.begin(), "revue");
    cli.app->parse(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("make_cli builds every command, or the one named", "[flags]") {
    CommandLine args;
    const Cli all = make_cli(args);
    for (const auto& [name, app] : commands(all)) {
        INFO(name);
        REQUIRE(app != nullptr);
        CHECK(app->get_name() == name);
        CHECK(option_names(app).count("--db") == 1);
        CHECK(option_names(app).count("--help") == 1);
    }
    CHECK(commands(all).size() == kCommands.size());
    // Named, the others are left bare: their help only.
    const Cli search = make_cli(args, "search");
    CHECK(option_names(search.search) == option_names(all.search));
    CHECK(option_names(search.index) == Names{"-h", "--help"});
    CHECK(option_names(search.show) == Names{"-h", "--help"});
    // An unknown name builds them all, for CLI11's own messages.
    CHECK(option_names(make_cli(args, "serach").index) == option_names(all.index));
}

TEST_CASE("the completion offers every flag of each command, and only those", "[flags]") {
    CommandLine args;
    const Cli cli = make_cli(args);
    const auto& c = completion();
    CHECK(c.top == option_names(cli.app.get()));
    REQUIRE(c.top.count("--version") == 1);
    for (const auto& [name, app] : commands(cli)) {
        INFO(name);
        const auto offered = c.options.find(name);
        REQUIRE(offered != c.options.end());
        CHECK(offered->second == option_names(app));
        // After an option that takes a value, it offers a value (or nothing), not flags.
        const auto valued = c.valued.find(name);
        REQUIRE(valued != c.valued.end());
        CHECK(valued->second == option_names(app, true));
    }
    CHECK(c.options.size() == kCommands.size());
    CHECK(c.valued.size() == kCommands.size());
}

TEST_CASE("the man page names every flag of each command, and only those", "[flags]") {
    CommandLine args;
    const Cli cli = make_cli(args);
    const auto& page = man_page();
    const Names general = revue::testing::bold_options(page.sections.at("OPTIONS"));
    CHECK(general == option_names(cli.app.get()));
    Names every = general;
    for (const auto& [name, app] : commands(cli)) {
        INFO(name);
        const Names own = option_names(app);
        every.insert(own.begin(), own.end());
        Names named = revue::testing::bold_options(man_scope(name));
        // --help is the general one, which every command takes.
        for (const auto& o : own) {
            CAPTURE(o);
            CHECK((named.count(o) == 1 || general.count(o) == 1));
        }
        for (const auto& o : named) {
            CAPTURE(o);
            CHECK(own.count(o) == 1);
        }
        CHECK_FALSE(named.empty());
    }
    // Nowhere in the page a bold flag that no command has.
    for (const auto& [section, lines] : page.sections) {
        INFO(section);
        for (const auto& o : revue::testing::bold_options(lines)) {
            CAPTURE(o);
            CHECK(every.count(o) == 1);
        }
    }
}

TEST_CASE("the completion and the man page give each table's values", "[flags]") {
    const auto& c = completion();
    for (const auto& [key, names] : value_tables()) {
        INFO(key.first << " " << key.second);
        const auto offered = c.values.find(key);
        REQUIRE(offered != c.values.end());
        CHECK(offered->second == names);
        int lists = 0;
        for (const auto& [option, values] : revue::testing::value_lists(man_scope(key.first))) {
            if (option != key.second) continue;
            CHECK(values == names);
            ++lists;
        }
        CHECK(lists >= 1);
    }
    // No value list for an option without a table.
    for (const auto& [key, values] : c.values) {
        INFO(key.first << " " << key.second);
        CHECK(value_tables().count(key) == 1);
    }
    for (const std::string_view name : kCommands) {
        const std::string command(name);
        for (const auto& [option, values] : revue::testing::value_lists(man_scope(command))) {
            INFO(command << " " << option);
            CHECK(value_tables().count({command, option}) == 1);
        }
    }
}

TEST_CASE("the flags take the tables' names and nothing else", "[flags]") {
    for (const auto& [key, names] : value_tables()) {
        INFO(key.first << " " << key.second);
        for (const auto& value : names) {
            CommandLine args;
            const Cli cli = make_cli(args, key.first);
            CHECK_NOTHROW(parse(cli, {key.first.c_str(), key.second.c_str(), value.c_str(), "x"}));
        }
        CommandLine args;
        const Cli cli = make_cli(args, key.first);
        CHECK_THROWS_AS(parse(cli, {key.first.c_str(), key.second.c_str(), "nonesuch", "x"}),
                        CLI::ValidationError);
    }
}

TEST_CASE("the flags fill the commands' option structs", "[flags]") {
    CommandLine args;
    const Cli cli = make_cli(args, "search");
    parse(cli, {"search",
                "--db",
                "/i",
                "-n",
                "5",
                "--offset",
                "2",
                "--format",
                "json",
                "-l",
                "-c",
                "-0",
                "--sort",
                "-date",
                "--since",
                "2024",
                "--until",
                "2024-03",
                "--facet",
                "source,year",
                "--facet",
                "lang",
                "--no-collapse",
                "--summary",
                "--color",
                "never",
                "--lang",
                "en",
                "--snippet-chars",
                "80",
                "--no-snippet",
                "Mistral",
                "AND",
                "Azure"});
    const SearchArgs& s = args.search;
    CHECK(s.db == "/i");
    CHECK(s.limit == 5);
    CHECK(s.offset == 2);
    CHECK(s.format == "json");
    CHECK(s.paths);
    CHECK(s.count);
    CHECK(s.null_end);
    CHECK(s.sort == "-date");
    CHECK(s.since == "2024");
    CHECK(s.until == "2024-03");
    CHECK(s.facets == std::vector<std::string>{"source", "year", "lang"});
    CHECK(s.no_collapse);
    CHECK(s.summary);
    CHECK_FALSE(s.batch);
    CHECK(s.color == "never");
    CHECK(s.lang == "en");
    CHECK(s.snippet_chars == 80);
    CHECK(s.no_snippet);
    CHECK(s.words == std::vector<std::string>{"Mistral", "AND", "Azure"});
    CHECK(cli.search->parsed());

    CommandLine more;
    const Cli index = make_cli(more, "index");
    parse(index, {"index", "-j", "3", "--max-size", "2MB", "-q", "a", "b"});
    CHECK(more.index.jobs == 3);
    CHECK(more.index.max_size == 2u * 1024 * 1024);  // as the default, 50MB, counts
    CHECK(more.index.quiet);
    CHECK_FALSE(more.index.verbose);
    CHECK(more.index.folders == std::vector<std::string>{"a", "b"});
    CommandLine show;
    const Cli shown = make_cli(show, "show");
    parse(shown, {"show", "--format", "json", "/c/a.html#2"});
    CHECK(show.show.format == "json");
    CHECK(show.show.path == "/c/a.html#2");
    // The defaults are the option structs' own.
    CommandLine defaults;
    const Cli plain = make_cli(defaults, "search");
    parse(plain, {"search", "mistral"});
    CHECK(defaults.search.limit == SearchArgs().limit);
    CHECK(defaults.search.format == SearchArgs().format);
    CHECK(defaults.search.sort == SearchArgs().sort);
    CHECK(defaults.search.color == SearchArgs().color);
}

TEST_CASE("the version flag prints the project's version", "[flags]") {
    std::smatch m;
    const std::string cmake = source_file("CMakeLists.txt");
    REQUIRE(std::regex_search(cmake, m, std::regex("project\\(\\s*revue\\s+VERSION\\s+([0-9.]+)")));
    const std::string version = m[1];
    CommandLine args;
    const Cli cli = make_cli(args);
    std::ostringstream out;
    std::ostringstream err;
    try {
        parse(cli, {"--version"});
        FAIL("--version did not stop the parse");
    } catch (const CLI::CallForVersion& e) {
        CHECK(cli.app->exit(e, out, err) == 0);
    }
    CHECK(out.str() == "revue " + version + "\n");
    CHECK(err.str().empty());
    // The man page takes its version from CMake, not from a copy of its own.
    CHECK_THAT(man_page().title, Catch::Contains("\"revue @PROJECT_VERSION@\""));
}
