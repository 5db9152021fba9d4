// What users type: words in their index form, malformed queries named, dates as ranges.
#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>
#include <vector>

#include "revue/analysis/analyzer.hpp"
#include "revue/core/errors.hpp"
#include "revue/search/query.hpp"
#include "revue/search/query_dates.hpp"
#include "revue/search/query_rewrite.hpp"
#include "search_fixtures.hpp"

using namespace revue;
using revue::testing::add;
using revue::testing::found;
using revue::testing::memory_db;
using revue::testing::request;
using Docs = std::vector<Xapian::docid>;

TEST_CASE("query words are rewritten to their index form, syntax kept", "[query]") {
    const Analyzer& fr = analyzer_for(Language::french);
    struct Row {
        const char* typed;
        const char* rewritten;
    };
    const Row rows[] = {
        {"Azure", "azure"},
        {"FRANÇAIS", "francais"},
        {"\"l’intelligence artificielle\"", "\"    intelligence artificielle\""},
        {"Azure AND Mistral", "azure AND mistral"},
        {"Azure ET Mistral", "azure AND mistral"},
        {"Azure OU Mistral", "azure OR mistral"},
        {"Azure SAUF Mistral", "azure NOT mistral"},
        {"-Azure +cœur", "-azure +coeur"},
        {"title:Azure", "title:azure"},
        {"azur*", "azur*"},
        {"(a OR b)", "(a OR b)"},
    };
    for (const auto& row : rows) {
        INFO(row.typed);
        CHECK(rewrite_query(row.typed, fr) == row.rewritten);
    }
}

TEST_CASE("misplaced operators and empty fields are errors naming the place", "[query]") {
    auto db = memory_db();
    struct Row {
        const char* typed;
        const char* message;
    };
    const Row rows[] = {
        {"\"open source", "bad query: the phrase opened at character 1 is not closed"},
        {"cœur \"open source", "the phrase opened at character 6 is not closed"},
        {"AND", "'AND' at character 1 has nothing before it"},
        {"azure AND", "'AND' at character 7 has nothing after it"},
        {"azure OR OR mistral", "'OR' at character 7 has nothing after it"},
        {"(ET azure)", "'ET' at character 2 has nothing before it"},
        {"azure OU", "'OU' at character 7 has nothing after it"},
        {"NOT", "'NOT' at character 1 has nothing after it"},
        {"azure SAUF", "'SAUF' at character 7 has nothing after it"},
        {"NEAR azure", "'NEAR' at character 1 needs one word on each side"},
        {"mistral NEAR", "'NEAR' at character 9 needs one word on each side"},
        {"(a b) NEAR azure", "'NEAR' at character 7 needs one word on each side"},
        {"mistral NEAR \"open source\"", "needs one word on each side"},
        {"mistral NEAR/x azure", "'NEAR/x' at character 9 takes a number"},
        {"title:", "'title:' at character 1 has nothing after it (e.g. title:mistral)"},
        {"azure source:", "'source:' at character 7 has nothing after it (e.g. source:echos)"},
        {"titre: mistral", "'titre:' at character 1 has nothing after it"},
        {"date:", "'date:' at character 1 has nothing after it (e.g. date:2024-02..2024-03)"},
        {"-azure",
         "'-azure' at character 1 only excludes: add a word to search for, or write "
         "NOT azure"},
        {"-azure OR mistral", "bad query: its operators do not fit together"},
        {"date:2024-13-45..", "bad date '2024-13-45'"},
        {"date:2023-02-29", "bad date '2023-02-29'"},
        {"date:2024-03..2024-02", "bad date range: 2024-03 is after 2024-02"},
    };
    for (const auto& row : rows) {
        INFO(row.typed);
        CHECK_THROWS_AS(parse_query(request(row.typed), db), BadQuery);
        CHECK_THROWS_WITH(parse_query(request(row.typed), db), Catch::Contains(row.message));
    }
}

TEST_CASE("well placed operators are no errors", "[query]") {
    auto db = memory_db();
    const char* const good[] = {"azure AND mistral",
                                "azure AND NOT mistral",
                                "NOT azure",
                                "azure OR NOT mistral",
                                "(azure OR aws) cloud",
                                "mistral NEAR azure",
                                "mistral NEAR/3 azure",
                                "-azure mistral",
                                "+azure",
                                "title:mistral NEAR azure",
                                "source:\"le monde\"",
                                "start-up",
                                "date:2024-02..",
                                "(date:2024-02-01..2024-02-29)",
                                "date:..2024",
                                "date:2024",
                                "azure AND (NOT mistral)",
                                "Et ou sauf near"};
    for (const char* query : good) {
        INFO(query);
        CHECK_NOTHROW(parse_query(request(query), db));
    }
}

TEST_CASE("the operators find what they say", "[query]") {
    auto db = memory_db();
    const auto both = add(db, "fr", "Mistral arrive sur Azure");
    const auto mistral = add(db, "fr", "Mistral lève des fonds");
    const auto azure = add(db, "fr", "Azure ouvre une région");
    const auto far = add(db, "fr",
                         "Mistral vent nuage cercle géant accord pointe secteur marché "
                         "bourse usine chantier région métropole gare Azure");
    const auto finds = [&](const char* query) {
        Docs docs = found(db, parse_query(request(query), db).query);
        std::sort(docs.begin(), docs.end());
        return docs;
    };
    CHECK(finds("mistral azure") == Docs{both, far});
    CHECK(finds("mistral ET azure") == Docs{both, far});
    CHECK(finds("mistral OU azure") == Docs{both, mistral, azure, far});
    CHECK(finds("mistral SAUF azure") == Docs{mistral});
    CHECK(finds("NOT mistral") == Docs{azure});
    CHECK(finds("mistral NEAR azure") == Docs{both});
    CHECK(finds("\"mistral arrive\"") == Docs{both});
    CHECK(finds("\"arrive mistral\"").empty());
}

TEST_CASE("a single date is the range of that day, month or year", "[query]") {
    const Analyzer& fr = analyzer_for(Language::french);
    CHECK(rewrite_query("date:2024", fr) == "date:2024..2024");
    CHECK(rewrite_query("date:2024-02 azure", fr) == "date:2024-02..2024-02 azure");
    CHECK(rewrite_query("(date:2024-02-01..2024-02-29)", fr) == "(date:2024-02-01..2024-02-29)");
    CHECK(rewrite_query("date:..2024", fr) == "date:..2024");
}

TEST_CASE("date bounds select the clippings dated between them, both included", "[query]") {
    auto db = memory_db();
    const auto eve = add(db, "fr", "bilan", "2023-12-31");
    const auto new_year = add(db, "fr", "voeux", "2024-01-01");
    const auto leap = add(db, "fr", "bissextile", "2024-02-29");
    const auto march = add(db, "fr", "printemps", "2024-03-01");
    add(db, "fr", "sans date");
    const auto in = [&](const char* from, const char* to) {
        Docs docs = found(db, date_range(from, to));
        std::sort(docs.begin(), docs.end());
        return docs;
    };
    CHECK(in("2024", "") == Docs{new_year, leap, march});
    CHECK(in("", "2023") == Docs{eve});
    CHECK(in("2024-02", "2024-02") == Docs{leap});
    CHECK(in("2024-01-01", "2024-02-29") == Docs{new_year, leap});
    CHECK(in("2023-12-31", "2023-12-31") == Docs{eve});
    CHECK(in("", "") == Docs{eve, new_year, leap, march});  // every dated clipping
    // The same ranges in the query's own syntax.
    const auto by_query = [&](const char* query) {
        Docs docs = found(db, parse_query(request(query), db).query);
        std::sort(docs.begin(), docs.end());
        return docs;
    };
    CHECK(by_query("date:2024-02") == Docs{leap});
    CHECK(by_query("date:..2023") == Docs{eve});
    for (const auto& [from, to] :
         std::vector<std::pair<const char*, const char*>>{{"2024-02-30", ""},
                                                          {"", "2023-02-29"},
                                                          {"24", ""},
                                                          {"2024-3", ""},
                                                          {"2024/03", ""},
                                                          {"2024-03", "2024-02"}}) {
        INFO(from << ".." << to);
        CHECK_THROWS_AS(date_range(from, to), BadQuery);
    }
}
