#include <catch2/catch.hpp>

#include "revue/query.hpp"

using namespace revue;

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

TEST_CASE("malformed queries are errors that say what is wrong", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    CHECK_THROWS_WITH(parse_query("\"open source", db), Catch::Contains("not closed"));
    CHECK_THROWS_AS(parse_query("", db), QueryError);
    CHECK_THROWS_AS(parse_query("   ", db), QueryError);
}

TEST_CASE("a query is matched per language, with stems and exact words", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const auto parsed = parse_query("Développés", db);
    const auto description = parsed.query.get_description();
    CHECK(description.find("Lfr") != std::string::npos);
    CHECK(description.find("Len") != std::string::npos);
    const auto& fr = parsed.highlights.at(Language::french);
    CHECK(fr.terms.count("developpes") == 1);
    CHECK(fr.stems.count(analyzer_for(Language::french).stem("developpes")) == 1);

    const auto only_en =
        parse_query("regulators", db, QueryOptions{Language::english, "", "", false});
    CHECK(only_en.highlights.count(Language::french) == 0);
    CHECK(only_en.query.get_description().find("Lfr") == std::string::npos);
}
