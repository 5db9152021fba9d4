#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <map>
#include <string>

#include "revue/index_schema.hpp"
#include "revue/indexer.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace revue;
using revue::testing::TempDir;

namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

}  // namespace

TEST_CASE("a clipping's document holds its words, stems, fields and positions", "[indexer]") {
    Clipping c;
    c.path = "/clips/a.txt";
    c.title = "Vents porteurs pour Azure";
    c.body = "L’intelligence artificielle générative.";
    c.source = "Challenges";
    c.author = "G. F.";
    c.lang = "fr";
    c.date = "2024-02-29";
    c.tags = {"IA"};
    const Xapian::Document doc = make_document(c);

    CHECK(has_term(doc, "azure"));
    CHECK(has_term(doc, "Sazure"));
    CHECK(has_term(doc, "intelligence"));
    CHECK(has_term(doc, "generative"));
    CHECK(has_term(doc, "XSchallenges"));
    CHECK(has_term(doc, "Lfr"));
    CHECK(has_term(doc, "Y2024"));
    CHECK(has_term(doc, "Kia"));
    CHECK(has_term(doc, "P/clips/a.txt"));
    CHECK(has_term(doc, "Q/clips/a.txt#1"));
    CHECK_FALSE(has_term(doc, "l'intelligence"));
    // Title words weigh more than body words.
    auto it = doc.termlist_begin();
    it.skip_to("azure");
    CHECK(it.get_wdf() == schema::kTitleWeight);
    // Phrase positions: "intelligence" right before "artificielle".
    const auto position_of = [&](const std::string& term) {
        auto t = doc.termlist_begin();
        t.skip_to(term);
        REQUIRE(t != doc.termlist_end());
        REQUIRE(*t == term);
        return *t.positionlist_begin();
    };
    CHECK(position_of("artificielle") == position_of("intelligence") + 1);
    // Stems exist for content words and not for stop words ("pour").
    bool has_z_stem = false;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).rfind("Zventporteur", 0) == 0 || (*t).rfind("Zintellig", 0) == 0)
            has_z_stem = true;
    CHECK(has_z_stem);
    CHECK_FALSE(has_term(doc, "Zpour"));
}

TEST_CASE("indexing then re-indexing a folder reports each change", "[indexer]") {
    TempDir t;
    t.write("clips/a.txt", "Titre A\n\nmotalpha\n");
    t.write("clips/b.txt", "Titre B\n\nmotbravo\n");
    t.write("clips/empty.txt", "");
    const fs::path db = t.path / "db";
    std::map<std::string, std::string> warnings;
    IndexOptions options;
    options.on_warning = [&](const fs::path& p, const std::string& why) {
        warnings[p.filename().string()] = why;
    };

    {
        Indexer indexer(db);
        const auto r = indexer.index({t.path / "clips"}, options);
        CHECK(r.added == 2);
        CHECK(r.skipped_total() == 1);
        CHECK(warnings.at("empty.txt") == "empty");
        CHECK(r.summary() ==
              "indexed: 2 added, 0 updated, 0 removed, 0 unchanged, 1 skipped "
              "(1 empty)");
    }
    t.write("clips/a.txt", "Titre A\n\nmotcharlie plus long\n");
    fs::remove(t.path / "clips/b.txt");
    {
        Indexer indexer(db);
        const auto r = indexer.index({t.path / "clips"}, options);
        CHECK(r.updated == 1);
        CHECK(r.removed == 1);
        CHECK(r.added == 0);
    }
    Xapian::Database check(db.string());
    CHECK(check.get_doccount() == 1);
    CHECK(check.get_termfreq("motalpha") == 0);
    CHECK(check.get_termfreq("motbravo") == 0);
    CHECK(check.get_termfreq("motcharlie") == 1);
}

TEST_CASE("a second writer is told the index is locked", "[indexer]") {
    TempDir t;
    Indexer first(t.path / "db");
    CHECK_THROWS_WITH(Indexer(t.path / "db"), Catch::Contains("locked"));
}

TEST_CASE("files too large are skipped", "[indexer]") {
    TempDir t;
    t.write("clips/big.txt", std::string(2000, 'a'));
    IndexOptions options;
    options.max_size = 1000;
    int warned = 0;
    options.on_warning = [&](const fs::path&, const std::string& why) {
        CHECK(why == "too large");
        ++warned;
    };
    Indexer indexer(t.path / "db");
    const auto r = indexer.index({t.path / "clips"}, options);
    CHECK(warned == 1);
    CHECK(r.skipped.at("too large") == 1);
}
