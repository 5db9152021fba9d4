// The index folder on disk: a Xapian stub (XAPIANDB) over glass shards, a lock that names its
// holder, and the atomic switch to one merged database once a run is done.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace revue {

// A Xapian error as a user reads it: the message and, when there is one, the system's
// reason ("Error writing block 54 (No space left on device)").
std::string error_text(const Xapian::Error& error);

// The lock file of an index folder: held (flock) for the whole of an index run, and holding
// the writer's pid so a second writer can say who holds it. The kernel drops it with the
// process, so a killed run never leaves the index locked.
class IndexLock {
  public:
    // Throws std::runtime_error "index is locked by another revue index (pid N)".
    explicit IndexLock(const std::filesystem::path& index);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

    // Written once the index can be searched, so that whoever reads it can search too.
    void write_pid() const;

  private:
    int fd_ = -1;
};

// Searchers open the folder as one Xapian::Database; only the indexer opens the shards one
// by one, each for one writing thread. Shards are a way to write in parallel: a settled index
// is one database, because a search opens each shard's tables and walks each shard's posting
// lists (one database answered a millisecond sooner).
class IndexStore {
  public:
    static constexpr std::string_view kLockFile = "revue-index.pid";
    static constexpr std::string_view kStubFile = "XAPIANDB";
    // A copy of the clipping dictionary kept in every shard's metadata: a search maps the
    // file instead of reading 64 KB out of the postlist table (half a millisecond).
    static constexpr std::string_view kDictionaryFile = "clipping-dictionary.zstd";

    // The index as searchers read it: its one database opened straight (Xapian's reading of
    // the stub costs a search 0.2 ms), or the shards of an unsettled index together. Throws
    // std::runtime_error "no index at PATH" without a stub, and Xapian::Error as
    // Xapian::Database does.
    static Xapian::Database open_for_reading(const std::filesystem::path& path);

    // Locks the folder and opens every shard for writing, first creating the folder with
    // `new_shards` shards when it holds no index yet. Throws std::runtime_error when it is
    // locked, is not a revue index, or cannot be written.
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
