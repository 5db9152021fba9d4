// configure_search turns SearchArgs into the request and printer options; index_path's order.
#include "revue/app/search_config.hpp"

#include <stdlib.h>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "revue/app/index_path.hpp"
#include "revue/core/errors.hpp"

using namespace revue;

namespace {

// Sets (or, with nullptr, removes) an environment variable for the scope, then puts back what
// was there.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = ::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    std::string name_;
    std::optional<std::string> old_;
};

// A search for one word in a named index: what each test then changes.
SearchArgs args_for(const std::string& word = "mistral") {
    SearchArgs a;
    a.db = "/data/index";
    a.words = {word};
    return a;
}

SearchConfig configure(const SearchArgs& a, Terminal terminal = {}) {
    return configure_search(a, terminal);
}

}  // namespace

TEST_CASE("the query is the words joined, with the options passed on", "[search_config]") {
    SearchArgs a = args_for();
    a.words = {"Mistral", "AND", "\"open source\""};
    a.limit = 0;
    a.offset = 7;
    a.snippet_chars = 80;
    a.null_end = true;
    const SearchConfig c = configure(a);
    CHECK(c.db == "/data/index");
    CHECK(c.request.query == "Mistral AND \"open source\"");
    CHECK(c.request.limit == 0);
    CHECK(c.request.offset == 7);
    CHECK(c.request.snippet_chars == 80);
    CHECK(c.printer.null_end);
    CHECK(c.request.collapse);
    CHECK_FALSE(c.request.exact_total);
    CHECK_FALSE(c.count);
    CHECK_FALSE(c.summary);
    CHECK_FALSE(c.batch);
    CHECK_FALSE(c.request.language);
    CHECK(c.request.facets.empty());
    a.no_collapse = true;
    a.summary = true;
    a.count = true;
    const SearchConfig more = configure(a);
    CHECK_FALSE(more.request.collapse);
    CHECK(more.summary);
    CHECK(more.request.exact_total);  // a summary says the exact total
    CHECK(more.count);
}

TEST_CASE("format names, and -l meaning paths", "[search_config]") {
    struct Row {
        const char* format;
        bool paths;
        OutputFormat expected;
    };
    const Row rows[] = {
        {"text", false, OutputFormat::text}, {"json", false, OutputFormat::json},
        {"tsv", false, OutputFormat::tsv},   {"paths", false, OutputFormat::paths},
        {"json", true, OutputFormat::paths}, {"text", true, OutputFormat::paths},
    };
    for (const Row& row : rows) {
        INFO(row.format << (row.paths ? " -l" : ""));
        SearchArgs a = args_for();
        a.format = row.format;
        a.paths = row.paths;
        CHECK(configure(a).format == row.expected);
    }
}

TEST_CASE("names of sort orders, facets and languages", "[search_config]") {
    for (const auto& [name, order] : kSortOrders) {
        SearchArgs a = args_for();
        a.sort = std::string(name);
        CHECK(configure(a).request.sort == order);
    }
    SearchArgs a = args_for();
    a.facets = {"year", "source", "lang", "author"};
    CHECK(configure(a).request.facets ==
          std::vector<Facet>{Facet::year, Facet::source, Facet::lang, Facet::author});
    a.lang = "en";
    CHECK(configure(a).request.language == Language::english);
    a.lang = "fr";
    CHECK(configure(a).request.language == Language::french);
}

TEST_CASE("a name that is not one is a BadOption naming it", "[search_config]") {
    struct Row {
        const char* what;
        void (*set)(SearchArgs&);
        const char* message;
    };
    const Row rows[] = {
        {"format", [](SearchArgs& a) { a.format = "xml"; },
         "unknown format 'xml' (expected text, json, tsv or paths)"},
        {"sort", [](SearchArgs& a) { a.sort = "newest"; },
         "unknown sort 'newest' (expected relevance, date or -date)"},
        {"facet",
         [](SearchArgs& a) {
             a.facets = {"source", "country"};
         },
         "unknown facet 'country' (expected source, year, author or lang)"},
        {"lang", [](SearchArgs& a) { a.lang = "de"; }, "unknown language 'de' (expected fr or en)"},
        {"color", [](SearchArgs& a) { a.color = "sometimes"; },
         "unknown color 'sometimes' (expected auto, always or never)"},
        {"batch", [](SearchArgs& a) { a.batch = true; }, "--batch"},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        SearchArgs a = args_for();
        row.set(a);
        CHECK_THROWS_AS(configure(a), BadOption);
        CHECK_THROWS_WITH(configure(a), Catch::Contains(row.message));
    }
}

TEST_CASE("a batch takes its queries from stdin, and a search without one has a query",
          "[search_config]") {
    SearchArgs batch = args_for();
    batch.words.clear();
    batch.batch = true;
    const SearchConfig c = configure(batch);
    CHECK(c.batch);
    CHECK(c.request.query.empty());
    SearchArgs none = args_for();
    none.words.clear();
    CHECK_THROWS_AS(configure(none), BadQuery);
    CHECK_THROWS_WITH(configure(none), Catch::Contains("empty"));
    none.words = {""};
    CHECK_THROWS_AS(configure(none), BadQuery);
}

TEST_CASE("the dates of --since and --until are checked before any search", "[search_config]") {
    SearchArgs a = args_for();
    a.since = "2024-02";
    a.until = "2024-03-15";
    const SearchConfig c = configure(a);
    CHECK(c.request.since == "2024-02");
    CHECK(c.request.until == "2024-03-15");
    const std::pair<const char*, const char*> bad[] = {
        {"2024-13", ""}, {"", "2023-02-29"}, {"hier", ""}, {"2024-03", "2024-02"}};
    for (const auto& [since, until] : bad) {
        INFO(since << " / " << until);
        a.since = since;
        a.until = until;
        CHECK_THROWS_AS(configure(a), BadQuery);
        CHECK_THROWS_WITH(configure(a), Catch::StartsWith("--since/--until: ") &&
                                            Catch::Contains(*since ? since : until));
    }
}

TEST_CASE("spelling is looked for where someone reads it", "[search_config]") {
    // Text shows it on stderr; the other formats only in a summary (--summary, or facets).
    struct Row {
        const char* format;
        bool paths;
        bool summary;
        bool facet;
        bool spelling;
    };
    const Row rows[] = {
        {"text", false, false, false, true},   {"json", false, false, false, false},
        {"json", false, true, false, true},    {"json", false, false, true, true},
        {"tsv", false, false, false, false},   {"tsv", false, false, true, true},
        {"paths", false, false, false, false}, {"text", true, false, false, false},
        {"text", true, true, false, true},
    };
    for (const Row& row : rows) {
        INFO(row.format << (row.paths ? " -l" : "") << (row.summary ? " --summary" : "")
                        << (row.facet ? " --facet" : ""));
        SearchArgs a = args_for();
        a.format = row.format;
        a.paths = row.paths;
        a.summary = row.summary;
        if (row.facet) a.facets = {"source"};
        CHECK(configure(a).request.spelling == row.spelling);
    }
}

TEST_CASE("snippets only for text and JSON, and not with --no-snippet", "[search_config]") {
    struct Row {
        const char* format;
        bool paths;
        bool no_snippet;
        bool snippets;
    };
    const Row rows[] = {
        {"text", false, false, true},   {"json", false, false, true}, {"tsv", false, false, false},
        {"paths", false, false, false}, {"json", true, false, false}, {"text", false, true, false},
        {"json", false, true, false},
    };
    for (const Row& row : rows) {
        INFO(row.format << (row.paths ? " -l" : "") << (row.no_snippet ? " --no-snippet" : ""));
        SearchArgs a = args_for();
        a.format = row.format;
        a.paths = row.paths;
        a.no_snippet = row.no_snippet;
        CHECK(configure(a).request.snippets == row.snippets);
    }
}

TEST_CASE("colour: auto colours a terminal, unless NO_COLOR", "[search_config]") {
    struct Row {
        const char* color;
        bool tty;
        bool no_color;
        bool colored;
    };
    const Row rows[] = {
        {"auto", true, false, true},   {"auto", false, false, false},
        {"auto", true, true, false},   {"auto", false, true, false},
        {"always", false, true, true}, {"always", true, false, true},
        {"never", true, false, false}, {"never", false, false, false},
    };
    for (const Row& row : rows) {
        INFO(row.color << " tty " << row.tty << " NO_COLOR " << row.no_color);
        SearchArgs a = args_for();
        a.color = row.color;
        CHECK(configure(a, Terminal{row.tty, row.no_color}).printer.color == row.colored);
    }
}

TEST_CASE("the index is --db, else REVUE_DB", "[search_config]") {
    const ScopedEnv db("REVUE_DB", "/env/index");
    SearchArgs a = args_for();
    CHECK(configure(a).db == "/data/index");
    a.db.clear();
    CHECK(configure(a).db == "/env/index");
}

TEST_CASE("index_path: --db, REVUE_DB, XDG_DATA_HOME, then HOME", "[search_config]") {
    const ScopedEnv revue_db("REVUE_DB", "/env/index");
    const ScopedEnv xdg("XDG_DATA_HOME", "/xdg");
    const ScopedEnv home("HOME", "/home/lea");
    CHECK(index_path("/flag/index") == "/flag/index");
    CHECK(index_path("") == "/env/index");
    {
        const ScopedEnv empty("REVUE_DB", "");  // set but empty: as if not set
        CHECK(index_path("") == "/xdg/revue/index");
        const ScopedEnv no_xdg("XDG_DATA_HOME", nullptr);
        CHECK(index_path("") == "/home/lea/.local/share/revue/index");
        CHECK(index_path("relative/index") == "relative/index");
        const ScopedEnv no_home("HOME", nullptr);
        CHECK_THROWS_AS(index_path(""), NoIndex);
        CHECK_THROWS_WITH(index_path(""), Catch::Contains("--db") && Catch::Contains("REVUE_DB"));
        SearchArgs a = args_for();
        a.db.clear();
        CHECK_THROWS_AS(configure(a), NoIndex);
    }
    // Each variable is back as it was.
    CHECK(index_path("") == "/env/index");
}
