// The searcher's other answers: exact counts, spelling, a file's clippings, stats, no index.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "newsroom.hpp"
#include "revue/core/errors.hpp"
#include "revue/search/searcher.hpp"

namespace fs = std::filesystem;
using namespace revue;
using namespace revue::testing;

TEST_CASE("count() is the number of matching articles, copies included", "[searcher]") {
    struct Row {
        const char* query;
        Xapian::doccount matches;
        const char* since = "";
        std::optional<Language> language = std::nullopt;
    };
    const Row rows[] = {
        {"téléphérique", 3},
        {"Grenoble", 5},
        {"neige", 6},
        {"avalanche", 4},
        {"neige OR avalanche", 10},
        {"zzzinconnu", 0},
        {"year:2024", 13},
        {"title:bulletin", 6},
        {"neige", 4, "2024-01-11"},
        {"Grenoble", 1, "", Language::english},
        {"Grenoble NOT téléphérique", 2},
    };
    for (const Row& row : rows) {
        INFO(row.query << " since " << row.since);
        SearchRequest r = ask(row.query);
        r.since = row.since;
        r.language = row.language;
        CHECK(searcher().count(r) == row.matches);
        r.exact_total = true;
        CHECK(searcher().search(r).total == row.matches);
    }
    CHECK_THROWS_AS(searcher().count(ask("mistral AND")), BadQuery);
}

TEST_CASE("a misspelt query that finds little gets the index's spelling", "[searcher]") {
    SearchRequest r = ask("avalanhce");
    CHECK(searcher().search(r).suggestion.empty());  // only when asked
    r.spelling = true;
    const SearchResult result = searcher().search(r);
    CHECK(result.total == 0);
    CHECK(result.suggestion == "avalanche");
    SearchRequest found = ask("neige");
    found.spelling = true;
    CHECK(searcher().search(found).suggestion.empty());  // six matches: nothing to suggest
}

TEST_CASE("clippings_of gives a file's articles in order, or one of them", "[searcher]") {
    const std::string html = (fs::absolute(newsroom().clips) / "meteo-e.html").string();
    const std::vector<Clipping> both = searcher().clippings_of(html);
    REQUIRE(both.size() == 2);
    CHECK(both[0].article == 1);
    CHECK(both[0].author == "Paul Roux");
    CHECK(both[1].article == 2);
    CHECK(both[1].author == "Anne Blanc");
    for (const Clipping& c : both) {
        CHECK(c.path == html);
        CHECK(c.body == kBulletin);  // read whole
        CHECK(c.date == "2024-01-12");
    }
    const std::vector<Clipping> second = searcher().clippings_of(html, 2);
    REQUIRE(second.size() == 1);
    CHECK(second[0].author == "Anne Blanc");
    CHECK(searcher().clippings_of(html, 3).empty());
    CHECK(searcher().clippings_of(html + ".gone").empty());
    const std::string ft = (fs::absolute(newsroom().clips) / "ft-cable-car.md").string();
    const std::vector<Clipping> one = searcher().clippings_of(ft);
    REQUIRE(one.size() == 1);
    CHECK(one[0].source == "Financial Times");
    CHECK(one[0].lang == "en");
}

TEST_CASE("stats() tells what the index holds", "[searcher]") {
    const IndexStats stats = searcher().stats();
    CHECK(stats.clippings == 15);
    CHECK(stats.folders == std::vector<std::string>{fs::absolute(newsroom().clips).string()});
    // The distinct terms and the bytes on disk, counted here another way.
    const Xapian::Database db(newsroom().db.string());
    std::uint64_t terms = 0;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++terms;
    CHECK(stats.terms == terms);
    CHECK(terms > 100);
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(newsroom().db))
        if (entry.is_regular_file()) bytes += entry.file_size();
    CHECK(stats.bytes == bytes);
}

TEST_CASE("a searcher without an index says so", "[searcher]") {
    TempDir t;
    CHECK_THROWS_AS(Searcher(t.path / "none"), NoIndex);
    CHECK_THROWS_WITH(Searcher(t.path / "none"), Catch::Contains("revue index"));
}
