#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

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

namespace {

Xapian::Document clipping_doc(const std::string& lang, const std::vector<std::string>& words) {
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    for (const auto& w : words) doc.add_posting(w, ++pos);
    doc.add_boolean_term("L" + lang);
    return doc;
}

bool holds(const Xapian::Query& query, const std::string& term) {
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t)
        if (*t == term) return true;
    return false;
}

}  // namespace

TEST_CASE("a query is matched per language, with stems and exact words", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(clipping_doc("fr", {"regulateurs"}));
    db.add_document(clipping_doc("en", {"regulators"}));
    const auto parsed = parse_query("Regulators", db);
    // The French and English stems differ: one filtered branch each.
    REQUIRE(analyzer_for(Language::french).stem("regulators") !=
            analyzer_for(Language::english).stem("regulators"));
    CHECK(holds(parsed.query, "Lfr"));
    CHECK(holds(parsed.query, "Len"));
    const auto& fr = parsed.highlights.at(Language::french);
    CHECK(fr.terms.count("regulators") == 1);
    CHECK(fr.stems.count(analyzer_for(Language::french).stem("regulators")) == 1);
    const auto& en = parsed.highlights.at(Language::english);
    CHECK(en.stems.count(analyzer_for(Language::english).stem("regulators")) == 1);

    const auto only_en =
        parse_query("regulators", db, QueryOptions{Language::english, "", "", false});
    CHECK(only_en.highlights.count(Language::french) == 0);
    CHECK_FALSE(holds(only_en.query, "Lfr"));
    CHECK(holds(only_en.query, "Len"));
}

TEST_CASE("languages without clippings are left out, and filters that select all", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(clipping_doc("fr", {"developpes"}));
    db.add_document(clipping_doc("fr", {"modeles"}));
    SECTION("every clipping French: one branch, no filter") {
        const auto parsed = parse_query("Développés", db);
        CHECK_FALSE(holds(parsed.query, "Lfr"));
        CHECK_FALSE(holds(parsed.query, "Len"));
        CHECK(parsed.highlights.count(Language::english) == 0);
        CHECK(parsed.query.get_description().find("AND_MAYBE developpes") != std::string::npos);
    }
    SECTION("a clipping in another language keeps the French filter") {
        db.add_document(clipping_doc("de", {"entwickelt"}));
        const auto parsed = parse_query("Développés", db);
        CHECK(holds(parsed.query, "Lfr"));
        CHECK_FALSE(holds(parsed.query, "Len"));
    }
    SECTION("branches asking the same of every clipping merge, without filters") {
        db.add_document(clipping_doc("en", {"mistral"}));
        // "mistral" stems alike in French and English.
        const auto parsed = parse_query("mistral", db);
        CHECK_FALSE(holds(parsed.query, "Lfr"));
        CHECK_FALSE(holds(parsed.query, "Len"));
        CHECK(parsed.highlights.count(Language::english) == 1);
    }
    SECTION("a query of English words only finds nothing, as before") {
        const auto parsed = parse_query("the", db);
        Xapian::Enquire enquire(db);
        enquire.set_query(parsed.query);
        CHECK(enquire.get_mset(0, 10).empty());
    }
}

TEST_CASE("the counting query matches the same clippings without the boost", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(clipping_doc("fr", {"developpes", "Zdevelopp"}));
    db.add_document(clipping_doc("fr", {"developpement", "Zdevelopp"}));
    db.add_document(clipping_doc("en", {"developed", "Zdevelop"}));
    const auto parsed = parse_query("développés", db);
    CHECK(parsed.matching.get_description().find("AND_MAYBE") == std::string::npos);
    for (const auto* query : {&parsed.query, &parsed.matching}) {
        Xapian::Enquire enquire(db);
        enquire.set_query(*query);
        CHECK(enquire.get_mset(0, 10, 3).get_matches_estimated() == 2);
    }
    const auto dated = parse_query("développés", db, QueryOptions{std::nullopt, "2024", "", false});
    CHECK(dated.matching.get_description().find("VALUE_GE") != std::string::npos);
}

TEST_CASE("misplaced operators and empty fields are errors naming the place", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
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
        CHECK_THROWS_AS(parse_query(row.typed, db), QueryError);
        CHECK_THROWS_WITH(parse_query(row.typed, db), Catch::Contains(row.message));
    }
}

TEST_CASE("well placed operators are no errors", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
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
        CHECK_NOTHROW(parse_query(query, db));
    }
}

TEST_CASE("a single date is the range of that day, month or year", "[query]") {
    const Analyzer& fr = analyzer_for(Language::french);
    CHECK(rewrite_query("date:2024", fr) == "date:2024..2024");
    CHECK(rewrite_query("date:2024-02 azure", fr) == "date:2024-02..2024-02 azure");
    CHECK(rewrite_query("(date:2024-02-01..2024-02-29)", fr) == "(date:2024-02-01..2024-02-29)");
    CHECK(rewrite_query("date:..2024", fr) == "date:..2024");
}

TEST_CASE("a wildcard highlights every indexed word it begins", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(clipping_doc("fr", {"azure", "azureenne", "azote"}));
    const auto parsed = parse_query("azur*", db);
    const auto& marks = parsed.highlights.at(Language::french).terms;
    CHECK(marks.count("azure") == 1);
    CHECK(marks.count("azureenne") == 1);
    CHECK(marks.count("azote") == 0);
}

TEST_CASE("filter fields do not weigh in the ranking", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(clipping_doc("fr", {"azure"}));
    const auto description = parse_query("azure tag:ia year:2024", db).query.get_description();
    // The exact-form boost (OR of unstemmed terms) holds the word but not the filters.
    CHECK(description.find("AND_MAYBE azure)") != std::string::npos);
    CHECK(description.find("AND_MAYBE (") == std::string::npos);
}

TEST_CASE("a misspelt query gets the spelling the index knows", "[query]") {
    // Only a disk backend keeps spelling data.
    const auto path = std::filesystem::temp_directory_path() /
                      ("revue-test-spelling-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    db.add_document(clipping_doc("fr", {"mistral", "azure"}));
    db.add_spelling("mistral");
    db.add_spelling("azure");
    QueryOptions spelling;
    spelling.spelling = true;
    CHECK(parse_query("Mistarl azrue", db, spelling).suggestion == "mistral azure");
    CHECK(parse_query("mistral AND azrue", db, spelling).suggestion == "mistral AND azure");
    CHECK(parse_query("mistral azure", db, spelling).suggestion.empty());
    CHECK(parse_query("Mistarl azrue", db).suggestion.empty());  // only when asked
    db.close();
    std::filesystem::remove_all(path);
}

TEST_CASE("an exact form in most clippings of a large index is not boosted", "[query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const auto boosted = [&](const char* word, const char* form) {
        const std::string text = parse_query(word, db).query.get_description();
        return text.find(std::string("AND_MAYBE ") + form) != std::string::npos;
    };
    // A small index keeps every boost, however common the form.
    for (int i = 0; i < 10; ++i) db.add_document(clipping_doc("fr", {"systeme", "Zsystem"}));
    CHECK(boosted("système", "systeme"));
    // Past 1,000 clippings, a form held by more than half of them weighs near nothing.
    for (int i = 0; i < 1200; ++i) db.add_document(clipping_doc("fr", {"systeme", "Zsystem"}));
    for (int i = 0; i < 900; ++i) db.add_document(clipping_doc("fr", {"reseau", "Zreseau"}));
    CHECK_FALSE(boosted("système", "systeme"));
    CHECK(boosted("réseau", "reseau"));  // in under half of them: boosted still
    // The common form still matches: the stem finds it.
    Xapian::Enquire enquire(db);
    enquire.set_query(parse_query("système", db).query);
    CHECK(enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated() == 1210);
}
