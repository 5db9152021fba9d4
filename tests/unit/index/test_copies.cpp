// Copies of one text: only clippings sharing a fingerprint get the collapse key, run after run.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "revue/index/indexer.hpp"
#include "revue/index/schema.hpp"
#include "revue/readers/reader.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace revue;
using revue::testing::TempDir;

TEST_CASE("only clippings that have copies carry a collapse key, across shards and runs",
          "[indexer]") {
    TempDir t;
    const std::string dispatch =
        "Le conseil municipal a voté mardi la construction du téléphérique reliant la gare "
        "au plateau, un chantier de trois ans financé par la région et la métropole.";
    const std::string other =
        "Les éditeurs de logiciels basculent leurs offres vers le cloud, facturé désormais par "
        "abonnement mensuel aux directions informatiques des grandes entreprises.";
    t.write("clips/a.txt", "Le téléphérique\n\n" + dispatch + "\n");
    t.write("clips/b.txt", "Téléphérique : feu vert\n\n" + dispatch + "\n");
    t.write("clips/c.txt", "Le cloud\n\n" + other + "\n");
    t.write("clips/d.txt", "Brève\n\nTrois mots seulement.\n");
    // path -> (collapse key, fingerprint)
    const auto values = [&] {
        std::map<std::string, std::pair<std::string, std::string>> out;
        const Xapian::Database db((t.path / "db").string());
        for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
            const Xapian::Document doc = db.get_document(*d);
            out[fs::path(doc.get_value(schema::kPathSlot)).filename().string()] = {
                doc.get_value(schema::kCollapseSlot), doc.get_value(schema::kFingerprintSlot)};
        }
        return out;
    };
    {
        Indexer indexer(t.path / "db", read_clippings, 3);  // a new index: three shards
        CHECK(indexer.index({t.path / "clips"}, {}).added == 4);
    }
    auto v = values();
    CHECK_FALSE(v["a.txt"].first.empty());
    CHECK(v["a.txt"].first == v["b.txt"].first);
    CHECK(v["a.txt"].first == v["a.txt"].second);
    CHECK(v["c.txt"].first.empty());
    CHECK_FALSE(v["c.txt"].second.empty());
    CHECK(v["d.txt"].first.empty());
    CHECK(v["d.txt"].second.empty());  // too short to tell copies apart

    // The copy goes: the original is alone again. Another text gets a copy.
    fs::remove(t.path / "clips/b.txt");
    t.write("clips/e.txt", "Cloud : la bascule\n\n" + other + "\n");
    {
        Indexer indexer(t.path / "db", read_clippings, 3);
        const auto r = indexer.index({t.path / "clips"}, {});
        CHECK(r.added == 1);
        CHECK(r.removed == 1);
    }
    v = values();
    CHECK(v.count("b.txt") == 0);
    CHECK(v["a.txt"].first.empty());
    CHECK_FALSE(v["c.txt"].first.empty());
    CHECK(v["c.txt"].first == v["e.txt"].first);
}
