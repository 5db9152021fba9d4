// The indexer: a clipping's document, runs that add, update and remove files, threads, dictionary.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "index_fixtures.hpp"
#include "revue/analysis/analyzer.hpp"
#include "revue/core/errors.hpp"
#include "revue/index/clipping_codec.hpp"
#include "revue/index/document_builder.hpp"
#include "revue/index/index_store.hpp"
#include "revue/index/indexer.hpp"
#include "revue/index/schema.hpp"
#include "revue/index/stored_form.hpp"
#include "revue/readers/reader.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace revue;
using revue::testing::read_bytes;
using revue::testing::TempDir;

namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

}  // namespace

TEST_CASE("a clipping's document holds its words, stems, fields and positions", "[indexer]") {
    Clipping c = revue::testing::sample_clipping();
    c.path = "/clips/a.txt";
    c.article = 1;
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
    // Stems exist for content words, title words also under the title prefix, and not for
    // stop words ("pour").
    const Analyzer& fr = analyzer_for(Language::french);
    const auto stem_of = [&](const char* word) { return fr.stem(fr.fold(word)); };
    for (const char* word : {"vents", "porteurs", "intelligence", "générative"}) {
        INFO(word);
        CHECK(has_term(doc, "Z" + stem_of(word)));
    }
    CHECK(has_term(doc, "ZS" + stem_of("vents")));
    CHECK(has_term(doc, "ZS" + stem_of("porteurs")));
    CHECK_FALSE(has_term(doc, "ZS" + stem_of("intelligence")));  // a body word, not the title's
    CHECK_FALSE(has_term(doc, "Zpour"));
    // Stop words are not indexed and take no position: a phrase skips them.
    CHECK_FALSE(has_term(doc, "pour"));
    CHECK(position_of("azure") == position_of("porteurs") + 1);
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
        Indexer indexer(db, read_clippings);
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
        Indexer indexer(db, read_clippings);
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
    Indexer first(t.path / "db", read_clippings);
    CHECK_THROWS_AS(Indexer(t.path / "db", read_clippings), IndexLocked);
    CHECK_THROWS_WITH(Indexer(t.path / "db", read_clippings), Catch::Contains("locked"));
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
    Indexer indexer(t.path / "db", read_clippings);
    const auto r = indexer.index({t.path / "clips"}, options);
    CHECK(warned == 1);
    CHECK(r.skipped.at("too large") == 1);
}

namespace {

// read_clippings, counting the files it is asked to read.
struct CountingReader {
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    std::vector<Clipping> operator()(const fs::path& path, std::string_view bytes) const {
        ++*calls;
        return read_clippings(path, bytes);
    }
};

void set_mtime(const fs::path& path, fs::file_time_type::duration shift) {
    fs::last_write_time(path, fs::last_write_time(path) + shift);
}

}  // namespace

TEST_CASE("a file counts as changed by size or time, and is read again only when its bytes differ",
          "[indexer]") {
    TempDir t;
    t.write("clips/a.txt", "Titre A\n\nmotalpha\n");
    t.write("clips/b.txt", "Titre B\n\nmotbravo\n");
    const fs::path db = t.path / "db";
    CountingReader reader;
    {
        Indexer indexer(db, reader);
        CHECK(indexer.index({t.path / "clips"}, {}).added == 2);
        CHECK(*reader.calls == 2);
    }
    struct Case {
        const char* what;
        std::string content;       // empty: keep the bytes
        std::chrono::hours shift;  // of the modification time
        int reads;
        int updated;
        int unchanged;
    };
    const std::vector<Case> cases = {
        {"touched, same bytes: not analysed", "", std::chrono::hours(1), 0, 0, 2},
        {"same size and time: not even read", "", std::chrono::hours(0), 0, 0, 2},
        {"restored from a backup: older, other bytes", "Titre A\n\nmotdelta\n",
         -std::chrono::hours(48), 1, 1, 1},
        {"same size, newer, other bytes", "Titre A\n\nmotecho!\n", std::chrono::hours(3), 1, 1, 1},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const fs::path a = t.path / "clips/a.txt";
        if (!c.content.empty()) {
            const auto before = fs::last_write_time(a);
            t.write("clips/a.txt", c.content);
            fs::last_write_time(a, before);
        }
        set_mtime(a, c.shift);
        *reader.calls = 0;
        Indexer indexer(db, reader);
        const auto r = indexer.index({t.path / "clips"}, {});
        CHECK(*reader.calls == c.reads);
        CHECK(r.updated == c.updated);
        CHECK(r.unchanged == c.unchanged);
    }
    Xapian::Database check(db.string());
    CHECK(check.get_termfreq("motalpha") == 0);
    CHECK(check.get_termfreq("motecho") == 1);
    CHECK(check.get_doccount() == 2);
}

TEST_CASE("one thread or several index the same articles, terms and statistics", "[indexer]") {
    TempDir t;
    std::map<unsigned, Xapian::Database> dbs;
    for (const unsigned jobs : {1u, 3u}) {
        const fs::path db = t.path / ("db" + std::to_string(jobs));
        Indexer indexer(db, read_clippings, jobs);
        const auto r = indexer.index({REVUE_CORPUS, fs::path(REVUE_FIXTURES) / "formats"}, {});
        CHECK(r.added > 20);
        dbs.emplace(jobs, Xapian::Database(db.string()));
    }
    const auto& one = dbs.at(1);
    const auto& three = dbs.at(3);
    CHECK(three.size() == 1);  // written in 3 shards, merged into one database
    CHECK(one.get_doccount() == three.get_doccount());
    CHECK(one.get_total_length() == three.get_total_length());
    std::size_t terms = 0;
    for (auto a = one.allterms_begin(), b = three.allterms_begin(); a != one.allterms_end();
         ++a, ++b) {
        REQUIRE(b != three.allterms_end());
        REQUIRE(*a == *b);
        CHECK(a.get_termfreq() == b.get_termfreq());
        ++terms;
    }
    CHECK(terms > 1000);
    CHECK(one.get_spelling_suggestion("inteligence") == "intelligence");
    CHECK(three.get_spelling_suggestion("inteligence") == "intelligence");
}

TEST_CASE("a folder holding other files is not taken for an index", "[indexer]") {
    TempDir t;
    t.write("documents/report.txt", "not an index");
    CHECK_THROWS_AS(Indexer(t.path / "documents", read_clippings), NotAnIndex);
    CHECK_THROWS_WITH(Indexer(t.path / "documents", read_clippings),
                      Catch::Contains("is not a revue index"));
    CHECK(fs::exists(t.path / "documents/report.txt"));
}

TEST_CASE("a run stopped halfway keeps what it wrote and the next run completes it", "[indexer]") {
    TempDir t;
    for (int i = 0; i < 40; ++i)
        t.write("clips/n" + std::to_string(i) + ".txt", "Note\n\nmotcommun " + std::to_string(i));
    const fs::path db = t.path / "db";
    std::atomic<int> polls{0};  // polled from every indexing thread
    IndexOptions options;
    options.stop_requested = [&] { return ++polls > 10; };
    {
        Indexer indexer(db, read_clippings, 2);
        const auto r = indexer.index({t.path / "clips"}, options);
        CHECK(r.interrupted);
        CHECK(r.added > 0);
        CHECK(r.added < 40);
    }
    CHECK(Xapian::Database(db.string()).get_termfreq("motcommun") > 0);
    Indexer indexer(db, read_clippings, 2);
    const auto r = indexer.index({t.path / "clips"}, {});
    CHECK_FALSE(r.interrupted);
    CHECK(r.removed == 0);
    CHECK(Xapian::Database(db.string()).get_termfreq("motcommun") == 40);
}

TEST_CASE("a large enough first run trains a dictionary for the stored clippings", "[indexer]") {
    TempDir t;
    for (int i = 0; i < 120; ++i) {
        t.write("clips/n" + std::to_string(i) + ".txt",
                "Titre " + std::to_string(i) +
                    "\n\nLe gouvernement présente un plan pour le numérique et les entreprises "
                    "européennes, numéro " +
                    std::to_string(i) + ".\n");
    }
    {
        Indexer indexer(t.path / "db", read_clippings, 2);
        CHECK(indexer.index({t.path / "clips"}, {}).added == 120);
    }
    const Xapian::Database db((t.path / "db").string());
    const ClippingCodec codec = schema::codec_of(db);
    REQUIRE(codec.compresses());
    for (unsigned s = 0; s < db.size(); ++s) {  // every shard holds the dictionary
        Xapian::Database shard((t.path / "db" / ("shard" + std::to_string(s) + ".g2")).string());
        CHECK(shard.get_metadata(std::string(schema::kDictionaryKey)) == codec.dictionary());
    }
    // Searches map the copy in the index folder.
    CHECK(read_bytes(t.path / "db" / IndexStore::kDictionaryFile) == codec.dictionary());
    const std::string term = schema::file_term((t.path / "clips/n7.txt").string());
    const Xapian::Document doc = db.get_document(*db.postlist_begin(term));
    CHECK(doc.get_data()[0] != '{');
    CHECK(schema::load_clipping(doc, codec).title == "Titre 7");
}

TEST_CASE("a big run on a settled index writes on more threads, then merges back", "[indexer]") {
    TempDir t;
    const auto clip = [&](int i) {
        t.write("clips/c" + std::to_string(i) + ".txt", "Titre " + std::to_string(i) +
                                                            "\n\nUn texte sur le marché, numéro " +
                                                            std::to_string(i) + ".\n");
    };
    for (int i = 0; i < 5; ++i) clip(i);
    {
        Indexer indexer(t.path / "db", read_clippings, 1);
        CHECK(indexer.index({t.path / "clips"}, {}).added == 5);
    }
    for (int i = 5; i < 40; ++i) clip(i);
    t.write("clips/c2.txt", "Titre 2\n\nUn texte changé.\n");
    IndexOptions options;
    options.parallel_run_files = 10;
    std::set<std::string> shards_seen;
    options.on_file = [&](const fs::path&, std::uintmax_t) {
        std::ifstream stub(t.path / "db" / "XAPIANDB");
        for (std::string line; std::getline(stub, line);) shards_seen.insert(line);
    };
    {
        Indexer indexer(t.path / "db", read_clippings, 3);
        const auto r = indexer.index({t.path / "clips"}, options);
        CHECK(r.added == 35);
        CHECK(r.updated == 1);
    }
    CHECK(shards_seen.size() == 3);  // the settled database and two new shards
    const std::string stub_text = read_bytes(t.path / "db" / "XAPIANDB");
    CHECK(stub_text.find('\n') == stub_text.size() - 1);  // one database again
    const Xapian::Database db((t.path / "db").string());
    CHECK(db.get_doccount() == 40);
    // The changed file's new words, and its stem, are in; its old text is not.
    const Analyzer& fr = analyzer_for(Language::french);
    CHECK(db.get_termfreq("change") == 1);
    CHECK(db.get_termfreq("Z" + fr.stem("change")) == 1);
    CHECK(db.get_termfreq("marche") == 39);
    // A later small run stays on the one database.
    clip(40);
    Indexer again(t.path / "db", read_clippings, 3);
    CHECK(again.index({t.path / "clips"}, options).added == 1);
    CHECK(Xapian::Database((t.path / "db").string()).size() == 1);
}
