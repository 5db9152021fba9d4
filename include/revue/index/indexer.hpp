// Brings a revue index in line with the clipping files under some folders: adds new files,
// replaces changed ones, removes deleted ones, leaves unchanged ones unread. Files are read,
// analysed and written on several threads, each owning the shards it writes.
#pragma once

#include <filesystem>
#include <vector>

#include "revue/index/index_options.hpp"
#include "revue/index/index_report.hpp"
#include "revue/index/index_store.hpp"

namespace revue {

class Indexer {
  public:
    // Opens (or creates, with `jobs` shards) the index and locks it; throws when it is locked
    // or unwritable (index_store.hpp). jobs 0: one per core. A run uses at most one thread
    // per shard.
    Indexer(const std::filesystem::path& db_path, ReadClippings read, unsigned jobs = 0);

    // Throws FolderUnreadable for a root that cannot be read, IndexUnwritable when the index
    // cannot be written; a file that cannot be read is a warning, never an error.
    IndexReport index(const std::vector<std::filesystem::path>& roots, const IndexOptions& options);

  private:
    IndexStore store_;
    ReadClippings read_;
    unsigned jobs_;
};

}  // namespace revue
