// The index folder: its stub over shards, merging, the lock, and what it refuses to open.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <string>

#include "revue/core/errors.hpp"
#include "revue/index/index_store.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace revue;
using revue::testing::read_bytes;
using revue::testing::TempDir;

TEST_CASE("a new index is a stub over its shards, and keeps their number", "[index_store]") {
    TempDir t;
    const fs::path path = t.path / "deep/index";
    {
        IndexStore store(path, 3);
        CHECK(store.shard_count() == 3);
        CHECK(read_bytes(path / "XAPIANDB") == "auto shard0.g1\nauto shard1.g1\nauto shard2.g1\n");
        Xapian::Document doc;
        doc.add_term("motun");
        store.shard(1).add_document(doc);
        store.shard(1).commit();
    }
    IndexStore again(path, 1);  // the number chosen at creation stays
    CHECK(again.shard_count() == 3);
    Xapian::Database all(path.string());
    CHECK(all.get_doccount() == 1);
    CHECK(all.get_termfreq("motun") == 1);
}

TEST_CASE("merging rewrites the shards as one database and removes them", "[index_store]") {
    TempDir t;
    const fs::path path = t.path / "index";
    IndexStore store(path, 2);
    for (int i = 0; i < 50; ++i) {
        Xapian::Document doc;
        doc.add_term("mot" + std::to_string(i % 7));
        store.shard(i % 2).add_document(doc);
    }
    store.shard(1).set_metadata("cle", "valeur");
    store.merge();
    CHECK(store.shard_count() == 1);
    CHECK(read_bytes(path / "XAPIANDB") == "auto shard0.g2\n");
    CHECK_FALSE(fs::exists(path / "shard0.g1"));
    CHECK_FALSE(fs::exists(path / "shard1.g1"));
    const Xapian::Database merged(path.string());
    CHECK(merged.get_doccount() == 50);
    CHECK(merged.get_termfreq("mot3") == 7);
    CHECK(merged.get_metadata("cle") == "valeur");
    // The merged database stays writable.
    Xapian::Document doc;
    doc.add_term("apres");
    store.shard(0).add_document(doc);
    store.shard(0).commit();
    CHECK(Xapian::Database(path.string()).get_termfreq("apres") == 1);
}

TEST_CASE("added shards are numbered after the highest and listed in the stub", "[index_store]") {
    TempDir t;
    const fs::path path = t.path / "index";
    IndexStore store(path, 2);
    store.merge();
    store.add_shards(2);
    CHECK(store.shard_count() == 3);
    CHECK(read_bytes(path / "XAPIANDB") == "auto shard0.g2\nauto shard1.g1\nauto shard2.g1\n");
    Xapian::Document doc;
    doc.add_term("nouveau");
    store.shard(2).add_document(doc);
    store.shard(2).commit();
    CHECK(Xapian::Database(path.string()).get_termfreq("nouveau") == 1);
}

TEST_CASE("searchers open a settled index's one database, or every shard", "[index_store]") {
    TempDir t;
    const fs::path path = t.path / "index";
    IndexStore store(path, 2);
    for (int i = 0; i < 10; ++i) {
        Xapian::Document doc;
        doc.add_term("mot");
        store.shard(i % 2).add_document(doc);
    }
    store.shard(0).commit();
    store.shard(1).commit();
    const Xapian::Database shards = IndexStore::open_for_reading(path);
    CHECK(shards.get_doccount() == 10);
    CHECK(shards.size() == 2);
    store.merge();
    const Xapian::Database one = IndexStore::open_for_reading(path);
    CHECK(one.get_doccount() == 10);
    CHECK(one.get_termfreq("mot") == 10);
    CHECK(one.size() == 1);
    // A stub naming a shard that is not there: Xapian's opening error, as revue's.
    std::ofstream(path / "XAPIANDB") << "auto shard7.g1\n";
    CHECK_THROWS_AS(IndexStore::open_for_reading(path), NotAnIndex);
    CHECK_THROWS_AS(IndexStore::open_for_reading(t.path / "nothing"), NoIndex);
    CHECK_THROWS_WITH(IndexStore::open_for_reading(t.path / "nothing"),
                      Catch::Contains("no index at") && Catch::Contains("nothing"));
    // Xapian's stubs may hold comments and blank lines.
    std::ofstream(path / "XAPIANDB") << "# merged\n\nauto shard0.g2\n";
    CHECK(IndexStore::open_for_reading(path).get_doccount() == 10);
}

TEST_CASE("a second writer is refused with the holder's pid, and leftovers are cleared",
          "[index_store]") {
    TempDir t;
    const fs::path path = t.path / "index";
    {
        IndexStore first(path, 1);
        first.write_pid();
        CHECK_THROWS_AS(IndexStore(path, 1), IndexLocked);
        CHECK_THROWS_WITH(IndexStore(path, 1),
                          Catch::Contains("index is locked by another revue index (pid " +
                                          std::to_string(::getpid()) + ")"));
    }
    fs::create_directories(path / "shard0.g7");  // as a compaction killed halfway leaves it
    IndexStore store(path, 1);
    CHECK_FALSE(fs::exists(path / "shard0.g7"));
    CHECK(fs::exists(path / "shard0.g1"));
}

TEST_CASE("an index made by an older revue is named as such", "[index_store]") {
    TempDir t;
    t.write("index/iamglass");
    CHECK_THROWS_AS(IndexStore(t.path / "index", 1), NotAnIndex);
    CHECK_THROWS_WITH(IndexStore(t.path / "index", 1), Catch::Contains("older revue"));
}
