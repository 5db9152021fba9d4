// What a parsed query finds: per-language matching, exact forms above stems, filters, dates.
#include "revue/search/query.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "revue/analysis/analyzer.hpp"
#include "revue/core/errors.hpp"
#include "search_fixtures.hpp"
#include "temp_dir.hpp"

using namespace revue;
using revue::testing::add;
using revue::testing::found;
using revue::testing::memory_db;
using revue::testing::request;
using revue::testing::weight_of;
using Docs = std::vector<Xapian::docid>;

namespace {

bool holds(const Xapian::Query& query, const std::string& term) {
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t)
        if (*t == term) return true;
    return false;
}

Docs sorted(Docs docs) {
    std::sort(docs.begin(), docs.end());
    return docs;
}

}  // namespace

TEST_CASE("empty queries are errors", "[query]") {
    auto db = memory_db();
    CHECK_THROWS_AS(parse_query(request("\"open source"), db), BadQuery);
    CHECK_THROWS_WITH(parse_query(request("\"open source"), db), Catch::Contains("not closed"));
    CHECK_THROWS_AS(parse_query(request(""), db), BadQuery);
    CHECK_THROWS_AS(parse_query(request("   "), db), BadQuery);
}

TEST_CASE("a query is matched per language, with stems and exact words", "[query]") {
    const Analyzer& fr = analyzer_for(Language::french);
    const Analyzer& en = analyzer_for(Language::english);
    // The French and English stems differ: each clipping must be read in its own language.
    REQUIRE(fr.stem("regulators") != en.stem("regulators"));
    REQUIRE(fr.stem("regulation") == en.stem("regulators"));
    auto db = memory_db();
    const auto fr_other = add(db, "fr", "régulateurs");   // another French stem
    const auto en_exact = add(db, "en", "regulators");    // the word as typed
    const auto en_stem = add(db, "en", "regulation");     // the English stem only
    const auto fr_english = add(db, "fr", "regulation");  // the English stem, in French
    const auto fr_stem = add(db, "fr", "regulator");      // the French stem only

    const auto parsed = parse_query(request("Regulators"), db);
    const Docs all = found(db, parsed.query);
    REQUIRE(all.size() == 3);
    CHECK(all.front() == en_exact);  // the exact form ranks first
    CHECK(sorted(all) == sorted({en_exact, en_stem, fr_stem}));
    // Neither the other French stem nor the English stem in a French clipping matches.
    CHECK(std::count(all.begin(), all.end(), fr_other) == 0);
    CHECK(std::count(all.begin(), all.end(), fr_english) == 0);
    const auto& fr_marks = parsed.highlights.at(Language::french);
    CHECK(fr_marks.words.count("regulators") == 1);
    CHECK(fr_marks.stems.count(fr.stem("regulators")) == 1);
    const auto& en_marks = parsed.highlights.at(Language::english);
    CHECK(en_marks.stems.count(en.stem("regulators")) == 1);

    SearchRequest english = request("regulators");
    english.language = Language::english;
    const auto only_en = parse_query(english, db);
    CHECK(only_en.highlights.count(Language::french) == 0);
    CHECK(found(db, only_en.query) == Docs{en_exact, en_stem});
    SearchRequest french = request("regulators");
    french.language = Language::french;
    const auto only_fr = parse_query(french, db);
    CHECK(only_fr.highlights.count(Language::english) == 0);
    CHECK(found(db, only_fr.query) == Docs{fr_stem});
}

TEST_CASE("languages without clippings are left out, and filters that select all", "[query]") {
    auto db = memory_db();
    const auto exact = add(db, "fr", "développés");
    add(db, "fr", "modèles");
    const auto stem = add(db, "fr", "développement");
    SECTION("every clipping French: one branch, no filter, exact form first") {
        const auto parsed = parse_query(request("Développés"), db);
        CHECK_FALSE(holds(parsed.query, "Lfr"));
        CHECK_FALSE(holds(parsed.query, "Len"));
        CHECK(parsed.highlights.count(Language::english) == 0);
        CHECK(found(db, parsed.query) == Docs{exact, stem});
        CHECK(weight_of(db, parsed.query, exact) > weight_of(db, parsed.query, stem));
    }
    SECTION("a clipping in another language keeps the French filter") {
        add(db, "de", "développés");  // French terms, in a clipping that is not French
        const auto parsed = parse_query(request("Développés"), db);
        CHECK(holds(parsed.query, "Lfr"));
        CHECK_FALSE(holds(parsed.query, "Len"));
        CHECK(found(db, parsed.query) == Docs{exact, stem});
    }
    SECTION("branches asking the same of every clipping merge, without filters") {
        // "mistral" stems alike in French and English.
        const auto in_english = add(db, "en", "mistral");
        const auto in_french = add(db, "fr", "mistral");
        const auto parsed = parse_query(request("mistral"), db);
        CHECK_FALSE(holds(parsed.query, "Lfr"));
        CHECK_FALSE(holds(parsed.query, "Len"));
        CHECK(parsed.highlights.count(Language::english) == 1);
        CHECK(sorted(found(db, parsed.query)) == Docs{in_english, in_french});
    }
    SECTION("a query of English words only finds nothing, as before") {
        CHECK(found(db, parse_query(request("the"), db).query).empty());
    }
}

TEST_CASE("the counting query matches the same clippings without the boost", "[query]") {
    auto db = memory_db();
    const auto exact = add(db, "fr", "développés", "2024-03-01");
    const auto stem = add(db, "fr", "développement", "2023-05-01");
    add(db, "en", "developed", "2024-03-01");  // another English stem
    const auto undated = add(db, "fr", "développés");
    const auto parsed = parse_query(request("développés"), db);
    CHECK(sorted(found(db, parsed.query)) == Docs{exact, stem, undated});
    CHECK(sorted(found(db, parsed.matching)) == Docs{exact, stem, undated});
    // Ranked, the exact form weighs more; counted, the stem alone weighs, alike in both.
    CHECK(weight_of(db, parsed.query, exact) > weight_of(db, parsed.query, stem));
    CHECK(weight_of(db, parsed.matching, exact) == Approx(weight_of(db, parsed.matching, stem)));

    SearchRequest since = request("développés");
    since.since = "2024";
    const auto dated = parse_query(since, db);
    CHECK(found(db, dated.query) == Docs{exact});
    CHECK(found(db, dated.matching) == Docs{exact});
    SearchRequest until = request("développés");
    until.until = "2023-12";
    CHECK(found(db, parse_query(until, db).matching) == Docs{stem});
    SearchRequest bad = request("développés");
    bad.since = "2024-13";
    CHECK_THROWS_AS(parse_query(bad, db), BadQuery);
}

TEST_CASE("a wildcard finds and highlights every indexed word it begins", "[query]") {
    auto db = memory_db();
    const auto both = add(db, "fr", "azure azuréenne azote");
    add(db, "fr", "azote");
    const auto parsed = parse_query(request("azur*"), db);
    CHECK(found(db, parsed.query) == Docs{both});
    const auto& marks = parsed.highlights.at(Language::french).words;
    CHECK(marks.count("azure") == 1);
    CHECK(marks.count("azureenne") == 1);
    CHECK(marks.count("azote") == 0);
}

TEST_CASE("filter fields do not weigh in the ranking", "[query]") {
    auto db = memory_db();
    const auto exact = add(db, "fr", "azure", "2024-05-01", {"IA"});
    const auto stem = add(db, "fr", "azur", "2024-06-01", {"ia"});  // the stem only
    add(db, "fr", "azure", "2024-05-01", {"cloud"});
    add(db, "fr", "azure", "2023-05-01", {"ia"});
    const Xapian::Query filtered = parse_query(request("azure tag:ia year:2024"), db).query;
    const Xapian::Query plain = parse_query(request("azure"), db).query;
    CHECK(found(db, filtered) == Docs{exact, stem});
    // The filters select, and add nothing to the weights: the exact form still ranks first.
    CHECK(weight_of(db, filtered, exact) == Approx(weight_of(db, plain, exact)));
    CHECK(weight_of(db, filtered, stem) == Approx(weight_of(db, plain, stem)));
    CHECK(weight_of(db, filtered, exact) > weight_of(db, filtered, stem));
    // Highlights hold the word, never the filters' terms.
    const auto& marks = parse_query(request("azure tag:ia year:2024"), db).highlights;
    CHECK(marks.at(Language::french).words == std::set<std::string>{"azure"});
}

TEST_CASE("field words are searched in their field and never highlighted", "[query]") {
    auto db = memory_db();
    Clipping c;
    c.path = "/clips/title.txt";
    c.lang = "fr";
    c.title = "Mistral lève des fonds";
    c.body = "La start-up parisienne annonce un tour de table.";
    const auto titled = db.add_document(make_document(c));
    const auto in_body = add(db, "fr", "Le mistral souffle sur la Provence.");
    CHECK(sorted(found(db, parse_query(request("mistral"), db).query)) == Docs{titled, in_body});
    const auto parsed = parse_query(request("title:mistral"), db);
    CHECK(found(db, parsed.query) == Docs{titled});
    const auto marks = parsed.highlights.find(Language::french);
    CHECK((marks == parsed.highlights.end() ||
           (marks->second.words.empty() && marks->second.stems.empty())));
}

TEST_CASE("a misspelt query gets the spelling the index knows", "[query]") {
    // Only a disk backend keeps spelling data.
    revue::testing::TempDir t;
    Xapian::WritableDatabase db((t.path / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    add(db, "fr", "mistral azure");
    db.add_spelling("mistral");
    db.add_spelling("azure");
    CHECK(parse_query(request("Mistarl azrue"), db, true).suggestion == "mistral azure");
    CHECK(parse_query(request("mistral AND azrue"), db, true).suggestion == "mistral AND azure");
    CHECK(parse_query(request("mistral azure"), db, true).suggestion.empty());
    CHECK(parse_query(request("Mistarl azrue"), db).suggestion.empty());  // only when asked
}

TEST_CASE("an exact form in most clippings of a large index is not boosted", "[query]") {
    auto db = memory_db();
    const auto exact_over_stem = [&](const char* word, Xapian::docid exact, Xapian::docid stem) {
        const Xapian::Query query = parse_query(request(word), db).query;
        const double e = weight_of(db, query, exact);
        const double s = weight_of(db, query, stem);
        REQUIRE(s > 0);
        return e - s;
    };
    // A small index keeps every boost, however common the form.
    const auto systeme = add(db, "fr", "système");
    for (int i = 0; i < 9; ++i) add(db, "fr", "système");
    const auto systemes = add(db, "fr", "systèmes");  // the stem only, as long a text
    CHECK(exact_over_stem("système", systeme, systemes) > 0);
    // Past 1,000 clippings, a form held by more than half of them weighs near nothing: it
    // weighs nothing more than the stem.
    for (int i = 0; i < 1200; ++i) add(db, "fr", "système");
    const auto reseau = add(db, "fr", "réseau");
    for (int i = 0; i < 899; ++i) add(db, "fr", "réseau");
    const auto reseaux = add(db, "fr", "réseaux");
    CHECK(exact_over_stem("système", systeme, systemes) == Approx(0).margin(1e-9));
    CHECK(exact_over_stem("réseau", reseau, reseaux) > 0);  // in under half of them: boosted
    // The common form still matches: the stem finds it, and every other form.
    CHECK(found(db, parse_query(request("système"), db).query).size() == 1211);
}
