// The index folder on disk: a Xapian stub (XAPIANDB) over glass shards, the lock, the
// clipping dictionary file, and the atomic switch to one merged database once a run is done.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "revue/index/index_lock.hpp"

namespace revue {

// Searchers open the folder as one Xapian::Database; only the indexer opens the shards one
// by one, each for one writing thread. Shards are a way to write in parallel: a settled index
// is one database, because a search opens each shard's tables and walks each shard's posting
// lists (one database answered a millisecond sooner).
class IndexStore {
  public:
    static constexpr std::string_view kStubFile = "XAPIANDB";
    // A copy of the clipping dictionary kept in every shard's metadata: a search maps the
    // file instead of reading 64 KB out of the postlist table (half a millisecond).
    static constexpr std::string_view kDictionaryFile = "clipping-dictionary.zstd";

    // The index as searchers read it: its one database opened straight (Xapian's reading of
    // the stub costs a search 0.2 ms), or the shards of an unsettled index together. Throws
    // NoIndex "no index at PATH" without a stub, and the translated Xapian errors.
    static Xapian::Database open_for_reading(const std::filesystem::path& path);

    // Locks the folder and opens every shard for writing, first creating the folder with
    // `new_shards` shards when it holds no index yet. Throws IndexLocked, NotAnIndex (a
    // folder of other files, an older revue's index), DamagedIndex or IndexUnwritable.
    IndexStore(const std::filesystem::path& path, std::size_t new_shards);

    const std::filesystem::path& path() const { return path_; }
    std::size_t shard_count() const { return shards_.size(); }
    Xapian::WritableDatabase& shard(std::size_t i) { return shards_[i]; }
    void write_pid() const { lock_.write_pid(); }

    // Writes the dictionary file when it is missing or holds other bytes.
    void keep_dictionary(std::string_view dictionary) const;

    // Adds empty shards, so that a big run can write on more threads.
    void add_shards(std::size_t count);

    // Rewrites every shard into one compact database, then switches the stub to it in one
    // rename: a search sees the old shards or the new database, never a half-written one.
    // The old shards are removed; the merged database is shard 0.
    void merge();

  private:
    void write_stub(const std::vector<std::string>& names) const;
    // Whole or not at all: written beside, then renamed over.
    void write_file(std::string_view name, std::string_view bytes) const;

    std::filesystem::path path_;
    IndexLock lock_;
    std::vector<std::string> names_;  // shard folder names, in stub order
    std::vector<Xapian::WritableDatabase> shards_;
};

}  // namespace revue
