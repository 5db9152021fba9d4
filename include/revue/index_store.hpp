// The index folder on disk: a Xapian stub (XAPIANDB) over one glass database per shard, a
// lock that names its holder, and the atomic switch to a compacted shard.
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

// Searchers open the folder as one Xapian::Database (Xapian reads the stub); only the
// indexer opens the shards one by one, each for one writing thread.
class IndexStore {
  public:
    static constexpr std::string_view kLockFile = "revue-index.pid";
    static constexpr std::string_view kStubFile = "XAPIANDB";

    // Locks the folder and opens every shard for writing, first creating the folder with
    // `new_shards` shards when it holds no index yet. Throws std::runtime_error when it is
    // locked, is not a revue index, or cannot be written.
    IndexStore(const std::filesystem::path& path, std::size_t new_shards);

    const std::filesystem::path& path() const { return path_; }
    std::size_t shard_count() const { return shards_.size(); }
    Xapian::WritableDatabase& shard(std::size_t i) { return shards_[i]; }
    void write_pid() const { lock_.write_pid(); }

    // Rewrites the given shards compactly (in parallel), then switches the stub to the new
    // copies in one rename; a search sees the old shards or the new ones, never a mix of
    // half-written ones. The old copies are removed.
    void compact(const std::vector<std::size_t>& shards);

  private:
    void write_stub() const;

    std::filesystem::path path_;
    IndexLock lock_;
    std::vector<std::string> names_;  // shard folder names, in stub order
    std::vector<Xapian::WritableDatabase> shards_;
};

}  // namespace revue
